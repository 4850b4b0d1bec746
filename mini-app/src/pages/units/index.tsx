import { useEffect } from "react";
import { Link } from "react-router-dom";
import { Page } from "zmp-ui";
import { unitPath } from "../../../../shared/src/links/deep-link";
import { AppHeader } from "../../components/app-header";
import { ErrorMessage, Loading } from "../../components/status";
import type { UnitItem } from "../../services/api";
import { useCatalogue } from "../../stores/catalogue";

function UnitGroup({ title, units }: { title: string; units: UnitItem[] }) {
  return (
    <section className="section" aria-label={title}>
      <h2 className="section__title">{title}</h2>
      <ul className="link-list">
        {units.map((u) => (
          <li key={u.id}>
            <Link to={unitPath(u.id)} className="link-list__item">
              <span>{u.name}</span>
              <span className="link-list__meta">{u.procedureCount} thủ tục</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function UnitsPage() {
  const { units, unitsLoad, loadUnits } = useCatalogue();
  useEffect(() => void loadUnits(), [loadUnits]);
  return (
    <Page className="page">
      <AppHeader title="Cơ quan giải quyết" />
      {unitsLoad === "error" && <ErrorMessage message="Chưa tải được danh sách cơ quan." onRetry={() => void loadUnits()} />}
      {unitsLoad === "loading" && <Loading />}
      <section className="section">
        <Link to="/so-lieu" className="button button--secondary button--block">
          Kết quả giải quyết hồ sơ của tỉnh
        </Link>
      </section>
      <UnitGroup title="Sở, ban, ngành cấp tỉnh" units={units.filter((u) => u.kind === "department")} />
      <UnitGroup title="Xã, phường" units={units.filter((u) => u.kind === "commune")} />
    </Page>
  );
}
