import type { PortalDossier } from "../../../shared/src/portal/dossier";

/**
 * The only module that talks to the national public-service portal (DVCQG). The base URL is
 * configuration (PORTAL_URL), so tests and `npm start` point it at the loopback stand-in
 * (scripts/portal-standin.ts); the bearer token PORTAL_TOKEN is a secret in production.
 *
 * `DongBoHoSoMC` creates a dossier (isUpdating false) or updates it (true), keyed by MaHoSo. Every
 * call carries an Idempotency-Key; the portal answers a repeated key with what it did the first
 * time, flagged `duplicate`. In-body `error_code` 0 is success, 1 "MaHoSo already exists" (a
 * create), 2 "MaHoSo unknown" (an update); anything else, a non-2xx or no answer in time is a
 * failure to retry later.
 */

const TIMEOUT_MS = 8000;
const PATH = "/api/dvcqg/DongBoHoSoMC";

/** Why a send failed, short and free of personal data: it is stored on the sync row and logged. */
export class PortalError extends Error {}

/** What the portal did with a send: done (now or earlier), or refused because of what it already holds. */
export type PortalAnswer = "accepted" | "duplicate" | "exists" | "unknown";

type Body = { error_code?: unknown; message?: unknown; duplicate?: unknown };

export const portalConfigured = (env: CloudflareBindings) => env.PORTAL_URL !== "";

export async function sendDossier(
  env: CloudflareBindings,
  idempotencyKey: string,
  isUpdating: boolean,
  dossier: PortalDossier,
): Promise<PortalAnswer> {
  if (!portalConfigured(env)) throw new PortalError("portal_not_configured");
  if (!env.PORTAL_TOKEN) throw new Error("Configuration is missing the secret PORTAL_TOKEN");
  let res: Response;
  try {
    res = await fetch(new URL(PATH, env.PORTAL_URL), {
      method: "POST",
      headers: {
        Authorization: `Bearer ${env.PORTAL_TOKEN}`,
        "Content-Type": "application/json",
        "Idempotency-Key": idempotencyKey,
      },
      body: JSON.stringify({ isUpdating, data: [dossier] }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    throw new PortalError((err as Error).name === "TimeoutError" ? "timeout" : "unreachable");
  }
  const body = (await res.json().catch(() => null)) as Body | null;
  if (!res.ok && !(body && (body.error_code === 1 || body.error_code === 2))) throw new PortalError(`http_${res.status}`);
  if (!body || typeof body !== "object") throw new PortalError("invalid_response");
  switch (body.error_code) {
    case 0:
      return body.duplicate === true ? "duplicate" : "accepted";
    case 1:
      return "exists";
    case 2:
      return "unknown";
    default:
      throw new PortalError(`error_code_${String(body.error_code).slice(0, 20)}`);
  }
}
