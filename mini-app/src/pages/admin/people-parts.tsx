import { useEffect } from "react";
import { hasUnit, ROLE_LABELS, type Role, STAFF_ROLES } from "../../../../shared/src/auth/roles";
import { Field, type Invalid } from "../../components/text-field";
import { useCatalogue } from "../../stores/catalogue";

/** The province's units for choosing a person's unit and grants, loaded once. */
export function useUnits() {
  const units = useCatalogue((s) => s.units);
  const load = useCatalogue((s) => s.loadUnits);
  useEffect(() => void load(), [load]);
  return units;
}

export type Placement = { role: Role; unitId: string; grantUnitIds: string[] };

/** Why the placement cannot be sent yet, as the API would say it. */
export function placementProblem(p: Placement): Invalid {
  if (hasUnit(p.role) && !p.unitId) return { field: "person-unit", message: "Chọn đơn vị công tác" };
  return null;
}

/** Role, unit and granted units of a person or an invitation; roles without a unit hide the rest. */
export function PlacementFields(props: {
  value: Placement;
  onChange: (value: Placement) => void;
  invalid: Invalid;
  /** Residents appear only when changing a person (taking a staff role away). */
  roles?: readonly Role[];
}) {
  const units = useUnits();
  const { value, onChange } = props;
  const roles = props.roles ?? STAFF_ROLES;
  const error = props.invalid?.field === "person-unit" ? props.invalid.message : null;
  return (
    <>
      <div className="field">
        <label htmlFor="person-role" className="field__label">
          Vai trò
        </label>
        <select
          id="person-role"
          value={value.role}
          onChange={(e) => {
            const role = e.target.value as Role;
            onChange(hasUnit(role) ? { ...value, role } : { role, unitId: "", grantUnitIds: [] });
          }}
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </div>
      {hasUnit(value.role) && (
        <>
          <div className={`field${error ? " field--invalid" : ""}`}>
            <label htmlFor="person-unit" className="field__label">
              Đơn vị công tác
            </label>
            <select
              id="person-unit"
              value={value.unitId}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "person-unit-error" : undefined}
              onChange={(e) =>
                onChange({
                  ...value,
                  unitId: e.target.value,
                  grantUnitIds: value.grantUnitIds.filter((g) => g !== e.target.value),
                })
              }
            >
              <option value="">Chọn đơn vị…</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
            {error && (
              <p id="person-unit-error" className="field__error">
                {error}
              </p>
            )}
          </div>
          <details className="field grants">
            <summary className="field__label">Đơn vị được phân quyền thêm ({value.grantUnitIds.length})</summary>
            <fieldset className="choice-group grants__list">
              <legend className="note">Cán bộ xử lý được cả hồ sơ của các đơn vị này.</legend>
              {units
                .filter((u) => u.id !== value.unitId)
                .map((u) => (
                  <label key={u.id} className="toggle">
                    <input
                      type="checkbox"
                      checked={value.grantUnitIds.includes(u.id)}
                      onChange={(e) =>
                        onChange({
                          ...value,
                          grantUnitIds: e.target.checked
                            ? [...value.grantUnitIds, u.id]
                            : value.grantUnitIds.filter((g) => g !== u.id),
                        })
                      }
                    />
                    <span>{u.name}</span>
                  </label>
                ))}
            </fieldset>
          </details>
        </>
      )}
    </>
  );
}

/** The reason every change carries into the record of changes. */
export function ReasonField(props: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  invalid: Invalid;
  label?: string;
}) {
  return (
    <Field
      id={props.id}
      label={props.label ?? "Lý do (ghi vào nhật ký thay đổi)"}
      value={props.value}
      onChange={props.onChange}
      invalid={props.invalid}
      multiline
      maxLength={500}
    />
  );
}

export const reasonProblem = (id: string, reason: string): Invalid =>
  reason.trim().length < 3 ? { field: id, message: "Nhập lý do (ít nhất 3 ký tự)" } : null;
