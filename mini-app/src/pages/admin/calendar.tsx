import { type FormEvent, type KeyboardEvent, useCallback, useEffect, useRef, useState } from "react";
import { calendarYears } from "../../../../shared/src/deadline/api";
import { formatDate, formatWeekday } from "../../../../shared/src/format/vi";
import { vietnamDate } from "../../../../shared/src/time/vietnam";
import { Dialog } from "../../components/dialog";
import { useSnackbar } from "../../components/snackbar";
import { Empty, ErrorMessage, Loading } from "../../components/status";
import { Field, type Invalid } from "../../components/text-field";
import { adminApi, type CalendarDay } from "../../services/admin-api";
import { errorMessage } from "../../services/api";
import { useTask } from "../../utils/task";
import { tabKeyTarget } from "../staff/parts";
import { AdminLayout } from "./layout";

const KIND_LABEL: Record<CalendarDay["kind"], string> = { holiday: "Nghỉ lễ", workday: "Làm bù" };
const KIND_HELP: Record<CalendarDay["kind"], string> = {
  holiday: "Nghỉ lễ (không tính là ngày làm việc)",
  workday: "Làm bù (ngày cuối tuần tính là ngày làm việc)",
};

const yearOf = (date: string) => Number(date.slice(0, 4));
const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
const dayLabel = (date: string) => `${formatDate(date)} (${formatWeekday(date)})`;

type Draft = { date: string; kind: CalendarDay["kind"]; name: string; source: string; verified: boolean };
const EMPTY: Draft = { date: "", kind: "holiday", name: "", source: "", verified: false };

/** Adds a day or corrects one (its date then stays); checked like the API checks it. */
function DayForm(props: {
  years: readonly number[];
  initial: Draft;
  editing: boolean;
  taken: (date: string) => Promise<boolean>;
  onSaved: (day: CalendarDay) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(props.initial);
  const [invalid, setInvalid] = useState<Invalid>(null);
  const { busy, error, run } = useTask();
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const first = props.years[0]!;
  const last = props.years[props.years.length - 1]!;

  const check = async (): Promise<Invalid> => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) return { field: "day-date", message: "Chọn ngày" };
    if (!props.years.includes(yearOf(draft.date)))
      return { field: "day-date", message: `Chọn một ngày trong các năm ${first}–${last}` };
    if (draft.name.trim().length < 2) return { field: "day-name", message: "Nhập tên ngày (ít nhất 2 ký tự)" };
    if (draft.source.trim().length < 2) return { field: "day-source", message: "Nhập văn bản công bố ngày này" };
    if (!props.editing && (await props.taken(draft.date)))
      return { field: "day-date", message: "Ngày này đã có trong lịch. Hãy dùng nút Sửa ở ngày đó." };
    return null;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const problem = await check();
      setInvalid(problem);
      if (problem) return;
      const saved = await adminApi.putDay(draft.date, {
        kind: draft.kind,
        name: draft.name.trim(),
        source: draft.source.trim(),
        verified: draft.verified,
      });
      props.onSaved(saved);
    });
  };

  // A holiday on a weekend is replaced by the next working day (the law), a make-up day falls on a weekend.
  const hint =
    draft.date && /^\d{4}-\d{2}-\d{2}$/.test(draft.date) ? (
      <p className="note">
        Ngày {formatDate(draft.date)} là {formatWeekday(draft.date)}.
        {draft.kind === "holiday" &&
          isWeekend(draft.date) &&
          " Ngày nghỉ lễ trùng ngày nghỉ hằng tuần được nghỉ bù vào ngày làm việc kế tiếp: hãy thêm cả ngày nghỉ bù."}
        {draft.kind === "workday" && !isWeekend(draft.date) && " Ngày làm bù thường là Thứ Bảy hoặc Chủ Nhật."}
      </p>
    ) : null;

  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      <Field
        id="day-date"
        label="Ngày"
        type="date"
        value={draft.date}
        min={`${first}-01-01`}
        max={`${last}-12-31`}
        readOnly={props.editing}
        onChange={(date) => set({ date })}
        invalid={invalid}
        hint={hint}
      />
      <fieldset className="field choice-group">
        <legend className="field__label">Loại ngày</legend>
        {(["holiday", "workday"] as const).map((kind) => (
          <label key={kind} className="toggle">
            <input type="radio" name="day-kind" value={kind} checked={draft.kind === kind} onChange={() => set({ kind })} />
            <span>{KIND_HELP[kind]}</span>
          </label>
        ))}
      </fieldset>
      <Field
        id="day-name"
        label="Tên ngày"
        value={draft.name}
        maxLength={200}
        onChange={(name) => set({ name })}
        invalid={invalid}
      />
      <Field
        id="day-source"
        label="Căn cứ (văn bản công bố)"
        value={draft.source}
        onChange={(source) => set({ source })}
        invalid={invalid}
        multiline
        maxLength={500}
      />
      <label className="toggle toggle--top">
        <input type="checkbox" checked={draft.verified} onChange={(e) => set({ verified: e.target.checked })} />
        <span>Đã đối chiếu với văn bản công bố chính thức</span>
      </label>
      {(error || invalid) && (
        <p className="field__error" role="alert">
          {error ?? invalid?.message}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={props.onCancel}>
          Hủy
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? "Đang lưu…" : "Lưu"}
        </button>
      </div>
    </form>
  );
}

