import { expect, inject } from "vitest";
import { testEnv } from "./helpers";

/** The relying party registered at the test provider (tests/support/global-setup.ts). */
export const CLIENT = {
  OIDC_CLIENT_ID: "mot-cua-zalo-test",
  OIDC_CLIENT_SECRET: "test-oidc-client-secret",
  OIDC_REDIRECT_URI: "http://localhost/api/auth/vneid/callback",
  SSO_REDIRECT_URI: "http://localhost/api/auth/sso/callback",
};

/** The worker's bindings with the province's SSO pointed at the test provider (or another `issuer`). */
export const oidcEnv = (issuer = inject("oidcIssuer")): CloudflareBindings => ({
  ...testEnv(),
  OIDC_ISSUER: issuer,
  ...CLIENT,
});

/**
 * Plays the person's browser at the provider: follows its redirects with a cookie jar, answers
 * the interaction with `answer` ("login=<accountId>" or "deny=1"), and stops at the redirect to
 * one of our callbacks, returning its path and query.
 */
export async function authorize(authorizationUrl: string, answer: string): Promise<string> {
  const cookies = new Map<string, string>();
  let url = new URL(authorizationUrl);
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(url, {
      redirect: "manual",
      headers: { Cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join("; ") },
    });
    await res.body?.cancel();
    for (const cookie of res.headers.getAll("Set-Cookie")) {
      const [pair = ""] = cookie.split(";");
      const at = pair.indexOf("=");
      if (at > 0 && at < pair.length - 1) cookies.set(pair.slice(0, at), pair.slice(at + 1));
      else cookies.delete(pair.slice(0, at));
    }
    const location = res.headers.get("Location");
    if (!location) throw new Error(`the provider answered ${res.status} at ${url.pathname}`);
    url = new URL(location, url);
    if (url.href.startsWith(CLIENT.OIDC_REDIRECT_URI) || url.href.startsWith(CLIENT.SSO_REDIRECT_URI))
      return url.pathname + url.search;
    if (url.pathname.startsWith("/interaction/")) url.search = answer;
  }
  throw new Error("too many redirects at the provider");
}

/** The authorization URL a start route answered. */
export async function authorizationUrl(res: Response): Promise<string> {
  expect(res.status).toBe(200);
  return ((await res.json()) as { authorizationUrl: string }).authorizationUrl;
}
