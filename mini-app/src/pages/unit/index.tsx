import { useEffect, useState } from "react";
import { useParams } from "react-router-dom";
import { Page } from "zmp-ui";
import { formatWeekdays } from "../../../../shared/src/format/vi";
import { AppHeader } from "../../components/app-header";
import { ProcedureResults } from "../../components/procedure-results";
import { ErrorMessage, Loading } from "../../components/status";
import { ApiFailure, catalogueApi, type UnitItem } from "../../services/api";

export default function UnitPage() {
  const { id = "" } = useParams();
  const [unit, setUnit] = useState<UnitItem | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setUnit(null);
    setError(null);
    catalogueApi.getUnit(id).then(
      (u) => current && setUnit(u),
      (e: unknown) => current && setError(e instanceof ApiFailure ? e.message : "Đã có lỗi xảy ra."),
    );
    return () => {
      current = false;
    };
  }, [id, attempt]);

  return (
    <Page className="page">
      <AppHeader title={unit?.name ?? "Cơ quan"} />
      {error && <ErrorMessage message={error} onRetry={() => setAttempt((a) => a + 1)} />}
      {!unit && !error && <Loading />}
      {unit && (
        <>
          <section className="section">
            <dl className="facts facts--stacked">
              <div>
                <dt>Địa chỉ</dt>
                <dd>{unit.address}</dd>
              </div>
              <div>
                <dt>Điện thoại</dt>
                <dd>
                  <a href={`tel:${unit.phone.replace(/\s/g, "")}`} className="text-link">
                    {unit.phone}
                  </a>
                </dd>
              </div>
              {unit.priorityWeekdays.length > 0 && (
                <div>
                  <dt>Ngày ưu tiên hồ sơ trực tuyến</dt>
                  <dd>{formatWeekdays(unit.priorityWeekdays)}</dd>
                </div>
              )}
            </dl>
          </section>
          <section className="section" aria-labelledby="unit-procedures">
            <h2 id="unit-procedures" className="section__title">{unit.procedureCount} thủ tục</h2>
            <ProcedureResults params={{ unit: unit.id }} label={`Thủ tục của ${unit.name}`} emptyMessage="Đơn vị chưa có thủ tục." />
          </section>
        </>
      )}
    </Page>
  );
}
