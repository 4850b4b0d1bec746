import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";
import { Link } from "react-router-dom";
import { useNavigate } from "zmp-ui";
import { processes } from "../../../../shared/src/auth/roles";
import { CHANNEL_LABEL, type Channel } from "../../../../shared/src/dossier/channel";
import { formatDate } from "../../../../shared/src/format/vi";
import { WATCH_VIEW_KEYS, WATCH_VIEWS, type WatchView } from "../../../../shared/src/staff/changes";
import { INBOX_TAB_KEYS, INBOX_TABS } from "../../../../shared/src/staff/inbox";
import { StatusBadge } from "../../components/badges";
import { clockPausedSince } from "../../components/dossier-parts";
import { SearchIcon } from "../../components/icons";
import { AccountBar } from "../../components/session-gate";
import { DesktopSignInLink } from "../../components/sso";
import { Empty, ErrorMessage, Loading } from "../../components/status";
import type { InboxItem } from "../../services/staff-api";
import type { SessionUser } from "../../stores/session";
import { type InboxView, POLL_MS, useStaffInbox } from "../../stores/staff";
import { DueBadge, tabKeyTarget, useProcedureOptions, useWideLayout } from "./parts";

const tabId = (tab: InboxView) => `inbox-tab-${tab}`;
const isWatch = (tab: InboxView): tab is WatchView => tab in WATCH_VIEWS;

/**
 * The inbox's groups as ARIA tabs with their counts; arrow keys move between them. Those who act
 * on dossiers first see their own views: new since they looked, assigned to them, due within a day.
 */
function InboxTabs({ user }: { user: SessionUser }) {
  const tab = useStaffInbox((s) => s.tab);
  const counts = useStaffInbox((s) => s.counts);
  const watch = useStaffInbox((s) => s.watch);
  const setTab = useStaffInbox((s) => s.setTab);
  const keys: InboxView[] = processes(user.role) ? [...WATCH_VIEW_KEYS, ...INBOX_TAB_KEYS] : INBOX_TAB_KEYS;
  const label = (t: InboxView) => (isWatch(t) ? WATCH_VIEWS[t].label : INBOX_TABS[t].label);
  const count = (t: InboxView) => (isWatch(t) ? watch?.[t] : counts?.[t]);
  const alert = (t: InboxView) => (t === "overdue" || t === "changed" || t === "urgent") && !!count(t);
  const strip = useRef<HTMLDivElement>(null);
  // Coming back to the inbox, the chosen tab may sit outside the strip: scroll it (sideways only) into the middle.
  useEffect(() => {
    const chosen = document.getElementById(tabId(tab));
    if (!strip.current || !chosen) return;
    const outer = strip.current.getBoundingClientRect();
    const inner = chosen.getBoundingClientRect();
    strip.current.scrollLeft += inner.left - outer.left - (outer.width - inner.width) / 2;
  }, [tab]);
  const select = (next: InboxView) => {
    setTab(next);
    document.getElementById(tabId(next))?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const next = tabKeyTarget(e.key, keys.indexOf(tab), keys.length);
    const target = next === null ? undefined : keys[next];
    if (!target) return;
    e.preventDefault();
    select(target);
  };
  return (
    <div ref={strip} role="tablist" aria-label="Nhóm hồ sơ" className="inbox-tabs" onKeyDown={onKeyDown}>
      {keys.map((t) => (
        <button
          key={t}
          id={tabId(t)}
          type="button"
          role="tab"
          aria-selected={t === tab}
          aria-controls="inbox-panel"
          tabIndex={t === tab ? 0 : -1}
          className={`pill-tab inbox-tab${alert(t) ? " inbox-tab--alert" : ""}`}
          onClick={() => select(t)}
        >
          {label(t)}
          <span className="inbox-tab__count">{count(t) ?? "–"}</span>
        </button>
      ))}
    </div>
  );
}

