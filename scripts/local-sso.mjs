// A local stand-in for the province's SSO with sample accounts (scripts/local-sso-server.ts), so
// that staff sign-in on a desktop and the residents' VNeID link work offline under `npm start`
// and in the browser tests.
import { spawn } from "node:child_process";

export const LOCAL_SSO_PASSWORD = "an-hoa-2026";
const CLIENT = { id: "mot-cua-zalo-local", secret: "dev-oidc-client-secret" };

/** Staff and admin accounts; each username is the development persona whose account the seed binds it to. */
export const LOCAL_STAFF_USERNAMES = ["can-bo-phuong", "can-bo-tu-phap", "lanh-dao-phuong", "to-cong-nghe", "quan-tri-tinh"];
/** Citizens for the VNeID link, named by a 12-digit personal identification number as VNeID does. */
export const LOCAL_CITIZEN_USERNAMES = ["001190000001", "001085000002", "001302000003"];

const issuer = (port) => `http://127.0.0.1:${port}`;
const callbacks = (apiPort) => ({
  vneid: `http://127.0.0.1:${apiPort}/api/auth/vneid/callback`,
  sso: `http://127.0.0.1:${apiPort}/api/auth/sso/callback`,
});

/** The relying party the provider registers: the API on `apiPort`. */
export const localSsoClient = (apiPort) => ({
  clientId: CLIENT.id,
  clientSecret: CLIENT.secret,
  redirectUris: Object.values(callbacks(apiPort)),
});

/** Starts the provider on `port` for the API on `apiPort`. */
export function startLocalSso(port, apiPort, { detached = false } = {}) {
  return spawn("node_modules/.bin/tsx", ["scripts/local-sso-server.ts", String(port), String(apiPort)], {
    stdio: ["ignore", "inherit", "inherit"],
    detached,
  });
}

/** wrangler dev arguments that point the API on `apiPort` at the provider on `port`. */
export function localSsoVars(port, apiPort) {
  const { vneid, sso } = callbacks(apiPort);
  return [
    ["OIDC_ISSUER", issuer(port)],
    ["OIDC_CLIENT_ID", CLIENT.id],
    ["OIDC_CLIENT_SECRET", CLIENT.secret],
    ["OIDC_REDIRECT_URI", vneid],
    ["SSO_REDIRECT_URI", sso],
  ].flatMap(([name, value]) => ["--var", `${name}:${value}`]);
}

export const localSsoUrl = issuer;
