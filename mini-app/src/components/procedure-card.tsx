import { Link } from "react-router-dom";
import { formatFeeQuote, formatProcessingTime } from "../../../shared/src/format/vi";
import { procedurePath } from "../../../shared/src/links/deep-link";
import type { ProcedureItem } from "../services/api";
import { ServiceBadges } from "./badges";

export function ProcedureCard({ item }: { item: ProcedureItem }) {
  return (
    <li className="card">
      <Link to={procedurePath(item.code)} className="card__link">
        <span className="card__title">{item.name}</span>
        <span className="card__meta">
          {item.field.name} · {item.agency}
        </span>
        <span className="card__facts">
          <span>Thời hạn: {formatProcessingTime(item.processingTime)}</span>
          <span>{formatFeeQuote(item.fees, new Date())}</span>
        </span>
        <ServiceBadges level={item.level} onlineOnly={item.onlineOnly} essential={item.essential} />
      </Link>
    </li>
  );
}

export function ProcedureList({ items, label }: { items: ProcedureItem[]; label: string }) {
  return (
    <ul className="card-list" aria-label={label}>
      {items.map((item) => (
        <ProcedureCard key={item.code} item={item} />
      ))}
    </ul>
  );
}
