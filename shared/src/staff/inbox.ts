import { type DossierStatus, STATUS_GROUPS } from "../dossier/status";

type TabDefinition = { label: string } & (
  | { statuses: readonly DossierStatus[] }
  /** Derived from the due date and today's local date while the clock runs (`dueState`). */
  | { due: "soon" | "overdue" }
);

/** The staff inbox's groups, in the order the workspace shows them: what each holds and its name. */
export const INBOX_TABS = {
  new: { label: "Mới", statuses: STATUS_GROUPS.awaitingAcceptance },
  processing: { label: "Đang xử lý", statuses: [2, 4] },
  supplement: { label: "Chờ bổ sung", statuses: [5] },
  payment: { label: "Chờ nộp phí", statuses: [6] },
  due_soon: { label: "Sắp đến hạn", due: "soon" },
  overdue: { label: "Quá hạn", due: "overdue" },
  done: { label: "Đã xong", statuses: STATUS_GROUPS.resolved },
} as const satisfies Record<string, TabDefinition>;

export type InboxTab = keyof typeof INBOX_TABS;
export const INBOX_TAB_KEYS = Object.keys(INBOX_TABS) as [InboxTab, ...InboxTab[]];
