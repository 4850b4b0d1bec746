import { z } from "zod";
import { ProcedureSummary } from "../catalogue/api";
import { LifeEventSummary, Slug } from "./life-events";

export const LifeEventSlugParam = z.object({ slug: Slug });

/** `GET /api/life-events/:slug`: the event's published procedures in order, each with why it comes there. */
export const LifeEventDetail = LifeEventSummary.extend({
  steps: z.array(z.object({ note: z.string(), procedure: ProcedureSummary })),
});
export type LifeEventDetail = z.infer<typeof LifeEventDetail>;
