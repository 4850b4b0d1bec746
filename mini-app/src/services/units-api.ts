import type { InferRequestType } from "hono/client";
import { type Authed, callAuthed } from "./authed-api";

/** The unit tree (`/api/admin/units`) through the typed client. Only the admin unit page imports this module. */

export type UnitCreate = InferRequestType<Authed["admin"]["units"]["$post"]>["json"];
export type UnitPatch = InferRequestType<Authed["admin"]["units"][":id"]["$patch"]>["json"];

export const unitsApi = {
  tree: () => callAuthed((api) => api.admin.units.$get()),
  create: (body: UnitCreate) => callAuthed((api) => api.admin.units.$post({ json: body })),
  change: (id: string, body: UnitPatch) => callAuthed((api) => api.admin.units[":id"].$patch({ param: { id }, json: body })),
  deactivate: (id: string, reason: string) =>
    callAuthed((api) => api.admin.units[":id"].deactivate.$post({ param: { id }, json: { reason } })),
  merge: (id: string, into: string, reason: string) =>
    callAuthed((api) => api.admin.units[":id"].merge.$post({ param: { id }, json: { into, reason } })),
};

export type AdminUnit = Awaited<ReturnType<typeof unitsApi.tree>>["items"][number];
