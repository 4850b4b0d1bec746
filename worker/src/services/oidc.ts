import * as oauth from "oauth4webapi";
import { secret } from "../lib/config";
import { ApiError } from "../lib/errors";

/**
 * The only module that talks to the province's SSO, the OpenID provider linked to VNeID. It serves
 * two flows, each with its own redirect URI: a resident proving a VNeID identity, and staff signing
 * in on a desktop with their province account.
 * Authorization code flow with PKCE (S256), `state` and `nonce`; the ID token is checked for
 * issuer, audience, expiry, nonce and its signature against the provider's JWKS.
 * Nothing here logs or returns tokens, codes or subjects except the subject to the caller.
 */

const TIMEOUT_MS = 8000;

/** What the callback needs to finish an authorization request; kept server-side until then. */
export type PendingAuthorization = { state: string; codeVerifier: string; nonce: string };

export type OidcFlow = "vneid" | "staff";

/** Per flow: where the provider sends the browser back, and how the flow is named to the person. */
const FLOWS: Record<OidcFlow, { redirectUri: (env: CloudflareBindings) => string; feature: string; system: string }> = {
  vneid: { redirectUri: (env) => env.OIDC_REDIRECT_URI, feature: "xác thực VNeID", system: "hệ thống xác thực VNeID" },
  staff: {
    redirectUri: (env) => env.SSO_REDIRECT_URI,
    feature: "đăng nhập bằng tài khoản một cửa của tỉnh",
    system: "hệ thống đăng nhập một cửa của tỉnh",
  },
};

const notConfigured = (flow: OidcFlow) =>
  new ApiError(503, "upstream_failed", `Chức năng ${FLOWS[flow].feature} chưa được cấu hình.`);
const unreachable = (flow: OidcFlow) =>
  new ApiError(
    502,
    "upstream_failed",
    `Không kết nối được với ${FLOWS[flow].system} hoặc hệ thống trả lời không hợp lệ, vui lòng thử lại.`,
  );

/** Timeouts on every outbound call; plain http only for a provider on loopback (local runs and tests). */
function requestOptions(issuer: URL) {
  return {
    signal: () => AbortSignal.timeout(TIMEOUT_MS),
    [oauth.allowInsecureRequests]:
      issuer.protocol === "http:" && (issuer.hostname === "127.0.0.1" || issuer.hostname === "localhost"),
  };
}

// Discovered metadata per issuer, for the isolate's lifetime (oauth4webapi also caches the JWKS per metadata object).
const discovered = new Map<string, Promise<oauth.AuthorizationServer>>();

function discover(issuer: URL): Promise<oauth.AuthorizationServer> {
  let metadata = discovered.get(issuer.href);
  if (!metadata) {
    metadata = oauth
      .discoveryRequest(issuer, { algorithm: "oidc", ...requestOptions(issuer) })
      .then((response) => oauth.processDiscoveryResponse(issuer, response));
    discovered.set(issuer.href, metadata);
    // A failed discovery is retried by the next request.
    metadata.catch(() => discovered.delete(issuer.href));
  }
  return metadata;
}

async function connect(env: CloudflareBindings, flow: OidcFlow) {
  const redirectUri = FLOWS[flow].redirectUri(env);
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !redirectUri) throw notConfigured(flow);
  const issuer = new URL(env.OIDC_ISSUER);
  const client: oauth.Client = { client_id: env.OIDC_CLIENT_ID };
  const as = await discover(issuer).catch((err: unknown) => {
    throw failure(flow, "discovery", err);
  });
  return { issuer, as, client, redirectUri };
}

/** Maps a library or network failure to an ApiError, logging only error names and codes. */
function failure(flow: OidcFlow, step: "discovery" | "callback" | "token", err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const e = err as { name?: string; code?: string; error?: string };
  console.warn(
    JSON.stringify({ level: "warn", event: "oidc_failed", flow, step, error: e.name, code: e.code, oauthError: e.error }),
  );
  // A callback that does not add up (wrong `iss`, provider error) or a code the provider refuses.
  if (step === "callback" || (err instanceof oauth.ResponseBodyError && err.error === "invalid_grant")) {
    return new ApiError(400, "bad_request", `Kết quả ${FLOWS[flow].feature} không hợp lệ hoặc đã được dùng, vui lòng thử lại.`);
  }
  return unreachable(flow);
}

/** A new authorization request: where to send the person, and what to keep until the callback. */
export async function startAuthorization(
  env: CloudflareBindings,
  flow: OidcFlow,
): Promise<PendingAuthorization & { authorizationUrl: string }> {
  const { as, client, redirectUri } = await connect(env, flow);
  if (!as.authorization_endpoint) throw unreachable(flow);
  const pending = {
    state: oauth.generateRandomState(),
    codeVerifier: oauth.generateRandomCodeVerifier(),
    nonce: oauth.generateRandomNonce(),
  };
  const url = new URL(as.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: client.client_id,
    redirect_uri: redirectUri,
    response_type: "code",
    scope: "openid",
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: "S256",
  }).toString();
  return { ...pending, authorizationUrl: url.href };
}

/**
 * Finishes the request `pending` with the provider's redirect parameters (`code`, `state`, `iss`):
 * exchanges the code with the PKCE verifier and returns the validated ID token's subject.
 */
export async function completeAuthorization(
  env: CloudflareBindings,
  flow: OidcFlow,
  callback: URLSearchParams,
  pending: PendingAuthorization,
): Promise<string> {
  const { issuer, as, client, redirectUri } = await connect(env, flow);
  const clientAuth = oauth.ClientSecretBasic(secret(env, "OIDC_CLIENT_SECRET"));
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(as, client, callback, pending.state);
  } catch (err) {
    throw failure(flow, "callback", err);
  }
  try {
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      clientAuth,
      params,
      redirectUri,
      pending.codeVerifier,
      requestOptions(issuer),
    );
    const result = await oauth.processAuthorizationCodeResponse(as, client, response, {
      expectedNonce: pending.nonce,
      requireIdToken: true,
    });
    await oauth.validateApplicationLevelSignature(as, response, requestOptions(issuer));
    return oauth.getValidatedIdTokenClaims(result)!.sub;
  } catch (err) {
    throw failure(flow, "token", err);
  }
}
