import type { PaymentStartResponse } from "../../../shared/src/payment/fee";
import { afterFirstScreen } from "../utils/after-first-screen";

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

/**
 * Calls back with the path of every later deep link while the app stays open (QR scanned in Zalo).
 * Only Zalo reopens the app with a new path, so elsewhere nothing listens; inside Zalo the SDK
 * loads once the first screen has settled (a reopening cannot come sooner), not with it.
 */
export function onOpenApp(callback: (path: string) => void): () => void {
  if (!insideZalo()) return () => {};
  let unsubscribe = () => {};
  let cancelled = false;
  afterFirstScreen(() => {
    if (cancelled) return;
    void sdk().then(({ events, EventName }) => {
      if (cancelled) return;
      const listener = (data?: { path?: string }) => {
        if (data?.path) callback(data.path);
      };
      events.on(EventName.OpenApp, listener);
      unsubscribe = () => events.off(EventName.OpenApp, listener);
    });
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

/** The order the API prepared for Zalo Checkout, its MAC computed on the server. */
export type CheckoutOrder = Extract<PaymentStartResponse["start"], { kind: "zalo_checkout" }>["order"];

/**
 * Opens Zalo Checkout (zmp-sdk's `Payment.createOrder`) for an order whose MAC the API computed,
 * and resolves with Checkout's order id, which the API needs to ask Zalo about a payment whose
 * callback never came. Null when the resident closed Checkout or it is not available here.
 * Whether the fee is paid is never read from here: only Zalo's signed callback or the API's own
 * status query say so.
 *
 * Outside Zalo (`PAYMENT_PROVIDER=zalo_checkout npm start`, browser tests) the order goes to the
 * local Checkout sandbox at VITE_ZALO_CHECKOUT_SANDBOX_URL, which pays it at once and posts the
 * signed callback to the API as Zalo's server would; without that URL there is no Checkout.
 */
export async function createCheckoutOrder(order: CheckoutOrder): Promise<{ orderId: string } | null> {
  if (insideZalo()) {
    try {
      const { Payment } = await sdk();
      const { orderId } = await Payment.createOrder({ ...order, item: order.item as Record<string, unknown>[] });
      return orderId ? { orderId } : null;
    } catch {
      return null;
    }
  }
  const sandbox = import.meta.env.VITE_ZALO_CHECKOUT_SANDBOX_URL;
  if (!sandbox) return null;
  try {
    const res = await fetch(`${sandbox}/sandbox/pay`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(order),
    });
    const body = (await res.json()) as { error?: number; data?: { orderId?: string } };
    return body.error === 0 && body.data?.orderId ? { orderId: body.data.orderId } : null;
  } catch {
    return null;
  }
}

/**
 * Asks Zalo to let the province's Official Account message the resident (followOA shows Zalo's
 * own confirmation; the OA's signed follow webhook then tells the API who they are there). True
 * when they agreed; false when they refused (-201) or it failed. Outside Zalo there is nothing to
 * follow: the answer is taken as given, so development and browser tests record it.
 */
export async function followOfficialAccount(oaId: string): Promise<boolean> {
  if (!insideZalo() || !oaId) return true;
  try {
    const { followOA } = await sdk();
    await followOA({ id: oaId, showDialogConfirm: true });
    return true;
  } catch {
    return false;
  }
}
