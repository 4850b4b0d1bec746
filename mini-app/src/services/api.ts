import { hc } from "hono/client";
import type { ProcedureSearchQuery } from "../../../shared/src/catalogue/api";
import type { AppType } from "../../../worker/src/index";
import { getConfig } from "../utils/config";
import { firstScreenFetch, takeFirstScreenAnswer } from "./first-screen";

/** Where the API lives; also the origin of its QR images. */
export const apiBaseUrl: string = import.meta.env.VITE_API_URL || getConfig((c) => c.apiUrl);
// The home screen's first requests were started by index.html: the client takes those answers once.
export const client = hc<AppType>(apiBaseUrl, { fetch: firstScreenFetch }).api;

/** A failed API call with the envelope's message, ready to show to the user. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The envelope's details, e.g. the missing items of a 422 `incomplete`. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const OFFLINE = "Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.";

/** What to tell the user about a failed call. */
export function errorMessage(e: unknown): string {
  return e instanceof ApiFailure ? e.message : "Đã có lỗi xảy ra, vui lòng thử lại.";
}

/** Any error as an ApiFailure to show: one the API did not answer becomes "internal" with the generic message. */
export const toApiFailure = (e: unknown): ApiFailure =>
  e instanceof ApiFailure ? e : new ApiFailure(0, "internal", errorMessage(e));

/** Runs a request; a network failure or an error envelope becomes an ApiFailure. */
export async function send<R extends Response>(request: () => Promise<R>): Promise<R> {
  let res: R;
  try {
    res = await request();
  } catch {
    throw new ApiFailure(0, "network", OFFLINE);
  }
  if (res.ok) return res;
  const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string; details?: unknown } } | null;
  throw new ApiFailure(res.status, body?.error?.code ?? "internal", body?.error?.message ?? OFFLINE, body?.error?.details);
}

export async function call<T>(request: () => Promise<Response & { json(): Promise<T> }>): Promise<T> {
  return (await send(request)).json();
}

type SearchInput = Partial<Omit<ProcedureSearchQuery, "limit">> & { limit?: number };

function toQuery(input: SearchInput): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined && value !== "") query[key] = String(value);
  }
  return query;
}

const searchProcedures = (input: SearchInput) => call(() => client.procedures.$get({ query: toQuery(input) }));
const listFields = () => call(() => client.fields.$get());
const listLifeEvents = () => call(() => client["life-events"].$get());

export const catalogueApi = {
  searchProcedures,
  /** The search's answer if index.html started it and it has arrived (taken once): the first render shows it. */
  arrivedSearch: (input: SearchInput) =>
    takeFirstScreenAnswer(client.procedures.$url({ query: toQuery(input) }).href) as
      | Awaited<ReturnType<typeof searchProcedures>>
      | undefined,
  getProcedure: (code: string) => call(() => client.procedures[":code"].$get({ param: { code } })),
  listFields,
  /** The fields if index.html started the request and it has arrived (taken once). */
  arrivedFields: () => takeFirstScreenAnswer(client.fields.$url().href) as Awaited<ReturnType<typeof listFields>> | undefined,
  listUnits: () => call(() => client.units.$get()),
  /** Any unit by id, also one no longer listed (merged or deactivated): old links and receipts name it. */
  getUnit: (id: string) => call(() => client.units[":id"].$get({ param: { id } })),
  /** The home screen's life events, each with its published procedures in order. */
  listLifeEvents,
  /** The life events if index.html started the request and it has arrived (taken once). */
  arrivedLifeEvents: () =>
    takeFirstScreenAnswer(client["life-events"].$url().href) as Awaited<ReturnType<typeof listLifeEvents>> | undefined,
  getLifeEvent: (slug: string) => call(() => client["life-events"][":slug"].$get({ param: { slug } })),
};

export type ProcedurePage = Awaited<ReturnType<typeof catalogueApi.searchProcedures>>;
export type ProcedureItem = ProcedurePage["items"][number];
export type ProcedureDetailData = Awaited<ReturnType<typeof catalogueApi.getProcedure>>;
export type FieldItem = Awaited<ReturnType<typeof catalogueApi.listFields>>["items"][number];
export type UnitItem = Awaited<ReturnType<typeof catalogueApi.listUnits>>["items"][number];
export type LifeEventItem = Awaited<ReturnType<typeof catalogueApi.listLifeEvents>>["items"][number];
export type LifeEventData = Awaited<ReturnType<typeof catalogueApi.getLifeEvent>>;
