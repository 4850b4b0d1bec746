import type { LifeEventBody, PaperReplacementBody, SynonymBody } from "../../../shared/src/admin/search";
import { callAuthed, sendAuthed } from "./authed-api";

/**
 * What leads residents' searches, in the back office: life events, abolished or renamed papers,
 * the province's synonyms and the queries that found nothing (`/api/admin/...`).
 */
export const searchAdminApi = {
  lifeEvents: () => callAuthed((api) => api.admin["life-events"].$get()),
  putLifeEvent: (slug: string, body: LifeEventBody) =>
    callAuthed((api) => api.admin["life-events"][":slug"].$put({ param: { slug }, json: body })),
  deleteLifeEvent: (slug: string, reason: string) =>
    sendAuthed((api) => api.admin["life-events"][":slug"].delete.$post({ param: { slug }, json: { reason } })).then(
      () => undefined,
    ),
  papers: () => callAuthed((api) => api.admin["paper-replacements"].$get()),
  putPaper: (slug: string, body: PaperReplacementBody) =>
    callAuthed((api) => api.admin["paper-replacements"][":slug"].$put({ param: { slug }, json: body })),
  synonyms: () => callAuthed((api) => api.admin["search-synonyms"].$get()),
  addSynonym: (body: SynonymBody) => callAuthed((api) => api.admin["search-synonyms"].$post({ json: body })),
  deleteSynonym: (id: number, reason: string) =>
    sendAuthed((api) => api.admin["search-synonyms"][":id"].delete.$post({ param: { id: String(id) }, json: { reason } })).then(
      () => undefined,
    ),
  unmatched: (query: { from?: string; to?: string }) => {
    const q: Record<string, string> = {};
    if (query.from) q.from = query.from;
    if (query.to) q.to = query.to;
    return callAuthed((api) => api.admin["unmatched-queries"].$get({ query: q }));
  },
};

export type AdminLifeEventItem = Awaited<ReturnType<typeof searchAdminApi.lifeEvents>>["items"][number];
export type AdminPaperItem = Awaited<ReturnType<typeof searchAdminApi.papers>>["items"][number];
export type AdminSynonymItem = Awaited<ReturnType<typeof searchAdminApi.synonyms>>["items"][number];
export type UnmatchedRow = Awaited<ReturnType<typeof searchAdminApi.unmatched>>["items"][number];
