/** The app's own settings: the `template` block of app-config.json, injected at build time. */
export type AppSettings = {
  provinceName: string;
  miniAppId: string;
  apiUrl: string;
  hotline: string;
};

declare const __APP_CONFIG__: AppSettings;

export function getConfig<T>(getter: (config: AppSettings) => T): T {
  return getter(__APP_CONFIG__);
}
