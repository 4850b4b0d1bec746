import type { InferRequestType } from "hono/client";
import { call, client } from "./api";
import { type Authed, callAuthed, sendAuthed } from "./authed-api";

/**
 * People and access (`/api/admin/people`, `/invitations`, `/changes`) through the typed client,
 * and the invited person's side (`/api/invitations`). Only the pages that need it import this.
 */

/** Drops empty filters, so the URL carries only what is set. */
const present = <T extends object>(query: T) => Object.fromEntries(Object.entries(query).filter(([, v]) => v)) as T;

export type PeopleFilters = InferRequestType<Authed["admin"]["people"]["$get"]>["query"];
export type InvitationFilters = InferRequestType<Authed["admin"]["invitations"]["$get"]>["query"];
export type ChangeFilters = InferRequestType<Authed["admin"]["changes"]["$get"]>["query"];
export type InvitationBody = InferRequestType<Authed["admin"]["invitations"]["$post"]>["json"];
export type PersonChange = InferRequestType<Authed["admin"]["people"][":id"]["$patch"]>["json"];

export const peopleApi = {
  list: (filters: PeopleFilters) => callAuthed((api) => api.admin.people.$get({ query: present(filters) })),
  get: (id: string) => callAuthed((api) => api.admin.people[":id"].$get({ param: { id } })),
  change: (id: string, body: PersonChange) => callAuthed((api) => api.admin.people[":id"].$patch({ param: { id }, json: body })),
  disable: (id: string, reason: string) =>
    callAuthed((api) => api.admin.people[":id"].disable.$post({ param: { id }, json: { reason } })),
  enable: (id: string, reason: string) =>
    callAuthed((api) => api.admin.people[":id"].enable.$post({ param: { id }, json: { reason } })),
  invite: (body: InvitationBody) => callAuthed((api) => api.admin.invitations.$post({ json: body })),
  invitations: (filters: InvitationFilters) => callAuthed((api) => api.admin.invitations.$get({ query: present(filters) })),
  revoke: (id: string, reason: string) =>
    sendAuthed((api) => api.admin.invitations[":id"].revoke.$post({ param: { id }, json: { reason } })).then(() => undefined),
  changes: (filters: ChangeFilters) => callAuthed((api) => api.admin.changes.$get({ query: present(filters) })),
};

export const invitationApi = {
  /** What the link offers; a 404 says why it cannot be accepted (details.reason). */
  preview: (token: string) => call(() => client.invitations[":token"].$get({ param: { token } })),
  accept: (token: string) => callAuthed((api) => api.invitations.accept.$post({ json: { token } })),
};

export type PeoplePage = Awaited<ReturnType<typeof peopleApi.list>>;
export type Person = Awaited<ReturnType<typeof peopleApi.get>>;
export type InvitationCreated = Awaited<ReturnType<typeof peopleApi.invite>>;
export type InvitationItem = Awaited<ReturnType<typeof peopleApi.invitations>>["items"][number];
export type ChangeItem = Awaited<ReturnType<typeof peopleApi.changes>>["items"][number];
export type InvitationPreview = Awaited<ReturnType<typeof invitationApi.preview>>;
