import { z } from "zod";

/**
 * Residents' satisfaction with a dossier (DOMAIN §7): the three-level scale, the per-dossier
 * criteria residents may add, and the published rule that maps Zalo's 1–5 service-rating stars
 * onto the scale. Pure rules, used by the worker, the mini app and the figures.
 */

export const RATING_LEVELS = ["very_satisfied", "satisfied", "dissatisfied"] as const;
export const RatingLevel = z.enum(RATING_LEVELS);
export type RatingLevel = z.infer<typeof RatingLevel>;

export const RATING_LEVEL_LABELS: Record<RatingLevel, string> = {
  very_satisfied: "Rất hài lòng",
  satisfied: "Hài lòng",
  dissatisfied: "Không hài lòng",
};

/** The per-dossier indicators of TT 01/2018 as provincial systems ask them, each scored 2 / 1 / 0. */
export const RATING_CRITERIA = [
  "total_time",
  "time_per_agency",
  "contacts",
  "agencies",
  "one_stop_desk",
  "published",
  "staff_attitude",
  "complaints",
  "online_service",
  "convenience",
] as const;
export const RatingCriterion = z.enum(RATING_CRITERIA);
export type RatingCriterion = z.infer<typeof RatingCriterion>;

export const RATING_CRITERION_LABELS: Record<RatingCriterion, string> = {
  total_time: "Thời gian giải quyết so với quy định",
  time_per_agency: "Thời gian giải quyết tại từng cơ quan",
  contacts: "Số lần phải liên hệ để hoàn thành hồ sơ",
  agencies: "Số cơ quan phải liên hệ",
  one_stop_desk: "Tiếp nhận và trả kết quả tại Bộ phận một cửa",
  published: "Thủ tục được công khai đầy đủ",
  staff_attitude: "Thái độ của cán bộ",
  complaints: "Giải quyết phản ánh, kiến nghị",
  online_service: "Chất lượng dịch vụ công trực tuyến",
  convenience: "Sự thuận tiện khi thực hiện thủ tục",
};

export const CRITERION_SCORES = [2, 1, 0] as const;
export const CriterionScore = z.union([z.literal(2), z.literal(1), z.literal(0)]);
export type CriterionScore = z.infer<typeof CriterionScore>;
export const CRITERION_SCORE_LABELS: Record<CriterionScore, string> = { 2: "Tốt", 1: "Bình thường", 0: "Chưa tốt" };

export const RatingCriteria = z.partialRecord(RatingCriterion, CriterionScore);
export type RatingCriteria = z.infer<typeof RatingCriteria>;

/** Where a rating came from: a tap in the mini app, or Zalo's ZNS service-rating template (stars). */
export const RATING_SOURCES = ["app", "zns"] as const;
export type RatingSource = (typeof RATING_SOURCES)[number];

/**
 * How stars become a level: from `verySatisfiedFrom` stars up "Rất hài lòng", from
 * `satisfiedFrom` "Hài lòng", below it "Không hài lòng". Published with the figures.
 */
export type StarRule = { satisfiedFrom: number; verySatisfiedFrom: number };
export const DEFAULT_STAR_RULE: StarRule = { satisfiedFrom: 3, verySatisfiedFrom: 5 };

export const Stars = z.number().int().min(1).max(5);

/**
 * The rule from configuration (RATING_STARS_SATISFIED_FROM, RATING_STARS_VERY_SATISFIED_FROM);
 * empty values take the default, and a rule leaving a level without stars is a configuration error.
 */
export function starRule(satisfiedFrom: string | undefined, verySatisfiedFrom: string | undefined): StarRule {
  const read = (value: string | undefined, fallback: number) => (value?.trim() ? Number(value) : fallback);
  const rule = {
    satisfiedFrom: read(satisfiedFrom, DEFAULT_STAR_RULE.satisfiedFrom),
    verySatisfiedFrom: read(verySatisfiedFrom, DEFAULT_STAR_RULE.verySatisfiedFrom),
  };
  const { satisfiedFrom: s, verySatisfiedFrom: v } = rule;
  if (!Number.isInteger(s) || !Number.isInteger(v) || s < 2 || v <= s || v > 5)
    throw new Error(`Invalid star rule: satisfied from ${s}, very satisfied from ${v} (need 2 ≤ satisfied < very satisfied ≤ 5)`);
  return rule;
}

export function starLevel(stars: number, rule: StarRule): RatingLevel {
  if (stars >= rule.verySatisfiedFrom) return "very_satisfied";
  if (stars >= rule.satisfiedFrom) return "satisfied";
  return "dissatisfied";
}

const span = (from: number, to: number) => (from === to ? `${from} sao` : `${from}–${to} sao`);

/** The rule as residents read it, best level first: [{ level, stars: "5 sao" }, { …, "3–4 sao" }, …]. */
export function describeStarRule(rule: StarRule): { level: RatingLevel; label: string; stars: string }[] {
  const spans: [RatingLevel, number, number][] = [
    ["very_satisfied", rule.verySatisfiedFrom, 5],
    ["satisfied", rule.satisfiedFrom, rule.verySatisfiedFrom - 1],
    ["dissatisfied", 1, rule.satisfiedFrom - 1],
  ];
  return spans.map(([level, from, to]) => ({ level, label: RATING_LEVEL_LABELS[level], stars: span(from, to) }));
}

/** A case opened for every "Không hài lòng": open until the leader replies, closed once the resident rates again. */
export const CASE_STATUSES = ["open", "replied", "closed"] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  open: "Đang xem xét",
  replied: "Đã trả lời",
  closed: "Đã đóng",
};

/** Working days the unit has to reply, unless configured (RATING_CASE_DAYS). */
export const DEFAULT_CASE_DAYS = 5;

export function caseDays(value: string | undefined): number {
  if (!value?.trim()) return DEFAULT_CASE_DAYS;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 60) throw new Error(`Invalid RATING_CASE_DAYS: ${value}`);
  return n;
}
