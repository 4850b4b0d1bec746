import type { MissingItem } from "../../../shared/src/dossier/completeness";

/** "Còn thiếu": what still keeps a dossier from being filed. */
export function MissingList({ items, label }: { items: MissingItem[]; label: string }) {
  return (
    <ul className="missing-list" aria-label={label}>
      {items.map((item) => (
        <li key={`${item.kind}-${item.kind === "field" ? item.key : item.docIndex}`}>
          <strong>{item.label}</strong>: {item.message}
        </li>
      ))}
    </ul>
  );
}
