const PROCEDURE_CODE = /^[0-9A-Za-z]+(\.[0-9A-Za-z]+){1,6}$/;
const UNIT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const DOSSIER_CODE = /^[0-9A-Z]+(\.[0-9A-Z]+)*-\d{6}-\d{4,6}$/;
const TRACKING_TOKEN = /^[A-Za-z0-9_-]{16,64}$/;
const ONE_TIME_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The in-app routes a QR code or a shared link may open. */
export const procedurePath = (code: string) => `/p/${code}`;
export const unitPath = (id: string) => `/u/${id}`;
/** The online submission of a procedure; the VNeID link returns here with `?vneid=ok|failed&reason=`. */
export const submissionPath = (code: string) => `/p/${code}/nop`;
/** The public tracking page of one dossier; `k` is the dossier's unguessable tracking token. */
export const trackingPath = (code: string, token: string) => `/t/${code}?k=${token}`;

/** A staff invitation's acceptance page; the token is single use and expires after a week. */
export const invitationPath = (token: string) => `/moi/${token}`;

/** A resident's consent to a dossier filed for them; the token is single use and expires after a day. */
export const assistedPath = (token: string) => `/uy-quyen/${token}`;

const queryValue = (query: string, name: string) =>
  query
    .split("&")
    .find((pair) => pair.startsWith(`${name}=`))
    ?.slice(name.length + 1);

/** `?vneid=ok` or `?vneid=failed&reason=<word>` from the identity link, anything else dropped. */
function vneidOutcome(query: string): string {
  const outcome = queryValue(query, "vneid");
  const reason = queryValue(query, "reason");
  if (outcome === "ok") return "?vneid=ok";
  if (outcome === "failed") return reason && /^[a-z_]{1,30}$/.test(reason) ? `?vneid=failed&reason=${reason}` : "?vneid=failed";
  return "";
}

function fromPath(path: string, query = ""): string | null {
  const [, kind, value, ...rest] = path.split("/");
  if (kind === "p" && value && rest.length === 1 && rest[0] === "nop" && PROCEDURE_CODE.test(value)) {
    return `${submissionPath(value)}${vneidOutcome(query)}`;
  }
  if (rest.length > 0 || !value) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return null;
  }
  if (kind === "p" && PROCEDURE_CODE.test(decoded)) return procedurePath(decoded);
  if (kind === "u" && UNIT_ID.test(decoded)) return unitPath(decoded);
  if (kind === "moi" && ONE_TIME_TOKEN.test(decoded)) return invitationPath(decoded);
  // The consent page is also where the VNeID link returns a resident who had none.
  if (kind === "uy-quyen" && ONE_TIME_TOKEN.test(decoded)) return `${assistedPath(decoded)}${vneidOutcome(query)}`;
  if (kind === "t" && DOSSIER_CODE.test(decoded)) {
    const token = queryValue(query, "k");
    return token && TRACKING_TOKEN.test(token) ? trackingPath(decoded, token) : null;
  }
  return null;
}

const splitQuery = (text: string): [string, string] => {
  const [path = "", query = ""] = text.split("#")[0]!.split("?");
  return [path, query];
};

/**
 * Where to go for what a QR scan or an OpenApp event delivered: a zalo.me/s link,
 * an h5.zdn.vn/zapps URL, an in-app path or a bare procedure code. Anything else
 * gives null, so a hostile code can never steer the app to an arbitrary place.
 */
export function inAppPath(content: string): string | null {
  const text = content.trim();
  if (PROCEDURE_CODE.test(text)) return procedurePath(text);
  const [path, query] = splitQuery(text);
  if (path.startsWith("/zapps/")) return fromPath(`/${path.split("/").slice(3).join("/")}`, query);
  if (path.startsWith("/")) return fromPath(path, query);
  const url = /^https:\/\/([^/?#]+)([^?#]*)/.exec(text);
  if (!url) return null;
  const [, host, pathname = ""] = url;
  const segments = pathname.split("/").filter(Boolean);
  // https://zalo.me/s/<appId>/<path> and https://h5.zdn.vn/zapps/<appId>/<path>
  const prefix = (host === "zalo.me" && segments[0] === "s") || (host === "h5.zdn.vn" && segments[0] === "zapps");
  if (!prefix || segments.length < 3) return null;
  return fromPath(`/${segments.slice(2).join("/")}`, query);
}
