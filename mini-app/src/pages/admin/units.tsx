import { type FormEvent, useCallback, useEffect, useState } from "react";
import { MAX_PRIORITY_WEEKDAYS, subtreeIds } from "../../../../shared/src/admin/units";
import { formatDate } from "../../../../shared/src/format/vi";
import { Dialog } from "../../components/dialog";
import { useSnackbar } from "../../components/snackbar";
import { ErrorMessage, Loading } from "../../components/status";
import { Field, type Invalid } from "../../components/text-field";
import { errorMessage } from "../../services/api";
import { type AdminUnit, unitsApi } from "../../services/units-api";
import { useTask } from "../../utils/task";
import { AdminLayout } from "./layout";
import { ReasonField, reasonProblem } from "./people-parts";

const WEEKDAYS = [
  [1, "Thứ Hai"],
  [2, "Thứ Ba"],
  [3, "Thứ Tư"],
  [4, "Thứ Năm"],
  [5, "Thứ Sáu"],
] as const;
const COHORT_LABEL: Record<AdminUnit["cohort"], string> = {
  department: "Sở, ngành",
  commune: "Xã, phường",
  special_zone: "Đặc khu",
};

type Draft = {
  id: string;
  kind: "department" | "commune";
  name: string;
  parentId: string;
  electronicId: string;
  address: string;
  phone: string;
  hotline: string;
  priorityWeekdays: number[];
  cohort: AdminUnit["cohort"];
  reason: string;
};

const draftOf = (u: AdminUnit): Draft => ({
  id: u.id,
  kind: u.kind === "department" ? "department" : "commune",
  name: u.name,
  parentId: u.parentId ?? "",
  electronicId: u.electronicId,
  address: u.address,
  phone: u.phone,
  hotline: u.hotline,
  priorityWeekdays: u.priorityWeekdays,
  cohort: u.cohort,
  reason: "",
});

