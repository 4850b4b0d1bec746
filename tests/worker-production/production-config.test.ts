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
    expect(env.ALLOWED_ORIGINS).toBe("https://h5.zdn.vn");
  });
});
