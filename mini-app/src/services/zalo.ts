/**
 * The only module that talks to zmp-sdk. The SDK is loaded on first use so it
 * never weighs on the first screen; outside Zalo (localhost) it answers with mock values.
 */
const sdk = () => import("zmp-sdk/apis");

export function insideZalo(): boolean {
  return location.hostname === "h5.zdn.vn";
}

/** Opens the native QR scanner; null when cancelled or when there is no scanner (a desktop browser). */
export async function scanQrCode(): Promise<string | null> {
  try {
    const { scanQRCode } = await sdk();
    const { content } = await scanQRCode();
    return content ? content : null;
  } catch {
    return null;
  }
}

/** Zalo's share sheet for a page of the app; false when sharing is not available here. */
export async function shareAppPage(page: { title: string; description: string; path: string }): Promise<boolean> {
  try {
    const { openShareSheet } = await sdk();
    await openShareSheet({
      type: "zmp_deep_link",
      data: { title: page.title, description: page.description, path: page.path, thumbnail: "" },
    });
    return true;
  } catch {
    return false;
  }
}

/** Calls back with the path of every later deep link while the app stays open (QR scanned in Zalo). */
export function onOpenApp(callback: (path: string) => void): () => void {
  let unsubscribe = () => {};
  let cancelled = false;
  void sdk().then(({ events, EventName }) => {
    if (cancelled) return;
    const listener = (data?: { path?: string }) => {
      if (data?.path) callback(data.path);
    };
    events.on(EventName.OpenApp, listener);
    unsubscribe = () => events.off(EventName.OpenApp, listener);
  });
  return () => {
    cancelled = true;
    unsubscribe();
  };
}
