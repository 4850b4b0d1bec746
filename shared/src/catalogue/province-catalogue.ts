import { z } from "zod";
import { CalendarDay } from "../deadline/api";
import { LifeEventInput, PaperReplacementInput } from "../search/life-events";
import { Field, ProcedureInput, Province, Unit } from "./schemas";

/** Positions of the values that appeared before them. */
const repeats = (values: readonly string[]) => values.flatMap((v, i) => (values.indexOf(v) === i ? [] : [{ value: v, at: i }]));

/**
 * A province's whole catalogue as data files or an import deliver it: every part valid on its own,
 * every reference resolved (a unit's parent, a procedure's field and competent department) and
 * no identifier given twice. Issues name the item at fault.
 */
export const ProvinceCatalogue = z
  .object({
    province: Province,
    units: z.array(Unit).min(1),
    fields: z.array(Field).min(1),
    procedures: z.array(ProcedureInput),
    calendar: z.array(CalendarDay),
    /** Life events and abolished or renamed papers (optional files); their procedures by code. */
    lifeEvents: z.array(LifeEventInput).default([]),
    paperReplacements: z.array(PaperReplacementInput).default([]),
  })
  .superRefine(({ province, units, fields, procedures, calendar, lifeEvents, paperReplacements }, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: "custom", path, message });

    for (const { value, at } of repeats(units.map((u) => u.id))) issue(["units", at], `Mã đơn vị "${value}" bị trùng`);
    for (const { value, at } of repeats(units.map((u) => u.electronicId)))
      issue(["units", at], `Mã định danh điện tử "${value}" bị trùng`);
    for (const { value, at } of repeats(fields.map((f) => f.id))) issue(["fields", at], `Mã lĩnh vực "${value}" bị trùng`);
    for (const { value, at } of repeats(calendar.map((d) => d.date)))
      issue(["calendar", at], `Ngày ${value} có hai lần trong lịch`);
    for (const { value, at } of repeats(procedures.map((p) => `${p.code} phiên bản ${p.version}`)))
      issue(["procedures", at], `Thủ tục ${value} bị trùng`);
    procedures.forEach((p, i) => {
      if (p.status === "published" && procedures.findIndex((q) => q.code === p.code && q.status === "published") !== i)
        issue(["procedures", i], `Thủ tục ${p.code} có hơn một phiên bản đang công bố`);
    });

    for (const { value, at } of repeats(lifeEvents.map((e) => e.slug))) issue(["lifeEvents", at], `Sự kiện "${value}" bị trùng`);
    for (const { value, at } of repeats(paperReplacements.map((p) => p.slug)))
      issue(["paperReplacements", at], `Giấy tờ "${value}" bị trùng`);
    const codes = new Set(procedures.map((p) => p.code));
    lifeEvents.forEach((e, i) => {
      e.steps.forEach((s, j) => {
        if (!codes.has(s.code)) issue(["lifeEvents", i, "steps", j, "code"], `Sự kiện "${e.slug}": không có thủ tục ${s.code}`);
      });
    });
    paperReplacements.forEach((p, i) => {
      if (p.procedureCode !== null && !codes.has(p.procedureCode))
        issue(["paperReplacements", i, "procedureCode"], `Giấy tờ "${p.slug}": không có thủ tục ${p.procedureCode}`);
    });

    const unitKinds = new Map(units.map((u) => [u.id, u.kind]));
    units.forEach((u, i) => {
      if ((u.kind === "province") !== (u.parentId === null))
        issue(["units", i, "parentId"], `Đơn vị "${u.id}": chỉ đơn vị cấp tỉnh không có đơn vị cha`);
      else if (u.parentId !== null && !unitKinds.has(u.parentId))
        issue(["units", i, "parentId"], `Đơn vị "${u.id}": không có đơn vị cha "${u.parentId}"`);
      if (!u.electronicId.endsWith(`.${province.code}`))
        issue(["units", i, "electronicId"], `Đơn vị "${u.id}": mã định danh điện tử phải kết thúc bằng .${province.code}`);
    });

    const fieldIds = new Set(fields.map((f) => f.id));
    procedures.forEach((p, i) => {
      if (!fieldIds.has(p.fieldId)) issue(["procedures", i, "fieldId"], `Thủ tục ${p.code}: không có lĩnh vực "${p.fieldId}"`);
      if (p.unitLevel === "commune" && p.competentUnitId !== null)
        issue(["procedures", i, "competentUnitId"], `Thủ tục ${p.code}: thủ tục cấp xã không ghi sở, ngành có thẩm quyền`);
      if (p.unitLevel === "province" && (p.competentUnitId === null || unitKinds.get(p.competentUnitId) !== "department"))
        issue(
          ["procedures", i, "competentUnitId"],
          `Thủ tục ${p.code}: thủ tục cấp tỉnh cần một sở, ngành có thẩm quyền (không có sở, ngành "${p.competentUnitId}")`,
        );
    });
  });
export type ProvinceCatalogue = z.infer<typeof ProvinceCatalogue>;