function InboxFilters({ user }: { user: SessionUser }) {
  const search = useStaffInbox((s) => s.search);
  const setSearch = useStaffInbox((s) => s.setSearch);
  const units = useStaffInbox((s) => s.units);
  const loadUnits = useStaffInbox((s) => s.loadUnits);
  const [query, setQuery] = useState(search.q);
  const procedures = useProcedureOptions(search.unit || user.unitId);
  useEffect(() => void loadUnits(), [loadUnits]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSearch({ q: query.trim() });
  };
  return (
    <>
      <form role="search" className="search-box inbox-search" onSubmit={submit}>
        <label htmlFor="inbox-q" className="visually-hidden">
          Tìm theo tên, mã hồ sơ hoặc số điện thoại
        </label>
        <SearchIcon className="search-box__icon" />
        <input
          id="inbox-q"
          type="search"
          enterKeyHint="search"
          autoComplete="off"
          maxLength={100}
          placeholder="Tên, mã hồ sơ hoặc số điện thoại"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            // Clearing the field shows everything again without another Enter.
            if (e.target.value === "" && search.q) setSearch({ q: "" });
          }}
        />
      </form>
      <div className="filters inbox-filters">
        <label className="filter">
          Kênh nộp
          <select value={search.channel} onChange={(e) => setSearch({ channel: e.target.value as Channel | "" })}>
            <option value="">Tất cả</option>
            {Object.entries(CHANNEL_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          Thủ tục
          <select value={search.procedure} onChange={(e) => setSearch({ procedure: e.target.value })}>
            <option value="">Tất cả</option>
            {procedures.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        {units && units.length > 1 && (
          <label className="filter">
            Đơn vị
            <select value={search.unit} onChange={(e) => setSearch({ unit: e.target.value, procedure: "" })}>
              <option value="">Tất cả đơn vị</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </>
  );
}

function InboxRow({ item, selected }: { item: InboxItem; selected: boolean }) {
  const wide = useWideLayout();
  const navigate = useNavigate();
  const seen = useStaffInbox((s) => s.seen);
  const path = `/can-bo/ho-so/${item.code}`;
  return (
    <li className={`inbox-row${item.news ? " inbox-row--news" : ""}`}>
      <Link
        to={path}
        className="inbox-row__link"
        aria-current={selected ? "page" : undefined}
        // Side by side, choosing a row is not a page change: no slide animation.
        onClick={(e) => {
          seen(item.code);
          if (!wide) return;
          e.preventDefault();
          navigate(path, { animate: false });
        }}
      >
        <span className="inbox-row__top">
          <span className="inbox-row__code">{item.code}</span>
          <DueBadge state={item.dueState} />
        </span>
        {item.news && <span className="inbox-row__news">Mới: {item.news.label}</span>}
        <span className="inbox-row__procedure">{item.procedure.name}</span>
        <span className="card__meta">
          {item.applicantName} · {CHANNEL_LABEL[item.channel]}
          {item.withdrawalRequested && " · Xin rút hồ sơ"}
        </span>
        <span className="inbox-row__facts">
          <StatusBadge status={item.status} label={item.statusLabel} />
          {item.pausedAt ? (
            <span>{clockPausedSince(item.pausedAt)}</span>
          ) : (
            item.dueDate && <span>Hạn {formatDate(item.dueDate)}</span>
          )}
          {item.promisedDate && <span>Hẹn lại {formatDate(item.promisedDate)}</span>}
          {item.urgent && <span className="inbox-row__urgent">Đến hạn trong 1 ngày làm việc</span>}
          {item.assignee && <span>Giao cho {item.assignee.name}</span>}
        </span>
      </Link>
    </li>
  );
}

/** "Hồ sơ cần xử lý": tabs, search and filters, rows sorted by urgency, "Xem thêm" by cursor. */
export function InboxPanel({ user, selected }: { user: SessionUser; selected: string | null }) {
  const tab = useStaffInbox((s) => s.tab);
  const items = useStaffInbox((s) => s.items);
  const load = useStaffInbox((s) => s.load);
  const error = useStaffInbox((s) => s.error);
  const nextCursor = useStaffInbox((s) => s.nextCursor);
  const ensureFresh = useStaffInbox((s) => s.ensureFresh);
  const reload = useStaffInbox((s) => s.reload);
  const loadMore = useStaffInbox((s) => s.loadMore);
  const stale = useStaffInbox((s) => s.stale);
  useEffect(() => ensureFresh(), [ensureFresh]);
  // While the inbox is on screen it asks every POLL_MS whether anything changed, and at once when shown again.
  useEffect(() => {
    const tick = () => {
      if (document.visibilityState === "visible") ensureFresh();
    };
    const timer = setInterval(tick, POLL_MS);
    document.addEventListener("visibilitychange", tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", tick);
    };
  }, [ensureFresh]);

  return (
    <>
      <AccountBar user={user} />
      <DesktopSignInLink returnPath="/can-bo" />
      <section className="section inbox" aria-labelledby="inbox-title">
        <div className="section-head">
          <h2 id="inbox-title" className="section__title">
            Hồ sơ cần xử lý
          </h2>
          <button type="button" className="button button--small button--link" onClick={() => void reload()}>
            Làm mới
          </button>
        </div>
        {processes(user.role) && (
          <Link to="/can-bo/tiep-nhan" className="button button--secondary button--block inbox__intake">
            Tiếp nhận hồ sơ tại quầy, bưu chính
          </Link>
        )}
        {user.role === "admin" && (
          <Link to="/quan-tri" className="button button--secondary button--block inbox__intake">
            Quản trị tỉnh
          </Link>
        )}
        {user.role === "leader" && (
          <Link to="/quan-tri/bang-dieu-khien" className="button button--secondary button--block inbox__intake">
            Số liệu và chỉ tiêu của đơn vị
          </Link>
        )}
        {(user.role === "leader" || user.role === "admin") && (
          <Link to="/can-bo/danh-gia" className="button button--secondary button--block inbox__intake">
            Đánh giá không hài lòng
          </Link>
        )}
        <InboxFilters user={user} />
        <InboxTabs user={user} />
        {stale && (
          <p className="inbox__stale" role="status">
            Có hồ sơ vừa cập nhật.{" "}
            <button type="button" className="button button--small button--link" onClick={() => void reload()}>
              Tải lại danh sách
            </button>
          </p>
        )}
        <div role="tabpanel" id="inbox-panel" aria-labelledby={tabId(tab)} aria-busy={load === "loading"}>
          {items.length > 0 && (
            <ul className="inbox-list" aria-label="Danh sách hồ sơ">
              {items.map((item) => (
                <InboxRow key={item.code} item={item} selected={item.code === selected} />
              ))}
            </ul>
          )}
          {load === "loading" && <Loading />}
          {load === "error" && (
            <ErrorMessage message={error ?? ""} onRetry={() => void (items.length > 0 ? loadMore() : reload())} />
          )}
          {load === "done" && items.length === 0 && <Empty message="Không có hồ sơ nào trong mục này." />}
          {nextCursor && load === "done" && (
            <button type="button" className="button button--secondary button--block" onClick={() => void loadMore()}>
              Xem thêm
            </button>
          )}
        </div>
      </section>
    </>
  );
}
