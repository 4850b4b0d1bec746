import { generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/** The relying party the worker tests configure (OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI). */
export type TestClient = { clientId: string; clientSecret: string; redirectUri: string };

/**
 * A real OpenID provider (oidc-provider) on loopback standing in for the province's SSO.
 * Accounts exist for any id, with `sub` = id. There is no login page: a GET of the interaction
 * URL with `?login=<accountId>` signs that account in and grants `openid`; `?deny=1` answers
 * `access_denied`. Either way the provider continues with a redirect, so a test can follow it
 * with `fetch(…, { redirect: "manual" })` and a cookie jar.
 *
 * With `publishForeignKey` the provider's JWKS advertises another key under the signing key's
 * `kid`, so its ID tokens no longer verify: a relying party that skips signatures would not notice.
 */
export async function startOidcProvider(
  client: TestClient,
  { publishForeignKey = false } = {},
): Promise<{ url: string; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const keyParams = { kid: "test-rs256", alg: "RS256", use: "sig" };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [client.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    pkce: { required: () => true },
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), ...keyParams }] },
    cookies: { keys: ["test-cookie-key"] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id }) }),
  });

  async function interact(req: IncomingMessage, res: ServerResponse) {
    const query = new URL(req.url ?? "/", issuer).searchParams;
    const { params } = await provider.interactionDetails(req, res);
    if (query.get("deny") === "1") {
      await provider.interactionFinished(req, res, { error: "access_denied", error_description: "The resident cancelled." });
      return;
    }
    const accountId = query.get("login");
    if (!accountId) {
      res.writeHead(400).end("login=<accountId> or deny=1 is required");
      return;
    }
    const grant = new provider.Grant({ accountId, clientId: String(params.client_id) });
    grant.addOIDCScope("openid");
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
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
