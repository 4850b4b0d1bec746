const PROCEDURE_CODE = /^[0-9A-Za-z]+(\.[0-9A-Za-z]+){1,6}$/;
const UNIT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** The in-app routes a QR code or a shared link may open. */
export const procedurePath = (code: string) => `/p/${code}`;
export const unitPath = (id: string) => `/u/${id}`;

function fromPath(path: string): string | null {
  const [, kind, value, ...rest] = path.split("/");
  if (rest.length > 0 || !value) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return null;
  }
  if (kind === "p" && PROCEDURE_CODE.test(decoded)) return procedurePath(decoded);
  if (kind === "u" && UNIT_ID.test(decoded)) return unitPath(decoded);
  return null;
}

/**
 * Where to go for what a QR scan or an OpenApp event delivered: a zalo.me/s link,
 * an h5.zdn.vn/zapps URL, an in-app path or a bare procedure code. Anything else
 * gives null, so a hostile code can never steer the app to an arbitrary place.
 */
export function inAppPath(content: string): string | null {
  const text = content.trim();
  if (PROCEDURE_CODE.test(text)) return procedurePath(text);
  if (text.startsWith("/zapps/")) return fromPath(`/${(text.split(/[?#]/)[0] ?? "").split("/").slice(3).join("/")}`);
  if (text.startsWith("/")) return fromPath(text.split(/[?#]/)[0] ?? "");
  const url = /^https:\/\/([^/?#]+)([^?#]*)/.exec(text);
  if (!url) return null;
  const [, host, pathname = ""] = url;
  const segments = pathname.split("/").filter(Boolean);
  // https://zalo.me/s/<appId>/<path> and https://h5.zdn.vn/zapps/<appId>/<path>
  const prefix = (host === "zalo.me" && segments[0] === "s") || (host === "h5.zdn.vn" && segments[0] === "zapps");
  if (!prefix || segments.length < 3) return null;
  return fromPath(`/${segments.slice(2).join("/")}`);
}
