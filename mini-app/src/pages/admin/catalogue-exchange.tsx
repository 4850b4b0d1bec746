import { type FormEvent, useState } from "react";
import { type ImportBody, ImportReport, type ImportResult } from "../../../../shared/src/admin/exchange";
import { vietnamDate } from "../../../../shared/src/time/vietnam";
import { Dialog } from "../../components/dialog";
import { procedureAdminApi } from "../../services/admin-api";
import { ApiFailure, errorMessage } from "../../services/api";
import { useTask } from "../../utils/task";
import { problemsOf } from "./procedure-form";

function saveJson(data: unknown, name: string) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

type Outcome =
  | { result: ImportResult }
  | { failure: string; report: ImportReport; problems: { path: string; message: string }[] };

function ImportForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [reason, setReason] = useState("");
  const [publish, setPublish] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const task = useTask();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setOutcome(null);
    if (!file) return task.setError("Chọn tệp JSON cần nhập.");
    if (reason.trim().length < 3) return task.setError("Vui lòng ghi lý do nhập (ít nhất 3 ký tự).");
    void task.run(async () => {
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(await file.text());
      } catch {
        throw new ApiFailure(400, "bad_request", "Tệp không phải JSON hợp lệ. Không có thay đổi nào được lưu.");
      }
      try {
        // The file's shape is the API's to check: it answers with a report of everything it could not map.
        const body = { ...parsed, reason: reason.trim(), publish } as ImportBody;
        const result = await procedureAdminApi.importCatalogue(body);
        setOutcome({ result });
        onDone();
      } catch (failure) {
        const report = ImportReport.safeParse(failure instanceof ApiFailure ? failure.details : null);
        setOutcome({
          failure: `${errorMessage(failure)} Không có thay đổi nào được lưu.`,
          report: report.success ? report.data : [],
          problems: report.success ? [] : problemsOf(failure),
        });
      }
    });
  };

  return (
    <form noValidate onSubmit={submit}>
      <div className="field">
        <label htmlFor="import-file" className="field__label">
          Tệp danh mục (JSON theo Cơ sở dữ liệu quốc gia)
        </label>
        <input
          id="import-file"
          type="file"
          accept="application/json,.json"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <div className="field">
        <label htmlFor="import-reason" className="field__label">
          Lý do nhập
        </label>
        <textarea id="import-reason" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <label className="toggle" htmlFor="import-publish">
        <input id="import-publish" type="checkbox" checked={publish} onChange={(e) => setPublish(e.target.checked)} />
        <span>Công bố ngay các phiên bản nhập vào (nếu không, chúng là bản nháp)</span>
      </label>
      {task.error && (
        <p className="field__error" role="alert">
          {task.error}
        </p>
      )}
      {outcome && "result" in outcome && (
        <p className="status" role="status">
          Đã nhập xong: {outcome.result.written} thủ tục được ghi, {outcome.result.unchanged} thủ tục không thay đổi.
        </p>
      )}
      {outcome && "failure" in outcome && (
        <div className="status status--error admin-problems" role="alert">
          <p>
            <strong>{outcome.failure}</strong>
          </p>
          <ul aria-label="Báo cáo những gì chưa chuyển được">
            {outcome.report.map((r) => (
              <li key={r.index}>
                Thủ tục {r.code ?? `thứ ${r.index + 1}`}:
                <ul>
                  {r.problems.map((p, i) => (
                    <li key={`${p.path}-${i}`}>
                      {p.path}: {p.message}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
            {outcome.problems.map((p, i) => (
              <li key={`${p.path}-${i}`}>
                {p.path || "Tệp"}: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Đóng
        </button>
        <button type="submit" className="button button--primary" disabled={task.busy}>
          {task.busy ? "Đang nhập…" : "Nhập"}
        </button>
      </div>
    </form>
  );
}

/** Export the catalogue as a JSON file; import one back (all or nothing, with a report of what could not be mapped). */
export function CatalogueExchange({ onImported }: { onImported: () => void }) {
  const [importing, setImporting] = useState(false);
  const exporting = useTask();
  return (
    <div className="admin-actions">
      <button
        type="button"
        className="button button--small button--secondary"
        disabled={exporting.busy}
        onClick={() =>
          void exporting.run(async () =>
            saveJson(await procedureAdminApi.exportCatalogue(), `danh-muc-thu-tuc-${vietnamDate(new Date())}.json`),
          )
        }
      >
        {exporting.busy ? "Đang xuất…" : "Xuất danh mục (JSON)"}
      </button>
      <button type="button" className="button button--small button--secondary" onClick={() => setImporting(true)}>
        Nhập danh mục
      </button>
      {exporting.error && (
        <p className="field__error" role="alert">
          {exporting.error}
        </p>
      )}
      <Dialog open={importing} title="Nhập danh mục thủ tục" onClose={() => setImporting(false)}>
        {importing && <ImportForm onDone={onImported} onCancel={() => setImporting(false)} />}
      </Dialog>
    </div>
  );
}
