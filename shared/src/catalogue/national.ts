import { z } from "zod";
import { NewProcedureBody } from "../admin/procedures";
import { CHANNELS, type Channel } from "../dossier/channel";
import { LocalDate } from "../time/vietnam";
import { DEFAULT_CASE } from "./cases";
import {
  DocumentForm,
  EForm,
  ExternalSystem,
  FeeTerms,
  ProcedureCase,
  ProcedureStatus,
  type ProcessingTime,
  type RequiredDocument,
  ResultDelivery,
  ServiceLevel,
  UnitId,
  UnitLevel,
} from "./schemas";

/**
 * The catalogue in the national procedure database's JSON shape (DVCQG, as OpenCPS exchanges it),
 * both ways. What our model holds and the national shape does not (eForm, aliases, version,
 * status, the kind of each paper…) travels in objects named `MOTCUA`, so an export imported again
 * loses nothing. A file from elsewhere without them gets our defaults, and every national field or
 * value we cannot map is reported by path instead of being dropped.
 */

/** One procedure version in our model: a draft body with its code, version, status and dates. */
export const CatalogueVersion = NewProcedureBody.extend({
  version: z.number().int().min(1),
  status: ProcedureStatus,
  effectiveFrom: LocalDate,
  popularity: z.number().int().min(0),
});
export type CatalogueVersion = z.infer<typeof CatalogueVersion>;

/** DVCQG channel labels (CACHTHUCTHUCHIEN.KENH). */
export const NATIONAL_CHANNEL: Record<Channel, string> = {
  counter: "Trực tiếp",
  online: "Trực tuyến",
  postal: "Nộp qua bưu chính công ích",
};
/** DVCQG time units (THOIGIAN.DONVITINH); "Trong ngày" is the civil-status same-day rule. */
export const NATIONAL_TIME_UNIT: Record<ProcessingTime["unit"], string> = {
  working_day: "Ngày làm việc",
  day: "Ngày",
  hour: "Giờ",
  same_day: "Trong ngày",
};
const CURRENCY = "Đồng";

const byValue = <K extends string>(labels: Record<K, string>, label: string): K | undefined =>
  (Object.keys(labels) as K[]).find((k) => labels[k].toLocaleLowerCase("vi") === label.trim().toLocaleLowerCase("vi"));

// The national shape, strict at every level: a key we do not know is reported, never dropped.

const Fee = z.strictObject({ SOTIEN: z.number().int().min(0), DONVI: z.string(), MOTA: z.string().optional() });
const Time = z.strictObject({
  /** Which case (TRUONGHOP) this time and fee belong to; may be absent when the procedure has one case. */
  TRUONGHOP: z.string().optional(),
  THOIGIANGIAIQUYET: z.number().min(0),
  DONVITINH: z.string(),
  MOTA: z.string().optional(),
  PHILEPHI: z.array(Fee).optional(),
});
const Paper = z.strictObject({
  MAGIAYTO: z.string().optional(),
  TENGIAYTO: z.string(),
  TENMAUDON: z.string().optional(),
  URL: z.string().optional(),
  SOBANCHINH: z.number().int().min(0).optional(),
  SOBANSAO: z.number().int().min(0).optional(),
  MOTCUA: z
    .strictObject({
      form: DocumentForm,
      required: z.boolean(),
      note: z.string().optional(),
      templateFileId: z.string().optional(),
      replacedByEform: z.boolean().optional(),
    })
    .optional(),
});

/** Our additions to a procedure: what the national shape has no field for. */
const Extension = z.strictObject({
  version: z.number().int().min(1),
  status: ProcedureStatus,
  effectiveFrom: LocalDate,
  summary: z.string(),
  unitLevel: UnitLevel,
  competentUnitId: UnitId.nullable(),
  serviceLevel: ServiceLevel,
  eform: EForm,
  onlineOnly: z.boolean(),
  essential: z.boolean(),
  resultDelivery: z.array(ResultDelivery),
  aliases: z.array(z.string()),
  requiresVneid: z.boolean(),
  externalSystem: ExternalSystem.nullable(),
  feeTerms: FeeTerms,
  popularity: z.number().int().min(0),
  /** Case ids in order, matched to TRUONGHOP names. */
  cases: z.array(ProcedureCase.pick({ id: true, name: true })),
});

