import { useCallback, useEffect, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { Page } from "zmp-ui";
import type { PublicUnitStats } from "../../../../shared/src/figures/api";
import { formatMonth, formatPercent } from "../../../../shared/src/format/vi";
import { AppHeader } from "../../components/app-header";
import { LoadFailure, Loading } from "../../components/status";
import { type ApiFailure, call, client, toApiFailure } from "../../services/api";
import { statsApi } from "../../services/dashboard-api";
import "./figures.css";

type Figures = Pick<
  PublicUnitStats,
  "received" | "onTimeRate" | "onlineRate" | "averageDays" | "averageAllowedDays" | "satisfaction"
>;

const dayFormat = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });
const days = (n: number | null) => (n === null ? "Chưa có số liệu" : `${dayFormat.format(n)} ngày`);
const rate = (r: number | null) => (r === null ? "Chưa có số liệu" : formatPercent(r));

/** What residents read of a month: plain words, no personal data. */
function FigureList({ f, label }: { f: Figures; label: string }) {
  return (
    <div role="group" aria-label={label}>
      <dl className="public-figures">
        <div className="public-figures__item">
          <dt>Hồ sơ giải quyết đúng hạn</dt>
          <dd>{rate(f.onTimeRate)}</dd>
        </div>
        <div className="public-figures__item">
          <dt>Hồ sơ nộp trực tuyến</dt>
          <dd>{rate(f.onlineRate)}</dd>
        </div>
        <div className="public-figures__item">
          <dt>Thời gian giải quyết trung bình</dt>
          <dd>
            {days(f.averageDays)}
            {f.averageAllowedDays !== null && (
              <span className="public-figures__note">Thời hạn theo quy định trung bình {days(f.averageAllowedDays)}</span>
            )}
          </dd>
        </div>
        <div className="public-figures__item">
          <dt>Mức độ hài lòng của người dân</dt>
          <dd>{f.satisfaction.measured ? rate(f.satisfaction.value) : "Chưa có số liệu"}</dd>
        </div>
        <div className="public-figures__item">
          <dt>Hồ sơ tiếp nhận trong tháng</dt>
          <dd>{new Intl.NumberFormat("vi-VN").format(f.received)}</dd>
        </div>
      </dl>
    </div>
  );
}

/** The published rating rule: how satisfaction is counted and how Zalo's stars become the three levels. */
function RatingRule() {
  const load = useCallback(() => call(() => client.ratings.scale.$get()), []);
  const { data } = useStats(load);
  if (!data) return null;
  return (
    <section className="section" aria-labelledby="rating-rule-title">
      <h2 id="rating-rule-title" className="section__title">
        Cách tính mức độ hài lòng
      </h2>
      <p>
        Mức độ hài lòng = (hồ sơ đã có kết quả − hồ sơ bị đánh giá "Không hài lòng") ÷ hồ sơ đã có kết quả. Hồ sơ không được đánh
        giá được tính là hài lòng. Mỗi đánh giá "Không hài lòng" được lãnh đạo cơ quan trả lời trong {data.caseDays} ngày làm
        việc.
      </p>
      <p>Đánh giá bằng số sao qua Zalo được quy đổi như sau:</p>
      <ul className="plain-list" aria-label="Quy đổi số sao">
        {data.levels.map((l) => (
          <li key={l.level}>
            {l.stars}: {l.label}
          </li>
        ))}
      </ul>
    </section>
  );
}

const EXPLAIN =
  "Đúng hạn: hồ sơ có kết quả trước hoặc đúng ngày hẹn trả (không tính thời gian chờ người dân bổ sung giấy tờ). " +
  "Trực tuyến: hồ sơ nộp qua mạng trên tổng số hồ sơ tiếp nhận.";

function useStats<T>(load: () => Promise<T>) {
  const [data, setData] = useState<T | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const run = useCallback(() => {
    setFailure(null);
    setData(null);
    load().then(setData, (e: unknown) => setFailure(toApiFailure(e)));
  }, [load]);
  useEffect(run, [run]);
  return { data, failure, retry: run };
}

function UnitFigures({ id }: { id: string }) {
  const load = useCallback(() => statsApi.unit(id), [id]);
  const { data, failure, retry } = useStats(load);
  if (failure) return <LoadFailure failure={failure} onRetry={retry} />;
  if (!data) return <Loading />;
  return (
    <section className="section" aria-labelledby="unit-figures-title">
      <h2 id="unit-figures-title" className="section__title">
        {data.name}: tháng {formatMonth(data.month)}
      </h2>
      <FigureList f={data} label={`Kết quả của ${data.name}`} />
      <p className="note">{EXPLAIN}</p>
      <p>
        <Link to={`/u/${encodeURIComponent(id)}`} className="text-link">
          Thông tin và thủ tục của {data.name}
        </Link>
      </p>
      <p>
        <Link to="/so-lieu" className="text-link">
          Kết quả của toàn tỉnh
        </Link>
      </p>
    </section>
  );
}

function ProvinceFigures() {
  const { data, failure, retry } = useStats(statsApi.province);
  if (failure) return <LoadFailure failure={failure} onRetry={retry} />;
  if (!data) return <Loading />;
  return (
    <>
      <section className="section" aria-labelledby="province-figures-title">
        <h2 id="province-figures-title" className="section__title">
          {data.name}: tháng {formatMonth(data.month)}
        </h2>
        <FigureList f={data} label={`Kết quả của ${data.name}`} />
        <p className="note">{EXPLAIN}</p>
      </section>
      <section className="section" aria-labelledby="unit-list-title">
        <h2 id="unit-list-title" className="section__title">
          Từng cơ quan
        </h2>
        <ul className="link-list">
          {data.units.map((u) => (
            <li key={u.unitId}>
              <Link to={`/u/${encodeURIComponent(u.unitId)}/so-lieu`} className="link-list__item">
                <span>{u.name}</span>
                <span className="link-list__meta">Đúng hạn {rate(u.onTimeRate)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** `/so-lieu` (the province) and `/u/:id/so-lieu` (one unit): last month's results, for everyone. */
export default function PublicFiguresPage() {
  const { id } = useParams();
  return (
    <Page className="page">
      <AppHeader title="Kết quả giải quyết hồ sơ" />
      {id ? <UnitFigures id={id} /> : <ProvinceFigures />}
      <RatingRule />
    </Page>
  );
}
