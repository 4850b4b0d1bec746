// A synthetic year of dossiers and their events, generated inside the local D1 by SQL (recursive
// CTEs and INSERT … SELECT), so that a million dossiers take minutes rather than a gigabyte of SQL
// text. It serves the figures: the dashboard of `npm start` and the dashboard section of `npm run bench`.
//
// How it works: small lookup tables written from here (which unit a slot of the unit draw picks,
// which procedure a slot of a unit's procedure draw picks, each unit's month-by-month online share,
// lateness and e-result share) and one plan row per dossier, computed in SQL from its index with a
// deterministic hash as the random source. A plan row holds the whole life of the dossier as
// instants (submitted, accepted, processing, supplement asked and sent, withdrawal asked, closed,
// returned), some of them after "now". `applyHistory(db, count, from, to)` then writes what happened in
// (from, to]: the events of that window, and each dossier row upserted to its state at `to`, so the
// bench can load the year up to yesterday, recompute the figures, then add one day and refresh.
//
// The plan follows the lifecycle (shared/src/dossier/lifecycle.ts): online 1 → 2 → 4 (→ 5 → 4)
// → 9 → 10, or 1 → 3 (refused), or → 7 after a withdrawal request, or 4 → 8 (stopped); counter and
// postal intake starts at 2. The audit chain of these events is left empty (hash ""), as rows from
// before the chain are: the audit report of a synthetic dossier says its chain is broken.

import { feeQuote } from "../../shared/src/catalogue/fees";
import type { ProcedureInput, Unit } from "../../shared/src/catalogue/schemas";
import type { Channel } from "../../shared/src/dossier/channel";
import { OTHER_COMMUNE_WEIGHT, personName, prng, UNIT_WEIGHTS } from "./synthetic";

/** The part of the D1 binding used here (the tools' tsconfig has no Workers types). */
type Statement = { all<T>(): Promise<{ results: T[] }>; run(): Promise<unknown> };
export type HistoryD1 = { prepare(sql: string): Statement & { bind(...values: unknown[]): Statement } };

export type HistoryOptions = {
  count: number;
  provinceId: string;
  units: readonly Unit[];
  procedures: readonly ProcedureInput[];
  /** The sample province's published procedure codes → their row ids in the target database. */
  procedureIds: ReadonlyMap<string, number>;
  /** The end of the year generated; plan instants after it happen later (or never are written). */
  now: Date;
  seed?: number;
};

/** Synthetic dossiers have ids of this shape (a valid UUID v4), numbered from 0. */
export const HISTORY_ID_PREFIX = "f1a00000-0000-4000-8000-";
const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;
const CHUNK = 50_000;
const UNIT_SLOTS = 10_000;
const PROCEDURE_SLOTS = 100;
/** Vietnam is UTC+7 all year. */
const LOCAL_OFFSET_S = 7 * 3600;
const P = 2147483647;

