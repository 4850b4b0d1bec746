import { z } from "zod";
import type { MaybeMeasured, Metrics } from "./metrics";

/**
 * An early-warning ESTIMATE of the Decision 766 index (100 points, DOMAIN §8) from what the platform
 * measures. The official index is computed centrally with rules we only partly know, so the split
 * of each group's points between its criteria and the scoring below are our own simple reading:
 *
 * - a rate criterion scores its points times the rate (80% e-results → 80% of the points);
 * - online dossiers score full points from 50% and half below (one province's published rule), and
 *   online payment likewise from 30%;
 * - the average processing time scores full points within the allowed time, and in proportion
 *   (allowed ÷ average) beyond it.
 *
 * A criterion we do not measure yet (publication, DVCQG sync, payment, feedback, satisfaction), or
 * that has nothing to measure this period, scores nothing and is left out of the totals: the total
 * is "points out of the points we could measure", never out of 100.
 */

export const D766_GROUPS = ["publicity", "progress", "online", "digitisation", "satisfaction"] as const;
export type D766Group = (typeof D766_GROUPS)[number];

type CriterionRule = {
  key: string;
  label: string;
  maxPoints: number;
  /** The criterion's value from the metrics (a rate, or the share of allowed time used), or why there is none. */
  value: (metrics: Metrics, context: D766Context) => MaybeMeasured;
  score: (value: number, maxPoints: number) => number;
};

export type D766Context = {
  /** Of the procedures the unit handles, the share offered online; null when not known. */
  onlineProceduresShare: number | null;
};

const proportional = (value: number, maxPoints: number) => maxPoints * Math.min(1, Math.max(0, value));
const fullFrom = (threshold: number) => (value: number, maxPoints: number) => (value >= threshold ? maxPoints : maxPoints / 2);
const measured = (value: number | null): MaybeMeasured => ({ measured: true, value });
const notCollected = (): MaybeMeasured => ({ measured: false });

const RULES: Record<D766Group, { label: string; maxPoints: number; criteria: CriterionRule[] }> = {
  publicity: {
    label: "Công khai, minh bạch",
    maxPoints: 18,
    criteria: [
      {
        key: "proceduresPublished",
        label: "Thủ tục được công bố, công khai đúng hạn, đầy đủ",
        maxPoints: 10,
        value: notCollected,
        score: proportional,
      },
      {
        key: "dossiersSynced",
        label: "Hồ sơ được đồng bộ lên Cổng Dịch vụ công quốc gia",
        maxPoints: 8,
        value: notCollected,
        score: proportional,
      },
    ],
  },
  progress: {
    label: "Tiến độ, kết quả giải quyết",
    maxPoints: 20,
    criteria: [
      {
        key: "onTime",
        label: "Hồ sơ giải quyết trước và đúng hạn",
        maxPoints: 14,
        value: (m) => measured(m.onTimeRate),
        score: proportional,
      },
      {
        key: "averageTime",
        label: "Thời gian giải quyết trung bình so với quy định",
        maxPoints: 6,
        value: (m) => measured(m.averageDays === null || !m.averageAllowedDays ? null : m.averageDays / m.averageAllowedDays),
        score: (usedShare, maxPoints) => (usedShare <= 1 ? maxPoints : maxPoints / usedShare),
      },
    ],
  },
  online: {
    label: "Cung cấp dịch vụ trực tuyến",
    maxPoints: 22,
    criteria: [
      {
        key: "onlineProcedures",
        label: "Thủ tục cung cấp dịch vụ công trực tuyến",
        maxPoints: 10,
        value: (_, context) =>
          context.onlineProceduresShare === null ? notCollected() : measured(context.onlineProceduresShare),
        score: proportional,
      },
      {
        key: "onlineDossiers",
        label: "Hồ sơ nộp trực tuyến",
        maxPoints: 6,
        value: (m) => measured(m.onlineRate),
        score: fullFrom(0.5),
      },
      {
        key: "onlinePayment",
        label: "Hồ sơ thanh toán trực tuyến",
        maxPoints: 6,
        value: (m) => m.onlinePaymentRate,
        score: fullFrom(0.3),
      },
    ],
  },
  digitisation: {
    label: "Số hóa hồ sơ",
    maxPoints: 22,
    criteria: [
      {
        key: "eResult",
        label: "Kết quả giải quyết điện tử",
        maxPoints: 8,
        value: (m) => measured(m.eResultRate),
        score: proportional,
      },
      {
        key: "digitised",
        label: "Hồ sơ được số hóa",
        maxPoints: 8,
        value: (m) => measured(m.digitisedRate),
        score: proportional,
      },
      {
        key: "reuse",
        label: "Hồ sơ tái sử dụng dữ liệu số hóa",
        maxPoints: 6,
        value: (m) => measured(m.reuseRate),
        score: proportional,
      },
    ],
  },
  satisfaction: {
    label: "Mức độ hài lòng",
    maxPoints: 18,
    criteria: [
      {
        key: "feedbackOnTime",
        label: "Phản ánh, kiến nghị được xử lý đúng hạn",
        maxPoints: 6,
        value: notCollected,
        score: proportional,
      },
      {
        key: "feedbackSatisfaction",
        label: "Mức độ hài lòng về xử lý phản ánh, kiến nghị",
        maxPoints: 6,
        value: notCollected,
        score: proportional,
      },
      {
        key: "satisfaction",
        label: "Mức độ hài lòng trong giải quyết thủ tục hành chính",
        maxPoints: 6,
        value: (m) => m.satisfaction,
        score: proportional,
      },
    ],
  },
};

