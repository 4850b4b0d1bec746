import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { app } from "../../worker/src/index";

const request = (path: string, init?: RequestInit) => app.request(`https://api.example${path}`, init, env);

describe("the production configuration", () => {
  it("has no development sign-in", async () => {
    expect(env.DEV_AUTH).toBeUndefined();
    const personas = await request("/api/auth/dev/personas");
    expect(personas.status).toBe(404);
    const signIn = await request("/api/auth/dev", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ persona: "quan-tri-tinh" }),
    });
    expect(signIn.status).toBe(404);
    expect(((await signIn.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });

  it("carries no development secrets: they must come from `wrangler secret put`", () => {
    expect(env.SESSION_SECRET).toBeUndefined();
    expect(env.AUDIT_SECRET).toBeUndefined();
    expect(env.ZALO_APP_SECRET).toBeUndefined();
    expect(env.OIDC_CLIENT_SECRET).toBeUndefined();
    expect(env.ALLOWED_ORIGINS.split(",")).toEqual(["https://h5.zdn.vn", new URL(env.STAFF_APP_URL).origin]);
  });

  it("returns staff from the SSO to the desktop app over https, which may call the API", () => {
    const redirect = new URL(env.SSO_REDIRECT_URI);
    expect(redirect.protocol).toBe("https:");
    expect(redirect.pathname).toBe("/api/auth/sso/callback");
    expect(redirect.origin).toBe(new URL(env.OIDC_REDIRECT_URI).origin);
    expect(new URL(env.STAFF_APP_URL).protocol).toBe("https:");
    expect(env.STAFF_APP_URL.endsWith("/")).toBe(false);
  });
});
