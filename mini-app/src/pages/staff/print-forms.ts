import type { StaffDossierData, TimelineEvent } from "../../services/staff-api";

/** The printed forms of the one-stop desk (TT 01/2018/TT-VPCP), by number. */
export const PRINT_FORMS = {
  "01": "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
  "02": "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
  "03": "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
  "04": "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
} as const;
export type PrintForm = keyof typeof PRINT_FORMS;

export const isPrintForm = (value: string): value is PrintForm => (Object.keys(PRINT_FORMS) as string[]).includes(value);

/** The step each later form records; Mẫu 01 is issued on acceptance instead. */
const FORM_EVENT: Record<Exclude<PrintForm, "01">, string> = {
  "02": "supplement_requested",
  "03": "refused",
  "04": "apologised",
};

/** The most recent event of `type`, if any. */
function latestEvent(timeline: readonly TimelineEvent[], type: string): TimelineEvent | null {
  for (let i = timeline.length - 1; i >= 0; i--) if (timeline[i]!.type === type) return timeline[i]!;
  return null;
}

/** The event a form is printed from (null for Mẫu 01, which reads the dossier itself). */
export const formEvent = (detail: Pick<StaffDossierData, "timeline">, form: PrintForm): TimelineEvent | null =>
  form === "01" ? null : latestEvent(detail.timeline, FORM_EVENT[form]);

/** Whether a form applies: 01 once accepted, 02 after a supplement request, 03 after a refusal, 04 after an apology. */
export const formApplies = (detail: Pick<StaffDossierData, "acceptance" | "timeline">, form: PrintForm): boolean =>
  form === "01" ? detail.acceptance !== null : formEvent(detail, form) !== null;

export const printableForms = (detail: Pick<StaffDossierData, "acceptance" | "timeline">): PrintForm[] =>
  (Object.keys(PRINT_FORMS) as PrintForm[]).filter((form) => formApplies(detail, form));

export const printPath = (code: string, form: PrintForm) => `/can-bo/ho-so/${code}/in/${form}`;
