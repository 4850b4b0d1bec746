import { ReportMonthParam, ReportPrepareBody, ReportReviewBody } from "../../../../shared/src/figures/api";
import { reportCsv } from "../../dashboard/csv";
import { prepareMonthlyReport } from "../../dashboard/report";
import { getReport, listReports, reviewReport } from "../../db/repo/reports";
import { notFound } from "../../lib/errors";
import { factory } from "../../lib/factory";
import { contentDisposition } from "../../lib/file-headers";
import { validate } from "../../lib/validate";

const noReport = () => notFound("Chưa có báo cáo của tháng này.");

/** The monthly praise and reminder reports (`/api/admin/reports`): prepared by the nightly job on the 1st. */
export const adminReportRoutes = factory
  .createApp()
  .get("/", async (c) => c.json({ items: await listReports(c.var.db, c.var.user.provinceId) }, 200))
  .get("/:month", validate("param", ReportMonthParam), async (c) => {
    const report = await getReport(c.var.db, c.var.user.provinceId, c.req.valid("param").month);
    if (!report) throw noReport();
    return c.json(report, 200);
  })
  .post("/:month/prepare", validate("param", ReportMonthParam), validate("json", ReportPrepareBody), async (c) => {
    const { db, user } = c.var;
    const { month } = c.req.valid("param");
    await prepareMonthlyReport(db, user.provinceId, month, { actorId: user.id, reason: c.req.valid("json").reason });
    const report = await getReport(db, user.provinceId, month);
    if (!report) throw noReport();
    return c.json(report, 200);
  })
  .post("/:month/review", validate("param", ReportMonthParam), validate("json", ReportReviewBody), async (c) => {
    const { db, user } = c.var;
    const { month } = c.req.valid("param");
    if (!(await reviewReport(db, user.provinceId, month, user.id, c.req.valid("json").note))) throw noReport();
    const report = await getReport(db, user.provinceId, month);
    if (!report) throw noReport();
    return c.json(report, 200);
  })
  .get("/:month/csv", validate("param", ReportMonthParam), async (c) => {
    const { month } = c.req.valid("param");
    const report = await getReport(c.var.db, c.var.user.provinceId, month);
    if (!report) throw noReport();
    return c.body(reportCsv(report.data), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition(`bao-cao-thang-${month}.csv`),
    });
  });
