import { type FormEvent, useCallback, useEffect, useState } from "react";
import { formatDate } from "../../../../shared/src/format/vi";
import { useSnackbar } from "../../components/snackbar";
import { Empty, ErrorMessage, Loading } from "../../components/status";
import { Field, type Invalid } from "../../components/text-field";
import { ApiFailure, errorMessage } from "../../services/api";
import {
  type AdminLifeEventItem,
  type AdminPaperItem,
  type AdminSynonymItem,
  searchAdminApi,
  type UnmatchedRow,
} from "../../services/search-admin-api";
import { AdminLayout } from "./layout";

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** A refusal's message, and the problems its details name (a 400 lists each field). */
function Problem({ error }: { error: unknown }) {
  if (!error) return null;
  const details = error instanceof ApiFailure && Array.isArray(error.details) ? (error.details as { message?: string }[]) : [];
  return (
    <div className="field__error" role="alert">
      <p>{errorMessage(error)}</p>
      {details.length > 0 && (
        <ul>
          {details.map((d, i) => (
            <li key={i}>{d.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A list loaded from the API, reloaded after each change. */
function useList<T>(load: () => Promise<{ items: T[] }>) {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    setError(null);
    load().then(
      (list) => setItems(list.items),
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [load]);
  useEffect(reload, [reload]);
  return { items, error, reload };
}

function ListState<T>({
  items,
  error,
  reload,
  empty,
}: {
  items: T[] | null;
  error: string | null;
  reload: () => void;
  empty: string;
}) {
  if (error) return <ErrorMessage message={error} onRetry={reload} />;
  if (!items) return <Loading />;
  if (items.length === 0) return <Empty message={empty} />;
  return null;
}

// ---------------------------------------------------------------- unmatched queries → synonyms

/** Turns one unmatched query into a synonym: what residents typed → how the catalogue names it. */
function SynonymFromQuery({ row, onAdded }: { row: UnmatchedRow; onAdded: () => void }) {
  const id = `syn-${row.query.replace(/\W+/g, "-")}`;
  const [key, setKey] = useState(row.query);
  const [expansion, setExpansion] = useState("");
  const [reason, setReason] = useState(`Người dân tìm “${row.query}” nhưng không thấy kết quả`);
  const [invalid, setInvalid] = useState<Invalid>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem: Invalid =
      expansion.trim().length < 2
        ? { field: `${id}-expansion`, message: "Nhập cách gọi trong danh mục, ví dụ “đăng ký kết hôn”" }
        : null;
    setInvalid(problem);
    if (problem) return;
    setBusy(true);
    setError(null);
    try {
      await searchAdminApi.addSynonym({
        synonym: { keys: [key.trim()], expansions: [expansion.trim()] },
        reason: reason.trim(),
        fromUnmatched: row.query,
      });
      onAdded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-label={`Thêm từ đồng nghĩa cho “${row.query}”`}>
      <Field id={`${id}-key`} label="Người dân gõ" value={key} onChange={setKey} invalid={invalid} maxLength={120} />
      <Field
        id={`${id}-expansion`}
        label="Cách gọi trong danh mục"
        value={expansion}
        onChange={setExpansion}
        invalid={invalid}
        maxLength={120}
        hint={<p className="note">Tên thủ tục hoặc các từ trong tên thủ tục, ví dụ “đăng ký kết hôn”.</p>}
      />
      <Field id={`${id}-reason`} label="Lý do" value={reason} onChange={setReason} invalid={invalid} maxLength={500} />
      <Problem error={error} />
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? "Đang lưu…" : "Lưu từ đồng nghĩa"}
      </button>
    </form>
  );
}

function Unmatched({ onSynonymAdded }: { onSynonymAdded: () => void }) {
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [open, setOpen] = useState<string | null>(null);
  const { openSnackbar } = useSnackbar();
  const load = useCallback(() => searchAdminApi.unmatched({ from, to }), [from, to]);
  const list = useList(load);
  return (
    <section className="section" aria-labelledby="unmatched-title">
      <h2 id="unmatched-title" className="section__title">
        Người dân tìm nhưng không thấy
      </h2>
      <p className="note">
        Từ khóa đã bỏ dấu, bỏ số, số điện thoại, mã và tên riêng; nhiều lượt nhất trước. Thêm từ đồng nghĩa để lần sau tìm được.
      </p>
      <div className="admin-filters">
        <Field id="unmatched-from" label="Từ ngày" type="date" value={from} onChange={setFrom} invalid={null} optional />
        <Field id="unmatched-to" label="Đến ngày" type="date" value={to} onChange={setTo} invalid={null} optional />
      </div>
      <ListState {...list} empty="Chưa có từ khóa nào không tìm thấy trong khoảng này." />
      {list.items && list.items.length > 0 && (
        <ul className="plain-list" aria-label="Từ khóa không tìm thấy">
          {list.items.map((row) => (
            <li key={row.query} className="admin-row">
              <p>
                <strong>{row.query}</strong> · {row.count} lượt · lần cuối {formatDate(row.lastSeen)}
              </p>
              {open === row.query ? (
                <SynonymFromQuery
                  row={row}
                  onAdded={() => {
                    openSnackbar({ text: `Đã thêm từ đồng nghĩa cho “${row.query}”.`, type: "success" });
                    setOpen(null);
                    list.reload();
                    onSynonymAdded();
                  }}
                />
              ) : (
                <button type="button" className="button button--secondary" onClick={() => setOpen(row.query)}>
                  Thêm từ đồng nghĩa
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SynonymRow({ item, onRemoved }: { item: AdminSynonymItem; onRemoved: () => void }) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const remove = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await searchAdminApi.deleteSynonym(item.id, reason.trim());
      onRemoved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <li className="admin-row">
      <p>
        <strong>{item.keys.join(", ")}</strong> → {item.expansions.join(", ")}
      </p>
      <p className="note">
        {item.updatedBy?.name ?? "Dữ liệu mẫu"} · {formatDate(item.updatedAt)}
      </p>
      <form noValidate onSubmit={(e) => void remove(e)} aria-label={`Xóa từ đồng nghĩa ${item.keys[0]}`} className="admin-inline">
        <Field id={`syn-del-${item.id}`} label="Lý do xóa" value={reason} onChange={setReason} invalid={null} maxLength={500} />
        <button type="submit" className="button button--secondary">
          Xóa
        </button>
      </form>
      <Problem error={error} />
    </li>
  );
}

function Synonyms({ version }: { version: number }) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version reloads the list
  const load = useCallback(() => searchAdminApi.synonyms(), [version]);
  const list = useList(load);
  return (
    <section className="section" aria-labelledby="synonyms-title">
      <h2 id="synonyms-title" className="section__title">
        Từ đồng nghĩa của tỉnh
      </h2>
      <p className="note">Dùng cùng các từ đồng nghĩa có sẵn; có hiệu lực ngay với lượt tìm tiếp theo.</p>
      <ListState {...list} empty="Chưa có từ đồng nghĩa nào của tỉnh." />
      {list.items && list.items.length > 0 && (
        <ul className="plain-list" aria-label="Từ đồng nghĩa của tỉnh">
          {list.items.map((item) => (
            <SynonymRow key={item.id} item={item} onRemoved={list.reload} />
          ))}
        </ul>
      )}
    </section>
  );
}

// ---------------------------------------------------------------- life events

const blankEvent = (): AdminLifeEventItem => ({
  slug: "",
  title: "",
  description: "",
  phrases: [],
  steps: [],
  position: 100,
  hidden: false,
  updatedAt: "",
  updatedBy: null,
});

function LifeEventEditor({ event, isNew, onSaved }: { event: AdminLifeEventItem; isNew: boolean; onSaved: () => void }) {
  const id = `ev-${event.slug || "moi"}`;
  const [slug, setSlug] = useState(event.slug);
  const [title, setTitle] = useState(event.title);
  const [description, setDescription] = useState(event.description);
  const [phrases, setPhrases] = useState(event.phrases.join("\n"));
  const [steps, setSteps] = useState(event.steps.map((s) => (s.note ? `${s.code} | ${s.note}` : s.code)).join("\n"));
  const [position, setPosition] = useState(String(event.position));
  const [hidden, setHidden] = useState(event.hidden);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await searchAdminApi.putLifeEvent(slug.trim(), {
        event: {
          slug: slug.trim(),
          title: title.trim(),
          description: description.trim(),
          phrases: lines(phrases),
          steps: lines(steps).map((l) => {
            const [code = "", ...note] = l.split("|");
            return { code: code.trim(), note: note.join("|").trim() };
          }),
          position: Number(position) || 0,
          hidden,
        },
        reason: reason.trim(),
      });
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form noValidate onSubmit={(e) => void save(e)} aria-label={isNew ? "Thêm sự kiện" : `Sửa sự kiện ${event.title}`}>
      {isNew && (
        <Field
          id={`${id}-slug`}
          label="Mã (trong đường dẫn)"
          value={slug}
          onChange={setSlug}
          invalid={null}
          maxLength={60}
          hint={<p className="note">Chữ thường không dấu và dấu gạch ngang, ví dụ “nhan-con-nuoi”.</p>}
        />
      )}
      <Field id={`${id}-title`} label="Tên sự kiện" value={title} onChange={setTitle} invalid={null} maxLength={80} />
      <Field
        id={`${id}-description`}
        label="Mô tả một dòng"
        value={description}
        onChange={setDescription}
        invalid={null}
        maxLength={200}
      />
      <Field
        id={`${id}-phrases`}
        label="Cụm từ người dân gõ (mỗi dòng một cụm)"
        value={phrases}
        onChange={setPhrases}
        invalid={null}
        multiline
      />
      <Field
        id={`${id}-steps`}
        label="Thủ tục theo thứ tự (mỗi dòng: mã | vì sao ở bước này)"
        value={steps}
        onChange={setSteps}
        invalid={null}
        multiline
        hint={<p className="note">Thủ tục liên thông, nếu có, đặt đầu tiên. Thủ tục chưa công bố không hiện với người dân.</p>}
      />
      <Field
        id={`${id}-position`}
        label="Thứ tự trên trang chủ"
        value={position}
        onChange={setPosition}
        invalid={null}
        inputMode="numeric"
      />
      <label className="toggle toggle--top">
        <input type="checkbox" checked={hidden} onChange={(e) => setHidden(e.target.checked)} />
        <span>Ẩn với người dân</span>
      </label>
      <Field id={`${id}-reason`} label="Lý do" value={reason} onChange={setReason} invalid={null} maxLength={500} />
      <Problem error={error} />
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? "Đang lưu…" : "Lưu sự kiện"}
      </button>
    </form>
  );
}

function LifeEvents() {
  const list = useList(searchAdminApi.lifeEvents);
  const [open, setOpen] = useState<string | null>(null);
  const { openSnackbar } = useSnackbar();
  const saved = () => {
    openSnackbar({ text: "Đã lưu sự kiện.", type: "success" });
    setOpen(null);
    list.reload();
  };
  return (
    <section className="section" aria-labelledby="events-admin-title">
      <h2 id="events-admin-title" className="section__title">
        Sự kiện cuộc sống
      </h2>
      <ListState {...list} empty="Chưa có sự kiện nào." />
      {list.items && list.items.length > 0 && (
        <ul className="plain-list" aria-label="Sự kiện cuộc sống">
          {list.items.map((ev) => (
            <li key={ev.slug} className="admin-row">
              <p>
                <strong>{ev.title}</strong> {ev.hidden && <span className="badge">Đang ẩn</span>}
              </p>
              <p className="note">{ev.steps.map((s) => `${s.code}${s.name ? "" : " (chưa công bố)"}`).join(" → ")}</p>
              {open === ev.slug ? (
                <LifeEventEditor event={ev} isNew={false} onSaved={saved} />
              ) : (
                <button type="button" className="button button--secondary" onClick={() => setOpen(ev.slug)}>
                  Sửa
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {open === "" ? (
        <LifeEventEditor event={blankEvent()} isNew onSaved={saved} />
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setOpen("")}>
          Thêm sự kiện
        </button>
      )}
    </section>
  );
}

// ---------------------------------------------------------------- abolished or renamed papers

function PaperEditor({ paper, onSaved }: { paper: AdminPaperItem; onSaved: () => void }) {
  const id = `paper-${paper.slug}`;
  const [name, setName] = useState(paper.paper);
  const [phrases, setPhrases] = useState(paper.phrases.join("\n"));
  const [explanation, setExplanation] = useState(paper.explanation);
  const [code, setCode] = useState(paper.procedureCode ?? "");
  const [source, setSource] = useState(paper.source);
  const [verified, setVerified] = useState(paper.verified);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await searchAdminApi.putPaper(paper.slug, {
        replacement: {
          slug: paper.slug,
          paper: name.trim(),
          phrases: lines(phrases),
          explanation: explanation.trim(),
          procedureCode: code.trim() || null,
          verified,
          source: source.trim(),
        },
        reason: reason.trim(),
      });
      onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form noValidate onSubmit={(e) => void save(e)} aria-label={`Sửa ${paper.paper}`}>
      <Field id={`${id}-name`} label="Giấy tờ" value={name} onChange={setName} invalid={null} maxLength={80} />
      <Field
        id={`${id}-phrases`}
        label="Cụm từ người dân gõ (mỗi dòng một cụm)"
        value={phrases}
        onChange={setPhrases}
        invalid={null}
        multiline
      />
      <Field
        id={`${id}-explanation`}
        label="Giải thích một dòng"
        value={explanation}
        onChange={setExplanation}
        invalid={null}
        multiline
        maxLength={300}
      />
      <Field
        id={`${id}-code`}
        label="Mã thủ tục thay thế"
        value={code}
        onChange={setCode}
        invalid={null}
        optional
        maxLength={40}
      />
      <Field id={`${id}-source`} label="Căn cứ pháp lý" value={source} onChange={setSource} invalid={null} maxLength={200} />
      <label className="toggle toggle--top">
        <input type="checkbox" checked={verified} onChange={(e) => setVerified(e.target.checked)} />
        <span>Đã đối chiếu với văn bản chính thức</span>
      </label>
      <Field id={`${id}-reason`} label="Lý do" value={reason} onChange={setReason} invalid={null} maxLength={500} />
      <Problem error={error} />
      <button type="submit" className="button button--primary">
        Lưu
      </button>
    </form>
  );
}

function Papers() {
  const list = useList(searchAdminApi.papers);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section className="section" aria-labelledby="papers-title">
      <h2 id="papers-title" className="section__title">
        Giấy tờ đã bãi bỏ, đổi tên
      </h2>
      <ListState {...list} empty="Chưa có giấy tờ nào." />
      {list.items && list.items.length > 0 && (
        <ul className="plain-list" aria-label="Giấy tờ đã bãi bỏ, đổi tên">
          {list.items.map((p) => (
            <li key={p.slug} className="admin-row">
              <p>
                <strong>{p.paper}</strong> {!p.verified && <span className="badge">Chưa đối chiếu</span>}
              </p>
              <p className="note">
                {p.explanation} {p.procedureName ? `→ ${p.procedureName}` : ""}
              </p>
              {open === p.slug ? (
                <PaperEditor
                  paper={p}
                  onSaved={() => {
                    setOpen(null);
                    list.reload();
                  }}
                />
              ) : (
                <button type="button" className="button button--secondary" onClick={() => setOpen(p.slug)}>
                  Sửa
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** `/quan-tri/tim-kiem`: what residents looked for and did not find, synonyms, life events, abolished papers. */
export default function AdminSearchPage() {
  const [synonymsVersion, setSynonymsVersion] = useState(0);
  return (
    <AdminLayout title="Tìm kiếm và sự kiện cuộc sống">
      {() => (
        <>
          <Unmatched onSynonymAdded={() => setSynonymsVersion((v) => v + 1)} />
          <Synonyms version={synonymsVersion} />
          <LifeEvents />
          <Papers />
        </>
      )}
    </AdminLayout>
  );
}