export const NationalProcedure = z.strictObject({
  MATTHC: z.string(),
  TENTTHC: z.string(),
  LINHVUCTHUCHIEN: z.strictObject({ MALINHVUC: z.string(), TENLINHVUC: z.string() }),
  TRINHTUTHUCHIEN: z
    .array(z.strictObject({ TRUONGHOP: z.string(), TRINHTU: z.array(z.strictObject({ TENTRINHTU: z.string() })) }))
    .optional(),
  CACHTHUCTHUCHIEN: z.array(z.strictObject({ KENH: z.string(), THOIGIAN: z.array(Time) })),
  THANHPHANHOSO: z.array(z.strictObject({ TRUONGHOP: z.string(), GIAYTO: z.array(Paper) })),
  YEUCAU: z.string().optional(),
  KETQUATHUCHIEN: z.array(z.strictObject({ MAKETQUA: z.string(), TENKETQUA: z.string() })).optional(),
  CANCUPHAPLY: z
    .array(
      z.strictObject({
        SOVANBAN: z.string(),
        TENVANBAN: z.string(),
        NGAYBANHANH: z.string(),
        MOTCUA: z.strictObject({ effectiveFrom: LocalDate }).optional(),
      }),
    )
    .optional(),
  COQUANTHUCHIEN: z.array(z.strictObject({ TENDONVI: z.string() })).optional(),
  MOTCUA: Extension.optional(),
});
export type NationalProcedure = z.infer<typeof NationalProcedure>;

/** dd/MM/yyyy, as the national database writes dates of legal texts. */
const nationalDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
const fromNationalDate = (text: string): string | undefined => {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text.trim());
  const iso = m ? `${m[3]}-${m[2]}-${m[1]}` : text.trim();
  return LocalDate.safeParse(iso).success ? iso : undefined;
};

function paperOf(d: RequiredDocument, i: number): z.infer<typeof Paper> {
  const originals = d.form === "original" || d.form === "original_or_copy" ? d.count : 0;
  const copies = d.form === "original" ? 0 : d.count;
  return {
    MAGIAYTO: String(i + 1),
    TENGIAYTO: d.name,
    TENMAUDON: d.template ?? "",
    URL: d.templateFileId ? `/api/templates/${d.templateFileId}` : "",
    SOBANCHINH: originals,
    SOBANSAO: copies,
    MOTCUA: {
      form: d.form,
      required: d.required,
      ...(d.note !== undefined ? { note: d.note } : {}),
      ...(d.templateFileId ? { templateFileId: d.templateFileId } : {}),
      ...(d.replacedByEform ? { replacedByEform: true } : {}),
    },
  };
}

/** One version in the national shape, with `MOTCUA` holding the rest. `fieldName` is its lĩnh vực's name. */
export function toNational(v: CatalogueVersion, fieldName: string): NationalProcedure {
  return {
    MATTHC: v.code,
    TENTTHC: v.name,
    LINHVUCTHUCHIEN: { MALINHVUC: v.fieldId, TENLINHVUC: fieldName },
    // Steps are not part of our model: each case is listed without them.
    TRINHTUTHUCHIEN: v.cases.map((c) => ({ TRUONGHOP: c.name, TRINHTU: [] })),
    CACHTHUCTHUCHIEN: CHANNELS.flatMap((channel) => {
      const times = v.cases.flatMap((c) =>
        c.channels
          .filter((ch) => ch.channel === channel)
          .map((ch) => ({
            TRUONGHOP: c.name,
            THOIGIANGIAIQUYET: ch.processingTime.unit === "same_day" ? 0 : ch.processingTime.value,
            DONVITINH: NATIONAL_TIME_UNIT[ch.processingTime.unit],
            MOTA: ch.processingTime.note ?? "",
            PHILEPHI: [{ SOTIEN: ch.fee, DONVI: CURRENCY, ...(ch.feeNote !== undefined ? { MOTA: ch.feeNote } : {}) }],
          })),
      );
      return times.length > 0 ? [{ KENH: NATIONAL_CHANNEL[channel], THOIGIAN: times }] : [];
    }),
    THANHPHANHOSO: v.cases.map((c) => ({ TRUONGHOP: c.name, GIAYTO: c.documents.map(paperOf) })),
    YEUCAU: v.requirements,
    KETQUATHUCHIEN: v.result ? [{ MAKETQUA: "1", TENKETQUA: v.result }] : [],
    CANCUPHAPLY: v.decisions.map((d) => ({
      SOVANBAN: d.number,
      TENVANBAN: d.title,
      NGAYBANHANH: nationalDate(d.issuedOn),
      ...(d.effectiveFrom ? { MOTCUA: { effectiveFrom: d.effectiveFrom } } : {}),
    })),
    COQUANTHUCHIEN: [{ TENDONVI: v.agency }],
    MOTCUA: {
      version: v.version,
      status: v.status,
      effectiveFrom: v.effectiveFrom,
      summary: v.summary,
      unitLevel: v.unitLevel,
      competentUnitId: v.competentUnitId,
      serviceLevel: v.serviceLevel,
      eform: v.eform,
      onlineOnly: v.onlineOnly,
      essential: v.essential,
      resultDelivery: v.resultDelivery,
      aliases: v.aliases,
      requiresVneid: v.requiresVneid,
      externalSystem: v.externalSystem,
      feeTerms: v.feeTerms,
      popularity: v.popularity,
      cases: v.cases.map(({ id, name }) => ({ id, name })),
    },
  };
}