function DayItem({ day, onEdit, onDelete }: { day: CalendarDay; onEdit: () => void; onDelete: () => void }) {
  return (
    <li className="calendar-day">
      <div className="calendar-day__main">
        <p className="calendar-day__date">
          <time dateTime={day.date}>{formatDate(day.date)}</time> · {formatWeekday(day.date)}
        </p>
        <p className="badges-row">
          <span className={`badge badge--${day.kind}`}>{KIND_LABEL[day.kind]}</span>
          {!day.verified && <span className="badge badge--unverified">Chưa xác minh</span>}
        </p>
        <p className="calendar-day__name">{day.name}</p>
        <p className="note">Căn cứ: {day.source}</p>
      </div>
      <div className="calendar-day__actions">
        <button
          type="button"
          className="button button--small button--secondary"
          aria-label={`Sửa ngày ${formatDate(day.date)}`}
          onClick={onEdit}
        >
          Sửa
        </button>
        <button
          type="button"
          className="button button--small button--link"
          aria-label={`Xóa ngày ${formatDate(day.date)}`}
          onClick={onDelete}
        >
          Xóa
        </button>
      </div>
    </li>
  );
}

function YearTabs({ years, year, onChange }: { years: readonly number[]; year: number; onChange: (year: number) => void }) {
  const select = (next: number) => {
    onChange(next);
    document.getElementById(`year-tab-${next}`)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const next = tabKeyTarget(e.key, years.indexOf(year), years.length);
    if (next === null) return;
    e.preventDefault();
    select(years[next]!);
  };
  return (
    <div role="tablist" aria-label="Năm" className="year-tabs" onKeyDown={onKeyDown}>
      {years.map((y) => (
        <button
          key={y}
          id={`year-tab-${y}`}
          type="button"
          role="tab"
          aria-selected={y === year}
          aria-controls="calendar-panel"
          tabIndex={y === year ? 0 : -1}
          className="pill-tab year-tab"
          onClick={() => select(y)}
        >
          {y}
        </button>
      ))}
    </div>
  );
}

type Editing = { mode: "add" } | { mode: "edit"; day: CalendarDay } | null;

