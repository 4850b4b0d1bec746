import { createContext, type ReactNode, useContext } from "react";
import { formatDate } from "../../../../shared/src/format/vi";

/**
 * The admin's forms edit one JSON body. Each input is named by its path in that body ("cases.0.name"),
 * which is also how the API's validation details and publishing problems point at it: a problem is
 * shown beside the input it names.
 */
export type Problem = { path: string; message: string };

const ProblemsContext = createContext<ReadonlyMap<string, string>>(new Map());

/** Problems shown beside their inputs inside; those of an enclosing provider are kept. */
export function ProblemsProvider({ problems, children }: { problems: readonly Problem[]; children: ReactNode }) {
  const byPath = new Map(useContext(ProblemsContext));
  for (const p of problems) if (!byPath.has(p.path)) byPath.set(p.path, p.message);
  return <ProblemsContext.Provider value={byPath}>{children}</ProblemsContext.Provider>;
}

/** The input's id for a path: stable and unique on the page. */
export const inputId = (path: string) => `in-${path.replace(/[^a-zA-Z0-9]+/g, "-")}`;

function useProblem(path: string): string | undefined {
  return useContext(ProblemsContext).get(path);
}

type Common = { path: string; label: string; optional?: boolean; hint?: string };

function Frame(props: Common & { error?: string; children: ReactNode }) {
  const id = inputId(props.path);
  return (
    <div className={`field${props.error ? " field--invalid" : ""}`}>
      <label htmlFor={id} className="field__label">
        {props.label}
        {props.optional && <span className="note"> (không bắt buộc)</span>}
      </label>
      {props.children}
      {props.hint && (
        <p id={`${id}-hint`} className="note">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={`${id}-error`} className="field__error">
          {props.error}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, hint: string | undefined, error: string | undefined) {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
}

/** A text, date or URL input (or, multiline, a textarea) bound to one path. */
export function TextInput(
  props: Common & {
    value: string;
    onChange: (value: string) => void;
    multiline?: boolean;
    type?: "text" | "date" | "url";
    maxLength?: number;
  },
) {
  const error = useProblem(props.path);
  const id = inputId(props.path);
  // A date input shows the browser's own format; the date is also spelled dd/MM/yyyy.
  const hint = props.type === "date" && /^\d{4}-\d{2}-\d{2}$/.test(props.value) ? formatDate(props.value) : props.hint;
  const common = {
    id,
    value: props.value,
    maxLength: props.maxLength,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, hint, error),
  };
  return (
    <Frame {...props} hint={hint} error={error}>
      {props.multiline ? (
        <textarea {...common} rows={3} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input {...common} type={props.type ?? "text"} onChange={(e) => props.onChange(e.target.value)} />
      )}
    </Frame>
  );
}

/** A whole number; an empty input reads as undefined. */
export function NumberInput(
  props: Common & { value: number | undefined; onChange: (value: number | undefined) => void; min?: number },
) {
  const error = useProblem(props.path);
  const id = inputId(props.path);
  return (
    <Frame {...props} error={error}>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={props.min ?? 0}
        step={1}
        value={props.value ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, error)}
        onChange={(e) => props.onChange(e.target.value === "" ? undefined : Math.trunc(Number(e.target.value)))}
      />
    </Frame>
  );
}

export function SelectInput<T extends string>(
  props: Common & {
    value: T | "";
    options: readonly { value: T; label: string }[];
    onChange: (value: T) => void;
    empty?: string;
  },
) {
  const error = useProblem(props.path);
  const id = inputId(props.path);
  return (
    <Frame {...props} error={error}>
      <select
        id={id}
        value={props.value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, error)}
        onChange={(e) => props.onChange(e.target.value as T)}
      >
        {props.empty !== undefined && <option value="">{props.empty}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

export function CheckInput(props: { path: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const error = useProblem(props.path);
  const id = inputId(props.path);
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label className="toggle" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={props.checked}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => props.onChange(e.target.checked)}
        />
        <span>{props.label}</span>
      </label>
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Every problem in one list; each names its input and moves the focus there. */
export function ProblemList({
  title,
  problems,
  labelOf,
}: {
  title: string;
  problems: readonly Problem[];
  labelOf: (path: string) => string;
}) {
  if (problems.length === 0) return null;
  return (
    <div className="status status--error admin-problems" role="alert">
      <p>
        <strong>{title}</strong>
      </p>
      <ul>
        {problems.map((p, i) => (
          <li key={`${p.path}-${i}`}>
            <button
              type="button"
              className="button--link admin-problems__go"
              onClick={() => document.getElementById(inputId(p.path))?.focus()}
            >
              {labelOf(p.path)}
            </button>
            : {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Moves item `from` of a list to `to` (both in range). */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

/** The list with item `i` replaced by `update` of it. */
export function replaced<T>(list: readonly T[], i: number, update: (item: T) => T): T[] {
  return list.map((item, j) => (j === i ? update(item) : item));
}
