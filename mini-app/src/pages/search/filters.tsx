import { useEffect, useId } from "react";
import type { ServiceLevel } from "../../../../shared/src/catalogue/schemas";
import { useCatalogue } from "../../stores/catalogue";
import type { SearchParams } from "../../stores/search";

function SelectFilter(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string }[];
}) {
  const id = useId();
  return (
    <div className="filter">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">Tất cả</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function ToggleFilter(props: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="toggle">
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      {props.label}
    </label>
  );
}

export function Filters({ params, onChange }: { params: SearchParams; onChange: (next: SearchParams) => void }) {
  const { fields, units, loadFields, loadUnits } = useCatalogue();
  useEffect(() => {
    void loadFields();
    void loadUnits();
  }, [loadFields, loadUnits]);
  const set = (patch: SearchParams) => onChange({ ...params, ...patch });

  return (
    <fieldset className="filters">
      <legend className="visually-hidden">Bộ lọc</legend>
      <SelectFilter
        label="Lĩnh vực"
        value={params.field ?? ""}
        onChange={(v) => set({ field: v || undefined })}
        options={fields.map((f) => ({ value: f.id, label: f.name }))}
      />
      <SelectFilter
        label="Cơ quan"
        value={params.unit ?? ""}
        onChange={(v) => set({ unit: v || undefined })}
        options={units.filter((u) => u.kind !== "province").map((u) => ({ value: u.id, label: u.name }))}
      />
      <SelectFilter
        label="Mức độ trực tuyến"
        value={params.level ?? ""}
        onChange={(v) => set({ level: (v || undefined) as ServiceLevel | undefined })}
        options={[
          { value: "toan_trinh", label: "Toàn trình" },
          { value: "mot_phan", label: "Một phần" },
        ]}
      />
      <ToggleFilter
        label="Chỉ nộp trực tuyến"
        checked={!!params.onlineOnly}
        onChange={(v) => set({ onlineOnly: v || undefined })}
      />
      <ToggleFilter label="Dịch vụ thiết yếu" checked={!!params.essential} onChange={(v) => set({ essential: v || undefined })} />
    </fieldset>
  );
}