/** What the mapping looks up: the province's fields (by id or name) and departments (by name). */
export type NationalContext = {
  fields: readonly { id: string; name: string }[];
  departments: readonly { id: string; name: string }[];
  /** The local date a file without `MOTCUA` takes effect from. */
  today: string;
};

export type MappingProblem = { path: string; message: string };
export type Mapped = { ok: true; version: CatalogueVersion } | { ok: false; problems: MappingProblem[] };

const fold = (s: string) => s.trim().toLocaleLowerCase("vi");

/**
 * One national record in our model, or everything about it that could not be mapped: keys we do
 * not know, unknown channel labels and time units, an unknown lĩnh vực, times of an unknown case,
 * steps (we keep none), and whatever our own schema then refuses.
 */
export function fromNational(input: unknown, ctx: NationalContext): Mapped {
  const parsed = NationalProcedure.safeParse(input);
  if (!parsed.success)
    return { ok: false, problems: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) };
  const n = parsed.data;
  const problems: MappingProblem[] = [];
  const problem = (path: string, message: string) => {
    problems.push({ path, message });
  };
  const ext = n.MOTCUA;

  const field =
    ctx.fields.find((f) => f.id === n.LINHVUCTHUCHIEN.MALINHVUC) ??
    ctx.fields.find((f) => fold(f.name) === fold(n.LINHVUCTHUCHIEN.TENLINHVUC));
  if (!field)
    problem(
      "LINHVUCTHUCHIEN",
      `Lĩnh vực "${n.LINHVUCTHUCHIEN.TENLINHVUC}" (${n.LINHVUCTHUCHIEN.MALINHVUC}) không có trong danh mục của tỉnh`,
    );

  (n.TRINHTUTHUCHIEN ?? []).forEach((t, i) => {
    if (t.TRINHTU.length > 0)
      problem(`TRINHTUTHUCHIEN.${i}.TRINHTU`, "Trình tự thực hiện chưa được hỗ trợ; hãy bỏ các bước trước khi nhập");
  });

  // Cases: named by TRUONGHOP in the papers, times and steps; ids from MOTCUA or by position.
  const names = [
    ...new Set([
      ...(ext?.cases.map((c) => c.name) ?? []),
      ...n.THANHPHANHOSO.map((t) => t.TRUONGHOP),
      ...n.CACHTHUCTHUCHIEN.flatMap((k) => k.THOIGIAN.flatMap((t) => (t.TRUONGHOP ? [t.TRUONGHOP] : []))),
      ...(n.TRINHTUTHUCHIEN ?? []).map((t) => t.TRUONGHOP),
    ]),
  ];
  if (names.length === 0) names.push(DEFAULT_CASE.name);
  const cases: ProcedureCase[] = names.map((name, i) => ({
    id: ext?.cases.find((c) => c.name === name)?.id ?? (names.length === 1 ? DEFAULT_CASE.id : `truong-hop-${i + 1}`),
    name,
    channels: [],
    documents: [],
  }));
  const caseNamed = (name: string | undefined) =>
    name === undefined ? (cases.length === 1 ? cases[0] : undefined) : cases.find((c) => c.name === name);

  n.CACHTHUCTHUCHIEN.forEach((k, i) => {
    const channel = byValue(NATIONAL_CHANNEL, k.KENH);
    if (!channel) {
      problem(
        `CACHTHUCTHUCHIEN.${i}.KENH`,
        `Cách thức "${k.KENH}" không xác định (chỉ nhận ${Object.values(NATIONAL_CHANNEL).join(", ")})`,
      );
      return;
    }
    for (const [j, t] of k.THOIGIAN.entries()) {
      const at = `CACHTHUCTHUCHIEN.${i}.THOIGIAN.${j}`;
      const target = caseNamed(t.TRUONGHOP);
      const unit = byValue(NATIONAL_TIME_UNIT, t.DONVITINH);
      const wholeDays = Number.isInteger(t.THOIGIANGIAIQUYET) && t.THOIGIANGIAIQUYET >= 1;
      if (!target) problem(`${at}.TRUONGHOP`, "Cần ghi trường hợp (TRUONGHOP) khi thủ tục có nhiều trường hợp");
      if (!unit) problem(`${at}.DONVITINH`, `Đơn vị thời gian "${t.DONVITINH}" không xác định`);
      else if (unit !== "same_day" && !wholeDays)
        problem(`${at}.THOIGIANGIAIQUYET`, "Thời gian giải quyết phải là số nguyên dương");
      if (!target || !unit || (unit !== "same_day" && !wholeDays)) continue;
      const fees = t.PHILEPHI ?? [];
      fees.forEach((f, m) => {
        if (fold(f.DONVI) !== fold(CURRENCY))
          problem(`${at}.PHILEPHI.${m}.DONVI`, `Đơn vị tiền "${f.DONVI}" không xác định (chỉ nhận ${CURRENCY})`);
      });
      if (fees.length > 1) problem(`${at}.PHILEPHI`, "Mỗi cách thức của một trường hợp chỉ có một mức phí, lệ phí");
      const note = t.MOTA ? { note: t.MOTA } : {};
      target.channels.push({
        channel,
        processingTime: unit === "same_day" ? { unit, ...note } : { unit, value: t.THOIGIANGIAIQUYET, ...note },
        fee: fees[0]?.SOTIEN ?? 0,
        ...(fees[0]?.MOTA !== undefined ? { feeNote: fees[0].MOTA } : {}),
      });
    }
  });

  n.THANHPHANHOSO.forEach((t) => {
    caseNamed(t.TRUONGHOP)!.documents = t.GIAYTO.map((g) => {
      const extra = g.MOTCUA;
      const form = extra?.form ?? ((g.SOBANCHINH ?? 0) > 0 || (g.SOBANSAO ?? 0) === 0 ? "original" : "copy");
      const count = Math.max(1, form === "original" || form === "original_or_copy" ? (g.SOBANCHINH ?? 1) : (g.SOBANSAO ?? 1));
      return {
        name: g.TENGIAYTO,
        form,
        count,
        required: extra?.required ?? true,
        ...(g.TENMAUDON ? { template: g.TENMAUDON } : {}),
        ...(extra?.templateFileId ? { templateFileId: extra.templateFileId } : {}),
        ...(extra?.note !== undefined ? { note: extra.note } : {}),
        ...(extra?.replacedByEform ? { replacedByEform: true } : {}),
      };
    });
  });

  const decisions = (n.CANCUPHAPLY ?? []).flatMap((d, i) => {
    const issuedOn = fromNationalDate(d.NGAYBANHANH);
    if (!issuedOn) {
      problem(`CANCUPHAPLY.${i}.NGAYBANHANH`, `Ngày ban hành "${d.NGAYBANHANH}" không đúng dạng dd/MM/yyyy`);
      return [];
    }
    return [{ number: d.SOVANBAN, title: d.TENVANBAN, issuedOn, ...(d.MOTCUA ? { effectiveFrom: d.MOTCUA.effectiveFrom } : {}) }];
  });

  const department = ctx.departments.find((u) => fold(u.name) === fold(n.COQUANTHUCHIEN?.[0]?.TENDONVI ?? ""));
  const channels = new Set(cases.flatMap((c) => c.channels.map((ch) => ch.channel)));
  const charged = cases.some((c) => c.channels.some((ch) => ch.fee > 0));
  const own = ext
    ? (({ cases: _ids, ...rest }) => rest)(ext)
    : {
        version: 1,
        status: "draft" as const,
        effectiveFrom: ctx.today,
        summary: "",
        unitLevel: department ? ("province" as const) : ("commune" as const),
        competentUnitId: department?.id ?? null,
        serviceLevel: "mot_phan" as const,
        eform: { fields: [] },
        onlineOnly: false,
        essential: false,
        resultDelivery: channels.size > 0 ? [...channels] : ["counter" as const],
        aliases: [],
        requiresVneid: false,
        externalSystem: null,
        feeTerms: { legalBasis: charged && decisions[0] ? `${decisions[0].number} ${decisions[0].title}` : "" },
        popularity: 0,
      };
  const checked = CatalogueVersion.safeParse({
    code: n.MATTHC,
    name: n.TENTTHC,
    fieldId: field?.id ?? n.LINHVUCTHUCHIEN.MALINHVUC,
    agency: (n.COQUANTHUCHIEN ?? []).map((c) => c.TENDONVI).join("; "),
    requirements: n.YEUCAU ?? "",
    result: (n.KETQUATHUCHIEN ?? []).map((k) => k.TENKETQUA).join("; "),
    decisions,
    cases,
    ...own,
  });
  if (!checked.success) for (const i of checked.error.issues) problem(i.path.join("."), i.message);
  return problems.length > 0 || !checked.success ? { ok: false, problems } : { ok: true, version: checked.data };
}
