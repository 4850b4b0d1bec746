import { useEffect, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { Page } from "zmp-ui";
import { formatWeekdays } from "../../../../shared/src/format/vi";
import { AppHeader } from "../../components/app-header";
import { ProcedureResults } from "../../components/procedure-results";
import { ErrorMessage, Loading, NotFound } from "../../components/status";
import { catalogueApi } from "../../services/api";
import { useCatalogue } from "../../stores/catalogue";

type Retired = Awaited<ReturnType<typeof catalogueApi.getUnit>>;

/** A unit no longer listed (merged or deactivated) still answers by id: its page names the successor. */
function RetiredUnit({ id }: { id: string }) {
  const [unit, setUnit] = useState<Retired | null | undefined>(undefined);
  useEffect(() => {
    catalogueApi.getUnit(id).then(setUnit, () => setUnit(null));
  }, [id]);
  if (unit === undefined) return <Loading />;
  if (!unit?.deactivated) return <NotFound message="Không tìm thấy đơn vị này." />;
  return (
    <section className="section" aria-labelledby="retired-unit">
      <h2 id="retired-unit" className="section__title">
        {unit.name}
      </h2>
      {unit.mergedInto ? (
        <p>
          Đơn vị đã sáp nhập vào{" "}
          <Link to={`/u/${unit.mergedInto.id}`} className="text-link">
            {unit.mergedInto.name}
          </Link>
          . Hồ sơ mới vui lòng nộp tại đơn vị này; hồ sơ đã nộp trước đây vẫn được tiếp tục giải quyết.
        </p>
      ) : (
        <p>Đơn vị đã ngừng tiếp nhận hồ sơ.</p>
      )}
    </section>
  );
}

export default function UnitPage() {
  const { id = "" } = useParams();
  const unit = useCatalogue((s) => s.units.find((u) => u.id === id));
  const unitsLoad = useCatalogue((s) => s.unitsLoad);
  const loadUnits = useCatalogue((s) => s.loadUnits);
  useEffect(() => void loadUnits(), [loadUnits]);

  return (
    <Page className="page">
      <AppHeader title={unit?.name ?? "Cơ quan"} />
      {unitsLoad === "error" && <ErrorMessage message="Chưa tải được thông tin cơ quan." onRetry={() => void loadUnits()} />}
      {(unitsLoad === "idle" || unitsLoad === "loading") && <Loading />}
      {unitsLoad === "done" && !unit && <RetiredUnit id={id} />}
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
              {unit.hotline && (
                <div>
                  <dt>Đường dây nóng</dt>
                  <dd>
                    <a href={`tel:${unit.hotline.replace(/\s/g, "")}`} className="text-link">
                      {unit.hotline}
                    </a>
                  </dd>
                </div>
              )}
              {unit.priorityWeekdays.length > 0 && (
                <div>
                  <dt>Ngày ưu tiên hồ sơ trực tuyến</dt>
                  <dd>{formatWeekdays(unit.priorityWeekdays)}</dd>
                </div>
              )}
            </dl>
          </section>
          <section className="section">
            <Link to={`/u/${encodeURIComponent(unit.id)}/so-lieu`} className="button button--secondary button--block">
              Kết quả giải quyết hồ sơ của đơn vị
            </Link>
          </section>
          <section className="section" aria-labelledby="unit-procedures">
            <h2 id="unit-procedures" className="section__title">
              {unit.procedureCount} thủ tục
            </h2>
            <ProcedureResults
              params={{ unit: unit.id }}
              label={`Thủ tục của ${unit.name}`}
              emptyMessage="Đơn vị chưa có thủ tục."
            />
          </section>
        </>
      )}
    </Page>
  );
}
