import type { InferRequestType } from "hono/client";
import { type Authed, callAuthed, sendAuthed } from "./authed-api";

/**
 * Assisted filing (`/api/assisted`) through the typed client: the helper's side (prepare, list, a
 * new link, paper consent, cancel) and the resident's (what they consent to, consenting).
 */

export type AssistedBody = InferRequestType<Authed["assisted"]["$post"]>["json"];
export type PaperConsent = InferRequestType<Authed["assisted"][":id"]["paper-consent"]["$post"]>["json"];

export const assistedApi = {
  prepare: (body: AssistedBody) => callAuthed((api) => api.assisted.$post({ json: body })),
  list: () => callAuthed((api) => api.assisted.$get()),
  link: (id: string) => callAuthed((api) => api.assisted[":id"].link.$post({ param: { id } })),
  cancel: (id: string) => sendAuthed((api) => api.assisted[":id"].cancel.$post({ param: { id } })).then(() => undefined),
  paperConsent: (id: string, body: PaperConsent) =>
    callAuthed((api) => api.assisted[":id"]["paper-consent"].$post({ param: { id }, json: body })),
  preview: (token: string) => callAuthed((api) => api.assisted.consent[":token"].$get({ param: { token } })),
  confirm: (token: string) => callAuthed((api) => api.assisted.confirm.$post({ json: { token } })),
};

export type AssistedLink = Awaited<ReturnType<typeof assistedApi.prepare>>;
export type AssistedItem = Awaited<ReturnType<typeof assistedApi.list>>["items"][number];
export type AssistedPreview = Awaited<ReturnType<typeof assistedApi.preview>>;
