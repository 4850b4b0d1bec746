type SecretName =
  | "ZALO_APP_SECRET"
  | "SESSION_SECRET"
  | "OIDC_CLIENT_SECRET"
  | "AUDIT_SECRET"
  | "PAYMENT_GATEWAY_SECRET"
  | "ZALO_CHECKOUT_PRIVATE_KEY"
  | "ZALO_OA_APP_SECRET"
  | "ZALO_OA_SECRET_KEY"
  | "ZALO_OA_REFRESH_TOKEN";

/** A secret from configuration; a deployment without it fails closed with a logged 500. */
export function secret(env: CloudflareBindings, name: SecretName): string {
  const value = env[name];
  if (!value) throw new Error(`Configuration is missing the secret ${name}`);
  return value;
}

/** The key of the dossier events' hash chain (shared/src/dossier/audit.ts). */
export const auditKey = (env: CloudflareBindings) => secret(env, "AUDIT_SECRET");

export const devAuthEnabled = (env: CloudflareBindings) => env.DEV_AUTH === "enabled";
