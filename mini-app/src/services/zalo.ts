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

/**
 * Key-value storage for the session. Inside Zalo it is nativeStorage; elsewhere (and whenever
 * nativeStorage throws, as it does in desktop browsers) it is localStorage.
 */
async function nativeStore() {
  if (!insideZalo()) return null;
  try {
    return (await sdk()).nativeStorage;
  } catch {
    return null;
  }
}

export async function storageGet(key: string): Promise<string | null> {
  const native = await nativeStore();
  try {
    if (native) return native.getItem(key) || null;
  } catch {
    // fall through to localStorage
  }
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export async function storageSet(key: string, value: string): Promise<void> {
  const native = await nativeStore();
  try {
    if (native) return void native.setItem(key, value);
  } catch {
    // fall through to localStorage
  }
  try {
    localStorage.setItem(key, value);
  } catch {
    // private mode or storage full: the session simply lasts as long as the page
  }
}

export async function storageRemove(key: string): Promise<void> {
  const native = await nativeStore();
  try {
    native?.removeItem(key);
  } catch {
    // not available here
  }
  try {
    localStorage.removeItem(key);
  } catch {
    // not available here
  }
}

/** The Zalo access token for signing in to our API; null outside Zalo (the SDK mock answers ""). */
export async function getZaloAccessToken(): Promise<string | null> {
  if (!insideZalo()) return null;
  const { getAccessToken } = await sdk();
  const token = await getAccessToken();
  return token || null;
}

/**
 * The single-use token of getPhoneNumber() (Zalo shows its own consent screen), with the access
 * token the server needs to exchange it; null outside Zalo or when the resident declines.
 */
export async function getPhoneNumberToken(): Promise<{ accessToken: string; code: string } | null> {
  if (!insideZalo()) return null;
  try {
    const { getAccessToken, getPhoneNumber } = await sdk();
    const [{ token }, accessToken] = await Promise.all([getPhoneNumber(), getAccessToken()]);
    return token && accessToken ? { accessToken, code: token } : null;
  } catch {
    return null;
  }
}

/** Saves a PNG (a data: URL or bare base64) to the phone's gallery; false when that is not possible here. */
export async function saveImage(pngDataUrl: string): Promise<boolean> {
  if (!insideZalo()) return false;
  try {
    const { saveImageToGallery } = await sdk();
    await saveImageToGallery({ imageBase64Data: pngDataUrl });
    return true;
  } catch {
    return false;
  }
}

/** Opens an outside page (the province's VNeID sign-in) in Zalo's web view, or in this tab elsewhere. */
export async function openExternal(url: string): Promise<void> {
  if (insideZalo()) {
    try {
      const { openWebview } = await sdk();
      await openWebview({ url });
      return;
    } catch {
      // fall back to navigating this view
    }
  }
  window.location.assign(url);
}
