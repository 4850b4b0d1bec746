import { useEffect, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { Page } from "zmp-ui";
import { formatDate, formatWeekdays } from "../../../../shared/src/format/vi";
import { AppHeader } from "../../components/app-header";
import { HotlineNote } from "../../components/contact";
import { ProcedureResults } from "../../components/procedure-results";
import { ErrorMessage, Loading, NotFound } from "../../components/status";
import { catalogueApi } from "../../services/api";
import { feedbackApi, type PublicFeedbackData } from "../../services/feedback-api";
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

/** Answered feedback the residents allowed to be public (no personal data), and a way to send one. */
function PublicFeedback({ unitId }: { unitId: string }) {
  const [items, setItems] = useState<PublicFeedbackData[] | null>(null);
  useEffect(() => {
    feedbackApi.publicOfUnit(unitId).then(
      (r) => setItems(r.items),
      () => setItems([]),
    );
  }, [unitId]);
  return (
    <section className="section" aria-labelledby="unit-feedback">
      <h2 id="unit-feedback" className="section__title">
        Trả lời phản ánh, kiến nghị
      </h2>
      {items === null && <Loading />}
      {items?.length === 0 && <p className="note">Chưa có phản ánh, kiến nghị nào được công khai.</p>}
      {items && items.length > 0 && (
        <ul className="plain-list" aria-label="Phản ánh, kiến nghị đã trả lời">
          {items.map((item) => (
            <li key={item.id} className="public-feedback">
              <p className="note">
                {item.kindLabel}
                {item.procedureName ? ` về ${item.procedureName}` : ""} · {formatDate(item.createdAt.slice(0, 10))}
              </p>
              <p>{item.content}</p>
              <p>
                <strong>Trả lời:</strong> {item.reply}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Link to={`/phan-anh/moi?don-vi=${encodeURIComponent(unitId)}`} className="button button--secondary button--block">
        Gửi phản ánh, kiến nghị đến đơn vị
      </Link>
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
          <PublicFeedback unitId={unit.id} />
          <section className="section">
            <HotlineNote />
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