/** Creates a unit (`unit` null) or edits one: every detail, the place in the tree, with a reason. */
function UnitForm(props: { units: AdminUnit[]; unit: AdminUnit | null; onSaved: (u: AdminUnit) => void; onCancel: () => void }) {
  const root = props.units.find((u) => u.parentId === null);
  const [draft, setDraft] = useState<Draft>(() =>
    props.unit
      ? draftOf(props.unit)
      : {
          ...draftOf({ ...root!, id: "", name: "", electronicId: "", address: "", phone: "", hotline: "", priorityWeekdays: [] }),
          kind: "commune",
          cohort: "commune",
          parentId: root?.id ?? "",
        },
  );
  const [invalid, setInvalid] = useState<Invalid>(null);
  const { busy, error, run } = useTask();
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const isRoot = props.unit?.parentId === null;
  // A unit cannot go under itself or anything below it, nor under a retired unit.
  const below = props.unit ? subtreeIds(props.units, props.unit.id) : new Set<string>();
  const parents = props.units.filter((u) => !u.deactivatedAt && !below.has(u.id));

  const check = (): Invalid => {
    if (!props.unit && !/^[a-z0-9][a-z0-9-]{0,63}$/.test(draft.id))
      return { field: "unit-id", message: "Mã đơn vị gồm chữ thường không dấu, số và dấu gạch ngang" };
    if (draft.name.trim().length < 3) return { field: "unit-name", message: "Nhập tên đơn vị (ít nhất 3 ký tự)" };
    if (!/^[0-9A-Z]+(\.[0-9A-Z]+)+$/.test(draft.electronicId.trim()))
      return { field: "unit-eid", message: "Mã định danh điện tử có dạng 000.00.00.H99" };
    return reasonProblem("unit-reason", draft.reason);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const problem = check();
      setInvalid(problem);
      if (problem) return;
      const details = {
        name: draft.name.trim(),
        electronicId: draft.electronicId.trim(),
        address: draft.address.trim(),
        phone: draft.phone.trim(),
        hotline: draft.hotline.trim(),
        priorityWeekdays: draft.priorityWeekdays,
        cohort: draft.cohort,
        reason: draft.reason.trim(),
      };
      const saved = props.unit
        ? await unitsApi.change(props.unit.id, isRoot ? details : { ...details, parentId: draft.parentId })
        : await unitsApi.create({ ...details, id: draft.id, kind: draft.kind, parentId: draft.parentId });
      props.onSaved(saved);
    });
  };

  const toggleDay = (day: number, on: boolean) =>
    set({ priorityWeekdays: on ? [...draft.priorityWeekdays, day].sort() : draft.priorityWeekdays.filter((d) => d !== day) });
  const full = draft.priorityWeekdays.length >= MAX_PRIORITY_WEEKDAYS;

  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      {!props.unit && (
        <>
          <Field
            id="unit-id"
            label="Mã đơn vị (dùng trong đường dẫn)"
            value={draft.id}
            onChange={(id) => set({ id })}
            invalid={invalid}
            maxLength={64}
          />
          <fieldset className="field choice-group">
            <legend className="field__label">Loại đơn vị</legend>
            {(
              [
                ["department", "Sở, ngành"],
                ["commune", "Xã, phường, đặc khu"],
              ] as const
            ).map(([kind, label]) => (
              <label key={kind} className="toggle">
                <input
                  type="radio"
                  name="unit-kind"
                  checked={draft.kind === kind}
                  onChange={() => set({ kind, cohort: kind === "department" ? "department" : "commune" })}
                />
                <span>{label}</span>
              </label>
            ))}
          </fieldset>
        </>
      )}
      <Field
        id="unit-name"
        label="Tên đơn vị"
        value={draft.name}
        onChange={(name) => set({ name })}
        invalid={invalid}
        maxLength={200}
      />
      {!isRoot && (
        <div className="field">
          <label htmlFor="unit-parent" className="field__label">
            Đơn vị cấp trên
          </label>
          <select id="unit-parent" value={draft.parentId} onChange={(e) => set({ parentId: e.target.value })}>
            {parents.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <Field
        id="unit-eid"
        label="Mã định danh điện tử"
        value={draft.electronicId}
        onChange={(electronicId) => set({ electronicId: electronicId.toUpperCase() })}
        invalid={invalid}
        maxLength={40}
        hint={<p className="note">Kết thúc bằng mã của tỉnh, ví dụ 000.12.00.H99.</p>}
      />
      <Field
        id="unit-address"
        label="Địa chỉ"
        value={draft.address}
        onChange={(address) => set({ address })}
        invalid={invalid}
        optional
        maxLength={300}
      />
      <Field
        id="unit-phone"
        label="Điện thoại"
        value={draft.phone}
        onChange={(phone) => set({ phone })}
        invalid={invalid}
        optional
        maxLength={30}
      />
      <Field
        id="unit-hotline"
        label="Đường dây nóng"
        value={draft.hotline}
        onChange={(hotline) => set({ hotline })}
        invalid={invalid}
        optional
        maxLength={30}
      />
      <fieldset className="field choice-group">
        <legend className="field__label">Ngày ưu tiên xử lý hồ sơ trực tuyến (tối đa {MAX_PRIORITY_WEEKDAYS} ngày)</legend>
        {WEEKDAYS.map(([day, label]) => {
          const checked = draft.priorityWeekdays.includes(day);
          return (
            <label key={day} className="toggle">
              <input
                type="checkbox"
                checked={checked}
                disabled={!checked && full}
                onChange={(e) => toggleDay(day, e.target.checked)}
              />
              <span>{label}</span>
            </label>
          );
        })}
      </fieldset>
      <div className="field">
        <label htmlFor="unit-cohort" className="field__label">
          Nhóm xếp hạng
        </label>
        <select id="unit-cohort" value={draft.cohort} onChange={(e) => set({ cohort: e.target.value as Draft["cohort"] })}>
          {(Object.keys(COHORT_LABEL) as Draft["cohort"][]).map((c) => (
            <option key={c} value={c}>
              {COHORT_LABEL[c]}
            </option>
          ))}
        </select>
      </div>
      <ReasonField id="unit-reason" value={draft.reason} onChange={(reason) => set({ reason })} invalid={invalid} />
      {(error || invalid) && (
        <p className="field__error" role="alert">
          {error ?? invalid?.message}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={props.onCancel}>
          Hủy
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? "Đang lưu…" : "Lưu"}
        </button>
      </div>
    </form>
  );
}

/** Stops a unit, or merges it into another (which carries over its staff and open dossiers). */
function RetireForm(props: {
  units: AdminUnit[];
  unit: AdminUnit;
  merge: boolean;
  onDone: (text: string) => void;
  onCancel: () => void;
}) {
  const { unit } = props;
  const [reason, setReason] = useState("");
  const [into, setInto] = useState("");
  const [invalid, setInvalid] = useState<Invalid>(null);
  const { busy, error, run } = useTask();
  const targets = props.units.filter((u) => !u.deactivatedAt && u.id !== unit.id && u.parentId !== null);
  const busyUnit = unit.openDossiers > 0 || unit.activeStaff > 0;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const problem =
        props.merge && !into
          ? { field: "merge-into", message: "Chọn đơn vị nhận sáp nhập" }
          : reasonProblem("retire-reason", reason);
      setInvalid(problem);
      if (problem) return;
      if (props.merge) {
        const merged = await unitsApi.merge(unit.id, into, reason.trim());
        props.onDone(`Đã sáp nhập ${unit.name} vào ${merged.target.name}; ${merged.movedStaff} cán bộ đã chuyển sang.`);
      } else {
        await unitsApi.deactivate(unit.id, reason.trim());
        props.onDone(`Đã ngừng hoạt động ${unit.name}.`);
      }
    });
  };

  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      <p>
        Đơn vị có {unit.openDossiers} hồ sơ chưa giải quyết xong và {unit.activeStaff} cán bộ đang làm việc.
      </p>
      {props.merge ? (
        <>
          <p className="note">
            Cán bộ của đơn vị chuyển sang đơn vị nhận. Hồ sơ vẫn ghi đơn vị đã tiếp nhận; cán bộ của đơn vị nhận tiếp tục giải
            quyết các hồ sơ đó.
          </p>
          <div className={`field${invalid?.field === "merge-into" ? " field--invalid" : ""}`}>
            <label htmlFor="merge-into" className="field__label">
              Sáp nhập vào
            </label>
            <select
              id="merge-into"
              value={into}
              onChange={(e) => setInto(e.target.value)}
              aria-invalid={invalid?.field === "merge-into" ? true : undefined}
            >
              <option value="">Chọn đơn vị</option>
              {targets.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
        </>
      ) : (
        busyUnit && (
          <p className="note" role="note">
            Đơn vị còn hồ sơ hoặc cán bộ nên không thể ngừng hoạt động; hãy dùng “Sáp nhập” để chuyển sang một đơn vị khác.
          </p>
        )
      )}
      <ReasonField id="retire-reason" value={reason} onChange={setReason} invalid={invalid} />
      {(error || invalid) && (
        <p className="field__error" role="alert">
          {error ?? invalid?.message}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={props.onCancel}>
          Hủy
        </button>
        <button type="submit" className="button button--danger" disabled={busy || (!props.merge && busyUnit)}>
          {busy ? "Đang lưu…" : props.merge ? "Sáp nhập" : "Ngừng hoạt động"}
        </button>
      </div>
    </form>
  );
}

type Action = { kind: "create" } | { kind: "edit" | "deactivate" | "merge"; unit: AdminUnit } | null;

function UnitNode(props: { unit: AdminUnit; units: AdminUnit[]; act: (a: Action) => void }) {
  const { unit } = props;
  const children = props.units.filter((u) => u.parentId === unit.id);
  const retired = unit.deactivatedAt !== null;
  return (
    <li className="unit-node">
      <div className="unit-node__row">
        <div>
          <p className="unit-node__name">{unit.name}</p>
          <p className="note">
            {unit.electronicId} · {COHORT_LABEL[unit.cohort]} · {unit.openDossiers} hồ sơ chưa xong · {unit.activeStaff} cán bộ
          </p>
          {retired && (
            <p className="badges-row">
              <span className="badge badge--unverified">
                {unit.mergedInto
                  ? `Đã sáp nhập vào ${unit.mergedInto.name} ngày ${formatDate(unit.deactivatedAt!.slice(0, 10))}`
                  : `Ngừng hoạt động từ ${formatDate(unit.deactivatedAt!.slice(0, 10))}`}
              </span>
            </p>
          )}
        </div>
        {!retired && (
          <div className="unit-node__actions">
            <button
              type="button"
              className="button button--small button--secondary"
              aria-label={`Sửa ${unit.name}`}
              onClick={() => props.act({ kind: "edit", unit })}
            >
              Sửa
            </button>
            {unit.parentId !== null && (
              <>
                <button
                  type="button"
                  className="button button--small button--secondary"
                  aria-label={`Sáp nhập ${unit.name}`}
                  onClick={() => props.act({ kind: "merge", unit })}
                >
                  Sáp nhập
                </button>
                <button
                  type="button"
                  className="button button--small button--link"
                  aria-label={`Ngừng hoạt động ${unit.name}`}
                  onClick={() => props.act({ kind: "deactivate", unit })}
                >
                  Ngừng hoạt động
                </button>
              </>
            )}
          </div>
        )}
      </div>
      {children.length > 0 && (
        <ul className="plain-list unit-tree__children">
          {children.map((c) => (
            <UnitNode key={c.id} unit={c} units={props.units} act={props.act} />
          ))}
        </ul>
      )}
    </li>
  );
}

function UnitTree() {
  const { openSnackbar } = useSnackbar();
  const [units, setUnits] = useState<AdminUnit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [action, setAction] = useState<Action>(null);

  const load = useCallback(() => {
    setError(null);
    unitsApi
      .tree()
      .then(({ items }) => setUnits(items))
      .catch((e: unknown) => setError(errorMessage(e)));
  }, []);
  useEffect(load, [load]);

  const done = (text: string) => {
    setAction(null);
    openSnackbar({ text, type: "success" });
    load();
  };
  const roots = units?.filter((u) => u.parentId === null) ?? [];
  const title =
    action?.kind === "create"
      ? "Thêm đơn vị"
      : action?.kind === "edit"
        ? `Sửa ${action.unit.name}`
        : action?.kind === "merge"
          ? `Sáp nhập ${action.unit.name}`
          : action
            ? `Ngừng hoạt động ${action.unit.name}`
            : "";

  return (
    <section className="section" aria-labelledby="units-title">
      <div className="section-head">
        <h2 id="units-title" className="section__title">
          Cây đơn vị
        </h2>
        <button
          type="button"
          className="button button--small button--primary"
          disabled={!units}
          onClick={() => setAction({ kind: "create" })}
        >
          Thêm đơn vị
        </button>
      </div>
      {error && !units && <ErrorMessage message={error} onRetry={load} />}
      {!units && !error && <Loading />}
      {units && (
        <ul className="plain-list unit-tree" aria-label="Các đơn vị của tỉnh">
          {roots.map((u) => (
            <UnitNode key={u.id} unit={u} units={units} act={setAction} />
          ))}
        </ul>
      )}
      <Dialog open={action !== null} title={title} onClose={() => setAction(null)}>
        {units && action && (action.kind === "create" || action.kind === "edit") && (
          <UnitForm
            key={action.kind === "edit" ? action.unit.id : "new"}
            units={units}
            unit={action.kind === "edit" ? action.unit : null}
            onSaved={(u) => done(`Đã lưu ${u.name}.`)}
            onCancel={() => setAction(null)}
          />
        )}
        {units && action && (action.kind === "deactivate" || action.kind === "merge") && (
          <RetireForm
            key={action.unit.id}
            units={units}
            unit={action.unit}
            merge={action.kind === "merge"}
            onDone={done}
            onCancel={() => setAction(null)}
          />
        )}
      </Dialog>
    </section>
  );
}

/** `/quan-tri/don-vi`: the province's unit tree (admins only). */
export default function AdminUnitsPage() {
  return <AdminLayout title="Đơn vị">{() => <UnitTree />}</AdminLayout>;
}