/** A uniform draw in [0, 1) from the plan row's index `i` and the draw's number `k` (a hash, no state). */
const draw = (k: number) => {
  const t = `((i * 1103515245 + ${k * 2654435761}) % ${P})`;
  return `((((${t} * ${t}) % ${P}) * 48271 % ${P}) / ${P}.0)`;
};
const iso = (ms: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', (${ms}) / 1000.0, 'unixepoch')`;
/** The local date (Vietnam) of an instant in ms, moved by `days` whole days. */
const localDate = (ms: string, days = "0") => `date((${ms}) / 1000 + ${LOCAL_OFFSET_S}, 'unixepoch', (${days}) || ' days')`;
const q = (v: string | number | null) =>
  v === null ? "NULL" : typeof v === "number" ? String(v) : `'${v.replaceAll("'", "''")}'`;

const calendarDays = (p: ProcedureInput): number => {
  const t = p.processingTime;
  if (t.unit === "same_day") return 0;
  if (t.unit === "day") return t.value;
  // Working days, and hours of 8-hour working days, as calendar days with weekends.
  const working = t.unit === "hour" ? Math.ceil(t.value / 8) : t.value;
  return Math.ceil((working * 7) / 5);
};

type UnitProfile = {
  unit: Unit;
  weight: number;
  procedures: (ProcedureInput & { id: number })[];
  /** Per month of the year (0 = twelve months ago … 12 = this month). */
  months: { online: number; late: number; eResult: number; assisted: number; digitisedCounter: number }[];
};

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * Each unit's weight, procedures and month-by-month shares: some units start high on online filing,
 * some low, all rise unevenly over the year (as in Hải Phòng); lateness and e-results vary by unit.
 */
function unitProfiles(opts: HistoryOptions): UnitProfile[] {
  const rnd = prng((opts.seed ?? 20261202) + 1);
  const published = opts.procedures
    .filter((p) => p.status === "published" && opts.procedureIds.has(p.code))
    .map((p) => ({ ...p, id: opts.procedureIds.get(p.code) as number }));
  return opts.units.flatMap((unit) => {
    const procedures =
      unit.kind === "commune"
        ? published.filter((p) => p.unitLevel === "commune")
        : published.filter((p) => p.competentUnitId === unit.id);
    const weight = UNIT_WEIGHTS[unit.id] ?? (unit.kind === "commune" ? OTHER_COMMUNE_WEIGHT : 0.2);
    if (procedures.length === 0) return [];
    const kind = rnd();
    const start = kind < 0.2 ? 0.6 + rnd() * 0.3 : kind < 0.5 ? 0.02 + rnd() * 0.13 : 0.15 + rnd() * 0.35;
    const rise = (1 - start) * (0.1 + rnd() * 0.5);
    const late = 0.02 + rnd() * 0.1;
    const eResult = 0.2 + rnd() * 0.4;
    const assisted = unit.kind === "commune" ? 0.03 + rnd() * 0.12 : 0;
    const digitisedCounter = 0.15 + rnd() * 0.45;
    const months = Array.from({ length: 13 }, (_, m) => ({
      // Uneven: a campaign month jumps, a holiday month dips.
      online: clamp(start + (rise * m) / 12 + (rnd() - 0.5) * 0.08, 0.01, 0.98),
      late: clamp(late + (rnd() - 0.5) * 0.04, 0, 0.5),
      eResult: clamp(eResult + (0.3 * m) / 12 + (rnd() - 0.5) * 0.05, 0, 1),
      assisted,
      digitisedCounter,
    }));
    return [{ unit, weight, procedures, months }];
  });
}

/** Slots of a draw in [0, 1): slot s picks the item whose cumulative weight covers (s + 0.5) ÷ slots. */
function slots<T>(items: readonly (readonly [T, number])[], count: number): T[] {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  const out: T[] = [];
  let index = 0;
  let upTo = (items[0]?.[1] ?? 0) / total;
  for (let s = 0; s < count; s++) {
    const x = (s + 0.5) / count;
    while (x > upTo && index < items.length - 1) upTo += (items[++index]?.[1] ?? 0) / total;
    out.push(items[index]![0]);
  }
  return out;
}

/** Multi-row INSERTs, each under D1's 100 kB statement limit. */
async function insertRows(db: HistoryD1, head: string, rows: string[]) {
  let chunk: string[] = [];
  let bytes = 0;
  const flush = async () => {
    if (chunk.length > 0) await db.prepare(`${head} VALUES ${chunk.join(",")}`).run();
    chunk = [];
    bytes = 0;
  };
  for (const row of rows) {
    if (bytes + row.length > 30_000) await flush();
    chunk.push(row);
    bytes += new TextEncoder().encode(row).length + 1;
  }
  await flush();
}

/** Users the history needs: residents (some file many times), an officer per unit, a digital team member per commune. */
async function insertPeople(db: HistoryD1, opts: HistoryOptions, profiles: UnitProfile[], residents: number) {
  const rnd = prng((opts.seed ?? 20261202) + 2);
  const created = new Date(opts.now.getTime() - YEAR_MS - 30 * DAY_MS).toISOString();
  const user = (id: string, role: string, unitId: string | null) =>
    `(${[id, opts.provinceId, role, unitId, personName(rnd), `09${String(Math.floor(rnd() * 1e8)).padStart(8, "0")}`, created]
      .map(q)
      .join(", ")})`;
  const rows = [
    ...Array.from({ length: residents }, (_, k) => user(`hist-resident-${k}`, "resident", null)),
    ...profiles.map((p) => user(`hist-officer-${p.unit.id}`, "officer", p.unit.id)),
    ...profiles.filter((p) => p.months[0]!.assisted > 0).map((p) => user(`hist-helper-${p.unit.id}`, "helper", p.unit.id)),
  ];
  await insertRows(db, "INSERT OR IGNORE INTO users (id, province_id, role, unit_id, display_name, phone, created_at)", rows);
}

/** The lookup tables the plan's SQL joins: unit slots, procedure slots per unit, month shares per unit. */
async function insertLookups(db: HistoryD1, opts: HistoryOptions, profiles: UnitProfile[]) {
  await db
    .prepare("CREATE TABLE history_units (slot INTEGER PRIMARY KEY, unit_id TEXT NOT NULL, electronic_id TEXT NOT NULL)")
    .run();
  await db
    .prepare(
      `CREATE TABLE history_procedures (unit_id TEXT NOT NULL, slot INTEGER NOT NULL, procedure_id INTEGER NOT NULL,
        allowed_days INTEGER NOT NULL, fee_online TEXT NOT NULL, fee_counter TEXT NOT NULL, fee_postal TEXT NOT NULL,
        PRIMARY KEY (unit_id, slot))`,
    )
    .run();
  await db
    .prepare(
      `CREATE TABLE history_months (unit_id TEXT NOT NULL, month INTEGER NOT NULL, online REAL NOT NULL, late REAL NOT NULL,
        e_result REAL NOT NULL, assisted REAL NOT NULL, digitised_counter REAL NOT NULL, PRIMARY KEY (unit_id, month))`,
    )
    .run();
  const unitSlots = slots(
    profiles.map((p) => [p, p.weight] as const),
    UNIT_SLOTS,
  );
  await insertRows(
    db,
    "INSERT INTO history_units (slot, unit_id, electronic_id)",
    unitSlots.map((p, slot) => `(${slot}, ${q(p.unit.id)}, ${q(p.unit.electronicId)})`),
  );
  const fee = (p: ProcedureInput, channel: Channel) => q(JSON.stringify(feeQuote(p.fees, channel, opts.now)));
  await insertRows(
    db,
    "INSERT INTO history_procedures (unit_id, slot, procedure_id, allowed_days, fee_online, fee_counter, fee_postal)",
    profiles.flatMap((profile) =>
      slots(
        profile.procedures.map((p) => [p, p.popularity + 20] as const),
        PROCEDURE_SLOTS,
      ).map(
        (p, slot) =>
          `(${q(profile.unit.id)}, ${slot}, ${p.id}, ${calendarDays(p)}, ${fee(p, "online")}, ${fee(p, "counter")}, ${fee(p, "postal")})`,
      ),
    ),
  );
  await insertRows(
    db,
    "INSERT INTO history_months (unit_id, month, online, late, e_result, assisted, digitised_counter)",
    profiles.flatMap((p) =>
      p.months.map(
        (m, month) => `(${q(p.unit.id)}, ${month}, ${m.online}, ${m.late}, ${m.eResult}, ${m.assisted}, ${m.digitisedCounter})`,
      ),
    ),
  );
}

/** Shares of the outcomes (of the dossiers a draw sends there); the rest is finished, on time or late. */
const REFUSED = 0.02; // online only: refused at intake
const WITHDRAWN = 0.015;
const STOPPED = 0.008;
/** Left lying well past the due date: still open and overdue at the end of the year when recent. */
const STUCK = 0.008;
const SUPPLEMENTED = 0.12;
const REUSED = 0.15;

const PLAN_COLUMNS = `i INTEGER PRIMARY KEY, id TEXT NOT NULL, unit_id TEXT NOT NULL, electronic_id TEXT NOT NULL,
  procedure_id INTEGER NOT NULL, applicant_id TEXT NOT NULL, officer_id TEXT NOT NULL, helper_id TEXT, channel TEXT NOT NULL,
  fee TEXT NOT NULL, token TEXT NOT NULL, allowed_days INTEGER NOT NULL, digitised INTEGER NOT NULL, reused INTEGER NOT NULL,
  e_result INTEGER NOT NULL, kind TEXT NOT NULL, pause_days INTEGER NOT NULL,
  sub_ms INTEGER NOT NULL, refused_ms INTEGER, rec_ms INTEGER, proc_ms INTEGER, supreq_ms INTEGER, supback_ms INTEGER,
  wreq_ms INTEGER, close_ms INTEGER, ret_ms INTEGER, expected_due TEXT NOT NULL, original_due TEXT, due TEXT,
  code TEXT, reuse_file TEXT`;

/**
 * The plan rows [lo, hi): dossier i is submitted at start + i × step (so the index orders them in
 * time), at a unit and procedure drawn by slot, online with the unit's share of that month.
 */
function planSql(lo: number, hi: number, count: number, startMs: number, residents: number) {
  const step = YEAR_MS / count;
  const day = (x: string) => `CAST((${x}) * ${DAY_MS} AS INTEGER)`;
  return `INSERT INTO history_plan (i, id, unit_id, electronic_id, procedure_id, applicant_id, officer_id, helper_id, channel, fee,
    token, allowed_days, digitised, reused, e_result, kind, pause_days, sub_ms, refused_ms, rec_ms, proc_ms, supreq_ms, supback_ms,
    wreq_ms, close_ms, ret_ms, expected_due, original_due, due)
WITH RECURSIVE n(i) AS (SELECT ${lo} UNION ALL SELECT i + 1 FROM n WHERE i < ${hi - 1}),
r AS (
  SELECT i, ${draw(1)} AS u_unit, ${draw(2)} AS u_proc, ${draw(3)} AS u_channel, ${draw(4)} AS u_assist, ${draw(5)} AS u_out,
    ${draw(6)} AS u_late, ${draw(7)} AS u_speed, ${draw(8)} AS u_accept, ${draw(9)} AS u_sup, ${draw(10)} AS u_pause,
    ${draw(11)} AS u_digit, ${draw(12)} AS u_reuse, ${draw(13)} AS u_eres, ${draw(14)} AS u_ret, ${draw(15)} AS u_app,
    ${draw(16)} AS u_jitter, ${draw(17)} AS u_token,
    ${startMs} + CAST(i * ${step} AS INTEGER) AS sub_ms, MIN(12, i * 13 / ${count}) AS month
  FROM n
),
a AS (
  SELECT r.*, hu.unit_id, hu.electronic_id, hp.procedure_id, hp.allowed_days, hm.late, hm.e_result AS e_share,
    hm.digitised_counter, hm.assisted,
    CASE WHEN u_channel < hm.online THEN 'online' WHEN u_channel < hm.online + (1 - hm.online) * 0.06 THEN 'postal'
      ELSE 'counter' END AS channel,
    hp.fee_online, hp.fee_counter, hp.fee_postal
  FROM r
  JOIN history_units hu ON hu.slot = CAST(r.u_unit * ${UNIT_SLOTS} AS INTEGER)
  JOIN history_procedures hp ON hp.unit_id = hu.unit_id AND hp.slot = CAST(r.u_proc * ${PROCEDURE_SLOTS} AS INTEGER)
  JOIN history_months hm ON hm.unit_id = hu.unit_id AND hm.month = r.month
),
b AS (
  SELECT a.*,
    CASE
      WHEN channel = 'online' AND u_out < ${REFUSED} THEN 'refused'
      WHEN u_out >= ${REFUSED} AND u_out < ${REFUSED + WITHDRAWN} THEN 'withdrawn'
      WHEN u_out >= ${REFUSED + WITHDRAWN} AND u_out < ${REFUSED + WITHDRAWN + STOPPED} THEN 'stopped'
      WHEN u_out >= ${REFUSED + WITHDRAWN + STOPPED} AND u_out < ${REFUSED + WITHDRAWN + STOPPED + STUCK} THEN 'stuck'
      WHEN u_late < late THEN 'late'
      ELSE 'finished'
    END AS kind,
    CASE WHEN channel = 'online' THEN sub_ms + ${day("u_accept * 1.2")} ELSE sub_ms END AS accept_ms,
    CASE WHEN u_sup < ${SUPPLEMENTED} THEN 1 + CAST(u_pause * 10 AS INTEGER) ELSE 0 END AS pause_days,
    channel = 'online' OR u_digit < digitised_counter AS digitised
  FROM a
),
c AS (
  SELECT b.*,
    CASE WHEN kind = 'refused' THEN NULL ELSE accept_ms END AS rec_ms,
    CASE WHEN kind = 'refused' THEN 0 ELSE pause_days END AS pauses,
    -- Days from acceptance to the close, without the pause.
    CASE kind
      WHEN 'finished' THEN u_speed * MAX(allowed_days - 0.5, 0) + 0.1
      WHEN 'late' THEN allowed_days + 1 + u_speed * 9
      WHEN 'stuck' THEN allowed_days + 20 + u_speed * 200
      WHEN 'withdrawn' THEN u_speed * allowed_days * 0.8 + 0.2
      ELSE u_speed * allowed_days * 1.3 + 0.2
    END AS work_days
  FROM b
),
d AS (
  SELECT c.*,
    rec_ms + ${day("0.05 + u_accept * 0.05")} AS proc_ms,
    CASE WHEN pauses > 0 THEN rec_ms + ${day("0.15 + work_days * 0.3")} END AS supreq_ms
  FROM c
),
e AS (
  SELECT d.*,
    CASE WHEN pauses > 0 THEN supreq_ms + pauses * ${DAY_MS} END AS supback_ms,
    MAX(rec_ms + ${day("work_days")} + pauses * ${DAY_MS}, COALESCE(supreq_ms + pauses * ${DAY_MS}, proc_ms) + ${day("0.1")}) AS close_at
  FROM d
)
SELECT i, '${HISTORY_ID_PREFIX}' || printf('%012d', i), unit_id, electronic_id, procedure_id,
  'hist-resident-' || CAST(${residents} * u_app * u_app AS INTEGER), 'hist-officer-' || unit_id,
  CASE WHEN channel = 'online' AND u_assist < assisted THEN 'hist-helper-' || unit_id END,
  channel, CASE channel WHEN 'online' THEN fee_online WHEN 'counter' THEN fee_counter ELSE fee_postal END,
  printf('%08x%08x%08x', CAST(u_token * 4294967296 AS INTEGER), CAST(u_jitter * 4294967296 AS INTEGER), CAST(u_ret * 4294967296 AS INTEGER)),
  allowed_days, digitised, digitised AND u_reuse < ${REUSED}, kind IN ('finished', 'late', 'stuck') AND u_eres < e_share,
  kind, pauses, sub_ms,
  CASE WHEN kind = 'refused' THEN accept_ms END, rec_ms,
  CASE WHEN kind <> 'refused' THEN proc_ms END, supreq_ms, supback_ms,
  CASE WHEN kind = 'withdrawn' THEN MAX(close_at - ${day("0.2")}, COALESCE(supback_ms, proc_ms) + ${day("0.05")}) END,
  CASE WHEN kind <> 'refused' THEN close_at END,
  CASE WHEN kind IN ('finished', 'late', 'stuck') THEN close_at + ${day("u_ret * 5")} END,
  ${localDate("sub_ms", "allowed_days")},
  CASE WHEN kind <> 'refused' THEN ${localDate("rec_ms", "allowed_days")} END,
  CASE WHEN kind <> 'refused' THEN ${localDate("rec_ms", "allowed_days + pauses")} END
FROM e`;
}

/**
 * Creates the plan of `count` dossiers over the year before `now` (with the users and lookup tables
 * it refers to), their codes continuing each unit's daily sequence. Nothing is a dossier yet.
 */
export async function planHistory(db: HistoryD1, opts: HistoryOptions) {
  const profiles = unitProfiles(opts);
  const residents = Math.max(1, Math.min(50_000, Math.round(opts.count * 0.4)));
  await insertPeople(db, opts, profiles, residents);
  await insertLookups(db, opts, profiles);
  await db.prepare(`CREATE TABLE history_plan (${PLAN_COLUMNS})`).run();
  const startMs = opts.now.getTime() - YEAR_MS;
  for (let lo = 0; lo < opts.count; lo += CHUNK)
    await db.prepare(planSql(lo, Math.min(opts.count, lo + CHUNK), opts.count, startMs, residents)).run();
  // Codes: the unit's daily sequence in order of submission, after any code already given that day.
  const dayKey = `substr(strftime('%Y%m%d', sub_ms / 1000 + ${LOCAL_OFFSET_S}, 'unixepoch'), 3)`;
  await db
    .prepare("CREATE TABLE history_codes (i INTEGER PRIMARY KEY, unit_id TEXT NOT NULL, day TEXT NOT NULL, seq INTEGER NOT NULL)")
    .run();
  await db
    .prepare(
      `INSERT INTO history_codes (i, unit_id, day, seq)
       SELECT i, unit_id, ${dayKey}, row_number() OVER (PARTITION BY unit_id, ${dayKey} ORDER BY i) FROM history_plan`,
    )
    .run();
  await db
    .prepare(
      `UPDATE history_plan SET code = (
         SELECT history_plan.electronic_id || '-' || c.day || '-' || printf('%04d', c.seq + COALESCE(dc.seq, 0))
         FROM history_codes c LEFT JOIN dossier_counters dc ON dc.unit_id = c.unit_id AND dc.day = c.day
         WHERE c.i = history_plan.i)`,
    )
    .run();
  await db
    .prepare(
      `INSERT INTO dossier_counters (unit_id, day, seq)
       SELECT c.unit_id, c.day, MAX(c.seq) + COALESCE(dc.seq, 0) FROM history_codes c
       LEFT JOIN dossier_counters dc ON dc.unit_id = c.unit_id AND dc.day = c.day
       GROUP BY c.unit_id, c.day
       ON CONFLICT (unit_id, day) DO UPDATE SET seq = excluded.seq`,
    )
    .run();
  // A reused document: the file of the latest earlier dossier held digitally.
  await db
    .prepare(
      `UPDATE history_plan SET reuse_file = (
         SELECT 'hist-file-' || p.i FROM history_plan p WHERE p.i < history_plan.i AND p.digitised ORDER BY p.i DESC LIMIT 1)
       WHERE reused`,
    )
    .run();
  return { residents, units: profiles.length };
}

/** The status at `t` (ms) of a plan row: the status after its latest event at or before `t`. */
const statusAt = (t: number) => `CASE
    WHEN ret_ms <= ${t} THEN 10
    WHEN close_ms <= ${t} THEN CASE kind WHEN 'withdrawn' THEN 7 WHEN 'stopped' THEN 8 ELSE 9 END
    WHEN supback_ms <= ${t} THEN 4
    WHEN supreq_ms <= ${t} THEN 5
    WHEN proc_ms <= ${t} THEN 4
    WHEN rec_ms <= ${t} THEN 2
    WHEN refused_ms <= ${t} THEN 3
    ELSE 1 END`;
/** The instant (ms) of the latest event at or before `t`. */
const lastEventAt = (t: number) => `CASE
    WHEN ret_ms <= ${t} THEN ret_ms
    WHEN close_ms <= ${t} THEN close_ms
    WHEN wreq_ms <= ${t} THEN wreq_ms
    WHEN supback_ms <= ${t} THEN supback_ms
    WHEN supreq_ms <= ${t} THEN supreq_ms
    WHEN proc_ms <= ${t} THEN proc_ms
    WHEN rec_ms <= ${t} THEN rec_ms
    WHEN refused_ms <= ${t} THEN refused_ms
    ELSE sub_ms END`;

/** The seq of the first closing event: after submission (online), acceptance, processing and any supplement round. */
const CLOSING_SEQ = "(CASE WHEN channel = 'online' THEN 3 ELSE 2 END + CASE WHEN pause_days > 0 THEN 2 ELSE 0 END + 1)";

/** The events of the lifecycle: when, its seq, who, the status after it and its data. */
const EVENTS: {
  type: string;
  at: string;
  seq: string;
  actor: "resident" | "staff";
  status: string;
  data: string;
  note?: string;
}[] = [
  {
    type: "submitted",
    at: "CASE WHEN channel = 'online' THEN sub_ms END",
    seq: "1",
    actor: "resident",
    status: "1",
    data: "'{}'",
  },
  {
    type: "refused",
    at: "refused_ms",
    seq: "2",
    actor: "staff",
    status: "3",
    data: "'{}'",
    note: "Hồ sơ không thuộc thẩm quyền giải quyết",
  },
  {
    type: "accepted",
    at: "rec_ms",
    seq: "CASE WHEN channel = 'online' THEN 2 ELSE 1 END",
    actor: "staff",
    status: "2",
    data: `CASE WHEN digitised THEN json_object('dueDate', original_due)
      ELSE json_object('dueDate', original_due, 'paperDocuments', json_array(0)) END`,
  },
  {
    type: "processing",
    at: "proc_ms",
    seq: "CASE WHEN channel = 'online' THEN 3 ELSE 2 END",
    actor: "staff",
    status: "4",
    data: "'{}'",
  },
  {
    type: "supplement_requested",
    at: "supreq_ms",
    seq: "CASE WHEN channel = 'online' THEN 4 ELSE 3 END",
    actor: "staff",
    status: "5",
    data: `json_object('items', json_array('Bản sao giấy tờ còn thiếu'), 'replyBy', ${localDate("supreq_ms", "15")})`,
  },
  {
    type: "supplement_submitted",
    at: "supback_ms",
    seq: "CASE WHEN channel = 'online' THEN 5 ELSE 4 END",
    actor: "resident",
    status: "4",
    data: "json_object('fileIds', json_array(), 'dueDate', due, 'pausedDays', pause_days)",
  },
  {
    type: "withdrawal_requested",
    at: "wreq_ms",
    seq: CLOSING_SEQ,
    actor: "resident",
    status: "4",
    data: "'{}'",
  },
  {
    type: "withdrawn",
    at: "CASE WHEN kind = 'withdrawn' THEN close_ms END",
    seq: `${CLOSING_SEQ} + 1`,
    actor: "staff",
    status: "7",
    data: "'{}'",
  },
  {
    type: "stopped",
    at: "CASE WHEN kind = 'stopped' THEN close_ms END",
    seq: CLOSING_SEQ,
    actor: "staff",
    status: "8",
    data: "'{}'",
    note: "Người nộp không bổ sung hồ sơ đúng hạn",
  },
  {
    type: "finished",
    at: "CASE WHEN kind IN ('finished', 'late', 'stuck') THEN close_ms END",
    seq: CLOSING_SEQ,
    actor: "staff",
    status: "9",
    data: "json_object('fileIds', CASE WHEN e_result THEN json_array('hist-result-' || i) ELSE json_array() END)",
  },
  {
    type: "returned",
    at: "ret_ms",
    seq: `${CLOSING_SEQ} + 1`,
    actor: "staff",
    status: "10",
    data: `json_object('returnChannel', CASE WHEN e_result AND channel = 'online' THEN 'online' WHEN channel = 'postal' THEN 'post' ELSE 'counter' END)`,
  },
];

/**
 * Writes what the plan says happened in (fromMs, toMs]: the dossiers filed by `toMs` (new ones
 * inserted, changed ones updated to their state at `toMs`), the events of the window, their files.
 */
export async function applyHistory(db: HistoryD1, count: number, fromMs: number, toMs: number) {
  const run = (sql: string) => db.prepare(sql).run();
  for (let lo = 0; lo < count; lo += CHUNK) {
    const chunk = `i >= ${lo} AND i < ${Math.min(count, lo + CHUNK)}`;
    const status = statusAt(toMs);
    const at = (ms: string) => `CASE WHEN ${ms} <= ${toMs} THEN ${iso(ms)} END`;
    await run(
      `INSERT INTO dossiers (id, code, province_id, procedure_id, applicant_id, receiving_unit_id, handling_unit_id, status,
         channel, form, fee, tracking_token, vneid_verified, withdrawal_requested, applicant_name, submitted_at, received_at,
         due_date, due_explanation, paused_at, finished_at, returned_at, assisted_by, version, updated_at)
       SELECT p.id, p.code, u.province_id, p.procedure_id, p.applicant_id, p.unit_id, p.unit_id, ${status}, p.channel,
         json_object('fullName', u.display_name, 'phone', u.phone), p.fee, p.token, p.channel = 'online', 
         COALESCE(p.wreq_ms <= ${toMs} AND p.close_ms > ${toMs}, 0), u.display_name, ${iso("p.sub_ms")}, ${at("p.rec_ms")},
         CASE WHEN p.supback_ms <= ${toMs} THEN p.due WHEN p.rec_ms <= ${toMs} THEN p.original_due ELSE p.expected_due END,
         CASE WHEN p.rec_ms <= ${toMs} THEN '' ELSE 'Dự kiến: ' END || 'Thời hạn giải quyết ' || p.allowed_days || ' ngày',
         CASE WHEN ${status} = 5 THEN ${iso("p.supreq_ms")} END,
         CASE WHEN ${status} IN (9, 10) THEN ${iso("p.close_ms")} END,
         ${at("p.ret_ms")}, p.helper_id, 1, ${iso(lastEventAt(toMs))}
       FROM history_plan p JOIN users u ON u.id = p.applicant_id
       WHERE p.${chunk} AND p.sub_ms <= ${toMs} AND ${lastEventAt(toMs)} > ${fromMs}
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, withdrawal_requested = excluded.withdrawal_requested,
         received_at = excluded.received_at, due_date = excluded.due_date, due_explanation = excluded.due_explanation,
         paused_at = excluded.paused_at, finished_at = excluded.finished_at, returned_at = excluded.returned_at,
         updated_at = excluded.updated_at, version = dossiers.version + 1`,
    );
    // Documents held digitally, filed with the dossier; a reused one points at an earlier dossier's file.
    const filed = `${chunk} AND sub_ms > ${fromMs} AND sub_ms <= ${toMs}`;
    await run(
      `INSERT INTO files (id, owner_id, r2_key, name, mime, size, sha256, source, created_at)
       SELECT 'hist-file-' || i, applicant_id, 'history/' || i, 'giay-to.pdf', 'application/pdf', 180000 + i % 90000,
         printf('%064x', i), 'upload', ${iso("sub_ms")}
       FROM history_plan WHERE ${filed} AND digitised`,
    );
    await run(
      `INSERT INTO dossier_documents (dossier_id, doc_index, file_id, round)
       SELECT id, 0, 'hist-file-' || i, 0 FROM history_plan WHERE ${filed} AND digitised
       UNION ALL SELECT id, 1, reuse_file, 0 FROM history_plan WHERE ${filed} AND reuse_file IS NOT NULL`,
    );
    for (const e of EVENTS) {
      const when = `(${e.at})`;
      await run(
        `INSERT INTO dossier_events (dossier_id, seq, type, actor_id, actor_role, at, note, data, status, hash)
         SELECT id, ${e.seq}, '${e.type}', ${e.actor === "staff" ? "officer_id" : "applicant_id"}, '${e.actor}', ${iso(when)},
           ${q(e.note ?? null)}, ${e.data}, ${e.status}, ''
         FROM history_plan WHERE ${chunk} AND ${when} > ${fromMs} AND ${when} <= ${toMs}`,
      );
    }
    // A dossier's version is the number of its last event, so staff can take the next step on it.
    await run(
      `UPDATE dossiers SET version = (SELECT MAX(seq) FROM dossier_events e WHERE e.dossier_id = dossiers.id)
       WHERE id IN (SELECT id FROM history_plan WHERE ${chunk} AND sub_ms <= ${toMs} AND ${lastEventAt(toMs)} > ${fromMs})`,
    );
    // Electronic results: the file the finishing step attached.
    const finished = `${chunk} AND e_result AND close_ms > ${fromMs} AND close_ms <= ${toMs}`;
    await run(
      `INSERT INTO files (id, owner_id, r2_key, name, mime, size, sha256, source, created_at)
       SELECT 'hist-result-' || i, officer_id, 'history/result-' || i, 'ket-qua.pdf', 'application/pdf', 120000 + i % 50000,
         printf('%064x', i + 1000000000), 'result', ${iso("close_ms")}
       FROM history_plan WHERE ${finished}`,
    );
    await run(
      `INSERT INTO event_files (dossier_id, seq, file_id)
       SELECT id, ${CLOSING_SEQ}, 'hist-result-' || i FROM history_plan WHERE ${finished}`,
    );
  }
}

export async function dropHistoryPlan(db: HistoryD1) {
  for (const table of ["history_plan", "history_codes", "history_units", "history_procedures", "history_months"])
    await db.prepare(`DROP TABLE IF EXISTS ${table}`).run();
}

/** Whether the database already holds the synthetic history (seeding is then skipped). */
export async function hasHistory(db: HistoryD1) {
  const { results } = await db.prepare(`SELECT 1 FROM dossiers WHERE id LIKE '${HISTORY_ID_PREFIX}%' LIMIT 1`).all();
  return results.length > 0;
}

/** A year of `count` dossiers up to `now`, written in one go. */
export async function seedHistory(db: HistoryD1, opts: HistoryOptions) {
  await dropHistoryPlan(db);
  const planned = await planHistory(db, opts);
  await applyHistory(db, opts.count, 0, opts.now.getTime());
  await dropHistoryPlan(db);
  return planned;
}
