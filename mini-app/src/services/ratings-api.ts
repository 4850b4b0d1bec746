import type { CaseReplyBody, RateBody, RatingDetailsBody, ReratingBody } from "../../../shared/src/ratings/api";
import { callAuthed } from "./authed-api";

/** Ratings (DOMAIN §7): the applicant's one tap, details and re-rating; the leaders' cases. */
export const ratingApi = {
  get: (code: string) => callAuthed((api) => api.dossiers[":code"].rating.$get({ param: { code } })),
  rate: (code: string, body: RateBody) =>
    callAuthed((api) => api.dossiers[":code"].rating.$post({ param: { code }, json: body })),
  details: (code: string, body: RatingDetailsBody) =>
    callAuthed((api) => api.dossiers[":code"].rating.details.$post({ param: { code }, json: body })),
  rerate: (code: string, body: ReratingBody) =>
    callAuthed((api) => api.dossiers[":code"].rating.rerating.$post({ param: { code }, json: body })),
  cases: () => callAuthed((api) => api.staff["rating-cases"].$get({ query: {} })),
  reply: (id: string, body: CaseReplyBody) =>
    callAuthed((api) => api.staff["rating-cases"][":id"].reply.$post({ param: { id }, json: body })),
};

export type RatingViewData = Awaited<ReturnType<typeof ratingApi.get>>;
export type StaffCaseData = Awaited<ReturnType<typeof ratingApi.cases>>["items"][number];
