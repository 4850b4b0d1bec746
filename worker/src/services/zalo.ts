import { secret } from "../lib/config";
import { hmacSha256Hex } from "../lib/crypto";
import { ApiError, unauthorized } from "../lib/errors";

/**
 * The only module that talks to Zalo. The base URL is configuration, so tests and a
 * Vietnam-hosted egress proxy (PLATFORM §6.12) can stand in for graph.zalo.me.
 */

const TIMEOUT_MS = 8000;

type GraphBody = { error?: number; message?: string; id?: string; name?: string; data?: { number?: string } };

async function graphGet(env: CloudflareBindings, path: string, headers: Record<string, string>): Promise<GraphBody> {
  let res: Response;
  try {
    res = await fetch(new URL(path, env.ZALO_GRAPH_URL), { headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch {
    throw new ApiError(502, "upstream_failed", "Không kết nối được với Zalo, vui lòng thử lại.");
  }
  const body = (await res.json().catch(() => null)) as GraphBody | null;
  if (!body || typeof body !== "object")
    throw new ApiError(502, "upstream_failed", "Zalo trả lời không hợp lệ, vui lòng thử lại.");
  return body;
}

export type ZaloProfile = { id: string; name: string };

/** Verifies a user access token from getAccessToken(); Zalo reports failures in the body's `error`. */
export async function verifyAccessToken(env: CloudflareBindings, accessToken: string): Promise<ZaloProfile> {
  const proof = await hmacSha256Hex(secret(env, "ZALO_APP_SECRET"), accessToken);
  const body = await graphGet(env, "/v2.0/me?fields=id,name", { access_token: accessToken, appsecret_proof: proof });
  if (body.error !== 0 || typeof body.id !== "string" || body.id === "") {
    throw unauthorized("Không xác thực được tài khoản Zalo, vui lòng mở lại ứng dụng.");
  }
  return { id: body.id, name: typeof body.name === "string" ? body.name : "" };
}

/** Exchanges the single-use token from getPhoneNumber() for the number, normalised to 0xxxxxxxxx. */
export async function exchangePhoneToken(env: CloudflareBindings, accessToken: string, code: string): Promise<string> {
  const body = await graphGet(env, "/v2.0/me/info", {
    access_token: accessToken,
    code,
    secret_key: secret(env, "ZALO_APP_SECRET"),
  });
  const number = body.data?.number;
  if (body.error !== 0 || typeof number !== "string" || !/^(84|0)\d{9}$/.test(number)) {
    throw new ApiError(400, "bad_request", "Không lấy được số điện thoại từ Zalo, vui lòng thử lại.");
  }
  return number.startsWith("84") ? `0${number.slice(2)}` : number;
}