const CriterionEstimate = z.object({
  key: z.string(),
  label: z.string(),
  maxPoints: z.number(),
  /** "not_collected": the platform does not measure it yet; "no_data": nothing to measure this period. */
  state: z.enum(["measured", "not_collected", "no_data"]),
  value: z.number().nullable(),
  points: z.number().nullable(),
});

const Points = {
  maxPoints: z.number(),
  /** Of maxPoints, those of the criteria measured: the estimate's own denominator. */
  measuredMaxPoints: z.number(),
  /** Estimated points over the measured criteria only. */
  points: z.number(),
};

export const D766Estimate = z.object({
  estimate: z.literal(true),
  ...Points,
  groups: z.array(z.object({ key: z.enum(D766_GROUPS), label: z.string(), ...Points, criteria: z.array(CriterionEstimate) })),
});
export type D766Estimate = z.infer<typeof D766Estimate>;

export const estimateD766 = (metrics: Metrics, context: D766Context): D766Estimate => {
  const groups = D766_GROUPS.map((key) => {
    const group = RULES[key];
    const criteria = group.criteria.map((rule) => {
      const base = { key: rule.key, label: rule.label, maxPoints: rule.maxPoints };
      const value = rule.value(metrics, context);
      if (!value.measured) return { ...base, state: "not_collected" as const, value: null, points: null };
      if (value.value === null) return { ...base, state: "no_data" as const, value: null, points: null };
      return { ...base, state: "measured" as const, value: value.value, points: rule.score(value.value, rule.maxPoints) };
    });
    const measuredCriteria = criteria.filter((c) => c.state === "measured");
    return {
      key,
      label: group.label,
      maxPoints: group.maxPoints,
      measuredMaxPoints: measuredCriteria.reduce((sum, c) => sum + c.maxPoints, 0),
      points: measuredCriteria.reduce((sum, c) => sum + (c.points ?? 0), 0),
      criteria,
    };
  });
  return {
    estimate: true,
    maxPoints: groups.reduce((sum, g) => sum + g.maxPoints, 0),
    measuredMaxPoints: groups.reduce((sum, g) => sum + g.measuredMaxPoints, 0),
    points: groups.reduce((sum, g) => sum + g.points, 0),
    groups,
  };
};