function CalendarEditor() {
  const { openSnackbar } = useSnackbar();
  // The years the API manages, fixed when the page opens.
  const [years] = useState(() => calendarYears());
  const [year, setYear] = useState(() => Number(vietnamDate(new Date()).slice(0, 4)));
  const [days, setDays] = useState<Partial<Record<number, CalendarDay[]>>>({});
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<CalendarDay | null>(null);
  const deletion = useTask();
  const [attempt, setAttempt] = useState(0);
  // A late answer for a year no longer shown must not replace the current list.
  const shown = useRef(year);
  shown.current = year;

  const load = useCallback(async (y: number) => {
    const { items } = await adminApi.calendar(y);
    setDays((all) => ({ ...all, [y]: items }));
    return items;
  }, []);

  useEffect(() => {
    setError(null);
    load(year).catch((e: unknown) => shown.current === year && setError(errorMessage(e)));
  }, [year, load, attempt]);

  const taken = async (date: string) => {
    const y = yearOf(date);
    const list = days[y] ?? (await load(y));
    return list.some((d) => d.date === date);
  };

  const saved = (day: CalendarDay) => {
    setEditing(null);
    openSnackbar({ text: `Đã lưu ngày ${formatDate(day.date)}.`, type: "success" });
    const y = yearOf(day.date);
    setYear(y);
    void load(y).catch((e: unknown) => setError(errorMessage(e)));
  };

  const remove = async () => {
    if (!deleting) return;
    await deletion.run(async () => {
      await adminApi.deleteDay(deleting.date);
      openSnackbar({ text: `Đã xóa ngày ${formatDate(deleting.date)} khỏi lịch.`, type: "success" });
      setDeleting(null);
      await load(yearOf(deleting.date));
    });
  };

  const list = days[year];
  const unverified = list?.filter((d) => !d.verified).length ?? 0;
  return (
    <>
      <section className="section" aria-labelledby="calendar-about-title">
        <h2 id="calendar-about-title" className="section__title">
          Lịch dùng để tính hạn trả kết quả
        </h2>
        <p>
          Ngày nghỉ lễ không được tính là ngày làm việc; ngày làm bù (thường là Thứ Bảy) được tính là ngày làm việc. Thay đổi được
          áp dụng cho hồ sơ tiếp nhận từ nay:{" "}
          <strong>hạn trả kết quả đã tính cho các hồ sơ đã tiếp nhận không được tính lại.</strong>
        </p>
        <p className="note">
          Ngày âm lịch và ngày nghỉ bù phải đối chiếu với thông báo chính thức; ngày chưa đối chiếu mang nhãn “Chưa xác minh”.
        </p>
      </section>
      <section className="section" aria-labelledby="calendar-title">
        <div className="section-head calendar__head">
          <h2 id="calendar-title" className="section__title">
            Ngày nghỉ lễ, làm bù
          </h2>
          <button type="button" className="button button--small button--primary" onClick={() => setEditing({ mode: "add" })}>
            Thêm ngày
          </button>
        </div>
        <YearTabs years={years} year={year} onChange={setYear} />
        <div role="tabpanel" id="calendar-panel" aria-labelledby={`year-tab-${year}`} aria-busy={!list && !error}>
          {error && !list && <ErrorMessage message={error} onRetry={() => setAttempt((n) => n + 1)} />}
          {!list && !error && <Loading />}
          {list && (
            <>
              <p className="note calendar__summary">
                {list.filter((d) => d.kind === "holiday").length} ngày nghỉ lễ, {list.filter((d) => d.kind === "workday").length}{" "}
                ngày làm bù
                {unverified > 0 && `; ${unverified} ngày chưa xác minh`}.
              </p>
              {list.length === 0 ? (
                <Empty
                  message={`Chưa có ngày nghỉ lễ, làm bù nào trong năm ${year}. Hạn trả kết quả rơi vào năm này được tính chỉ trừ thứ Bảy, Chủ Nhật và ghi rõ là chưa tính ngày nghỉ lễ.`}
                />
              ) : (
                <ul className="plain-list calendar-days" aria-label={`Ngày nghỉ lễ, làm bù năm ${year}`}>
                  {list.map((day) => (
                    <DayItem
                      key={day.date}
                      day={day}
                      onEdit={() => setEditing({ mode: "edit", day })}
                      onDelete={() => {
                        deletion.setError(null);
                        setDeleting(day);
                      }}
                    />
                  ))}
                </ul>
              )}
            </>
          )}
        </div>
      </section>

      <Dialog
        open={editing !== null}
        title={editing?.mode === "edit" ? `Sửa ngày ${dayLabel(editing.day.date)}` : "Thêm ngày vào lịch"}
        onClose={() => setEditing(null)}
      >
        {editing && (
          <DayForm
            key={editing.mode === "edit" ? editing.day.date : "new"}
            initial={editing.mode === "edit" ? editing.day : EMPTY}
            editing={editing.mode === "edit"}
            years={years}
            taken={taken}
            onSaved={saved}
            onCancel={() => setEditing(null)}
          />
        )}
      </Dialog>

      <Dialog open={deleting !== null} title="Xóa ngày khỏi lịch" onClose={() => setDeleting(null)}>
        {deleting && (
          <>
            <p>
              Xóa “{deleting.name}” ({KIND_LABEL[deleting.kind].toLocaleLowerCase("vi")}) ngày {dayLabel(deleting.date)} khỏi
              lịch?
            </p>
            <p className="note">
              Hồ sơ tiếp nhận từ nay tính hạn theo lịch mới; hạn trả kết quả của hồ sơ đã tiếp nhận không thay đổi.
            </p>
            {deletion.error && (
              <p className="field__error" role="alert">
                {deletion.error}
              </p>
            )}
            <div className="dialog__actions">
              <button type="button" className="button button--secondary" onClick={() => setDeleting(null)}>
                Hủy
              </button>
              <button type="button" className="button button--danger" disabled={deletion.busy} onClick={() => void remove()}>
                {deletion.busy ? "Đang xóa…" : "Xóa"}
              </button>
            </div>
          </>
        )}
      </Dialog>
    </>
  );
}

/** `/quan-tri/lich`: the province's holidays and compensatory working days (admins only). */
export default function AdminCalendarPage() {
  return <AdminLayout title="Lịch nghỉ lễ, làm bù">{() => <CalendarEditor />}</AdminLayout>;
}
