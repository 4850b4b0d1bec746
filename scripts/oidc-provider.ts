import { generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { interactionPolicy } from "oidc-provider";

/** A relying party registered at the provider (the worker's OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and redirect URIs). */
export type OidcClient = { clientId: string; clientSecret: string; redirectUris: string[] };

/** A person with an account at the provider; `sub` in their ID token is their username. */
export type OidcAccount = { username: string; password: string };

/** The claims a person has beyond `sub`, by account id, released by the scopes of `CLAIMS_BY_SCOPE`. */
export type OidcClaims = Record<string, Record<string, unknown>>;

// What each scope releases: the standard `profile` and `address`, and the province's `citizen_id`.
const CLAIMS_BY_SCOPE = {
  profile: ["name", "family_name", "middle_name", "given_name", "birthdate", "gender"],
  address: ["address"],
  citizen_id: ["citizen_id"],
};

/**
 * A real OpenID provider (oidc-provider) on loopback standing in for the province's SSO: for the
 * worker tests, and with sample accounts for `npm start` and the browser tests.
 *
 * Without `accounts` (tests) any account id exists, with `sub` = id, and there is no login page: a
 * GET of the interaction URL with `?login=<accountId>` signs that account in and grants `openid`;
 * `?deny=1` answers `access_denied`. Either way the provider continues with a redirect, so a test
 * can follow it with `fetch(…, { redirect: "manual" })` and a cookie jar.
 *
 * With `accounts` only those exist, and the interaction is a Vietnamese sign-in form (username and
 * password, or "Hủy" for `access_denied`), every time: a person trying several accounts in one
 * browser is not held to the first.
 *
 * With `publishForeignKey` the provider's JWKS advertises another key under the signing key's
 * `kid`, so its ID tokens no longer verify: a relying party that skips signatures would not notice.
 *
 * `claims` gives accounts their identity claims (the sample citizens'); as at a real provider that
 * issues access tokens, they are released by scope at the userinfo endpoint, not in the ID token.
 */
export async function startOidcProvider(
  client: OidcClient,
  {
    publishForeignKey = false,
    port = 0,
    accounts,
    claims = {},
  }: { publishForeignKey?: boolean; port?: number; accounts?: OidcAccount[]; claims?: OidcClaims } = {},
): Promise<{ url: string; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const keyParams = { kid: "test-rs256", alg: "RS256", use: "sig" };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: client.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    pkce: { required: () => true },
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), ...keyParams }] },
    cookies: { keys: ["local-oidc-cookie-key"] },
    features: { devInteractions: { enabled: false } },
    interactions: {
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
      policy: accounts ? signInEveryTime() : undefined,
    },
    claims: { openid: ["sub"], ...CLAIMS_BY_SCOPE },
    findAccount: (_ctx, id) =>
      !accounts || accounts.some((a) => a.username === id)
        ? { accountId: id, claims: () => ({ ...claims[id], sub: id }) }
        : undefined,
  });

  async function signInAs(req: IncomingMessage, res: ServerResponse, accountId: string, clientId: string, scope: string) {
    const grant = new provider.Grant({ accountId, clientId });
    grant.addOIDCScope(scope);
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  const deny = (req: IncomingMessage, res: ServerResponse) =>
    provider.interactionFinished(req, res, { error: "access_denied", error_description: "The person cancelled." });

  async function interact(req: IncomingMessage, res: ServerResponse) {
    const query = new URL(req.url ?? "/", issuer).searchParams;
    const { params } = await provider.interactionDetails(req, res);
    const clientId = String(params.client_id);
    // Every scope asked for is granted: the person consented by signing in.
    const scope = String(params.scope ?? "openid");
    if (accounts) {
      if (req.method !== "POST") return void page(res, 200);
      const form = new URLSearchParams(await readBody(req));
      if (form.has("cancel")) return deny(req, res);
      const account = accounts.find((a) => a.username === form.get("username")?.trim() && a.password === form.get("password"));
      if (!account) return void page(res, 401, "Tên đăng nhập hoặc mật khẩu không đúng.");
      return signInAs(req, res, account.username, clientId, scope);
    }
    if (query.get("deny") === "1") return deny(req, res);
    const accountId = query.get("login");
    if (!accountId) return void res.writeHead(400).end("login=<accountId> or deny=1 is required");
    return signInAs(req, res, accountId, clientId, scope);
  }

  const foreignJwks = JSON.stringify({
    keys: [{ ...generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ format: "jwk" }), ...keyParams }],
  });
  const handle = provider.callback();
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (publishForeignKey && req.url === "/jwks")
      return void res.writeHead(200, { "Content-Type": "application/jwk-set+json" }).end(foreignJwks);
    if (!req.url?.startsWith("/interaction/")) return void handle(req, res);
    interact(req, res).catch((err: Error) => {
      res.writeHead(500).end(err.message);
    });
  });
  return { url: issuer, server };
}

/** The default policy, plus a login prompt on every authorization request that has not just finished one. */
function signInEveryTime() {
  const policy = interactionPolicy.base();
  policy
    .get("login")
    ?.checks.add(new interactionPolicy.Check("every_time", "Sign in on every request", (ctx) => !ctx.oidc.result?.login));
  return policy;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** The sign-in form; it posts back to the interaction URL it was served from. */
function page(res: ServerResponse, status: number, error?: string) {
  const alert = error ? `<p role="alert" class="error">${error}</p>` : "";
  res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" }).end(`<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Đăng nhập một cửa – Tỉnh An Hòa (máy chủ thử)</title>
<style>body{font-family:system-ui,sans-serif;max-width:26rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}
label{display:block;margin-top:1rem;font-weight:600}input{display:block;width:100%;box-sizing:border-box;padding:.6rem;margin-top:.3rem;font-size:1rem}
button{margin-top:1.2rem;margin-right:.5rem;padding:.6rem 1.2rem;font-size:1rem}.error{color:#a40000;font-weight:600}.note{color:#444}</style></head>
<body><main>
<h1>Đăng nhập một cửa – Tỉnh An Hòa</h1>
<p class="note">Máy chủ đăng nhập thử chạy trên máy này, chỉ dùng khi phát triển.</p>
${alert}
<form method="post">
<label for="username">Tên đăng nhập</label><input id="username" name="username" autocomplete="username" required>
<label for="password">Mật khẩu</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Đăng nhập</button><button type="submit" name="cancel" value="1" formnovalidate>Hủy</button>
</form></main></body></html>`);
}
