import { useEffect, useState } from "react";
import { errorMessage } from "../../services/api";
import { type Assignee, type StaffDossierData, staffApi } from "../../services/staff-api";
import { useStaffInbox } from "../../stores/staff";
import { formatDateTime } from "../../utils/format";
import { useTask } from "../../utils/task";

type Assignment = StaffDossierData["assignment"];

/**
 * Who handles the dossier: every officer sees the assignee; the unit's leader assigns it to a
 * named officer of the unit, or withdraws the assignment.
 */
export function AssignmentSection({ detail }: { detail: StaffDossierData }) {
  const [assignment, setAssignment] = useState<Assignment>(detail.assignment);
  const [officers, setOfficers] = useState<Assignee[] | null>(null);
  const [choice, setChoice] = useState(detail.assignment?.assignee.id ?? "");
  const refreshInbox = useStaffInbox((s) => s.refresh);
  const { busy, error, setError, run } = useTask();

  useEffect(() => {
    setAssignment(detail.assignment);
    setChoice(detail.assignment?.assignee.id ?? "");
  }, [detail.assignment]);
  useEffect(() => {
    if (!detail.canAssign) return;
    let live = true;
    staffApi.assignees(detail.code).then(
      (list) => live && setOfficers(list.items),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [detail.canAssign, detail.code, setError]);

  const save = () =>
    run(async () => {
      setAssignment((await staffApi.assign(detail.code, choice || null)).assignment);
      refreshInbox();
    });

  if (!assignment && !detail.canAssign) return null;
  return (
    <section className="section" aria-labelledby="assignment-title">
      <h2 id="assignment-title" className="section__title">
        Phân công
      </h2>
      <p>
        {assignment
          ? `Cán bộ xử lý: ${assignment.assignee.name} (giao bởi ${assignment.assignedBy.name}, ${formatDateTime(assignment.at)})`
          : "Chưa giao cho cán bộ nào."}
      </p>
      {detail.canAssign && officers && (
        <div className="filters">
          <label className="filter">
            Giao cho
            <select value={choice} onChange={(e) => setChoice(e.target.value)}>
              <option value="">Không giao cho ai</option>
              {officers.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name} ({o.roleLabel})
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={busy || choice === (assignment?.assignee.id ?? "")}
            onClick={() => void save()}
          >
            Lưu phân công
          </button>
        </div>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
