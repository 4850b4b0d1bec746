// Synthetic dossiers for the staff inbox benchmark (`npm run bench`), generated straight into the
// persisted local D1 before wrangler dev starts: through the HTTP API 100k submissions would take
// far too long. The generator writes one SQL file of multi-row INSERTs (no BEGIN/COMMIT: D1 refuses
// them; each D1 batch is a transaction) that seedBenchDossiers applies through the platform proxy,
// as scripts/seed.ts writes. `wrangler d1 execute DB --local --file` accepts the same file but its
// SQL splitter ran for over 10 minutes on the ~95 MB of 100k dossiers without finishing.
//
// Deterministic (seeded PRNG) apart from "now": dates are relative to the run so that the inbox
// always has new, due-soon and overdue work. The shape follows a commune-heavy province: a quarter
// of all dossiers at Phường An Hòa (the can-bo-phuong persona's unit), a handful of busy wards and
// departments, a long tail; most dossiers closed (9/10), a few percent open, about 2 % overdue.
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { getPlatformProxy } from "wrangler";
import { feeQuote } from "../shared/src/catalogue/fees";
import type { ProcedureInput, Unit } from "../shared/src/catalogue/schemas";
import { dueDate, WEEKENDS_ONLY } from "../shared/src/deadline/due-date";
import { eventHash, GENESIS_HASH } from "../shared/src/dossier/audit";
import type { Channel } from "../shared/src/dossier/channel";
import { dossierDateKey, formatDossierCode } from "../shared/src/dossier/code";
import { inStatusGroup } from "../shared/src/dossier/status";
import { vietnamDate } from "../shared/src/time/vietnam";
import { OTHER_COMMUNE_WEIGHT, personName, pick, prng, type Rnd, UNIT_WEIGHTS, weighted } from "./seed/synthetic";

const hex = (rnd: Rnd, n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join("");
const uuid = (rnd: Rnd) =>
  `${hex(rnd, 8)}-${hex(rnd, 4)}-4${hex(rnd, 3)}-${"89ab"[Math.floor(rnd() * 4)]}${hex(rnd, 3)}-${hex(rnd, 12)}`;
const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const token = (rnd: Rnd) => Array.from({ length: 24 }, () => B64URL[Math.floor(rnd() * 64)]).join("");
const DAY_MS = 86_400_000;
const MAX_STATEMENT_BYTES = 95_000;
/** ~4 MB of SQL per D1 batch. */
const STATEMENTS_PER_BATCH = 40;

/**
 * Status shares. "overdue" is a running clock (2/4/6) whose due date has passed; the other open
 * statuses are recent enough to be on time. Closed dossiers (3, 7, 8, 9, 10) spread over the year.
 */
const STATUS_SHARES: readonly (readonly [number | "overdue", number])[] = [
  [10, 80.5],
  [9, 5],
  [3, 2],
  [7, 1.5],
  [8, 1],
  [1, 1],
  [2, 1.5],
  [4, 3],
  [5, 1.5],
  [6, 0.5],
  ["overdue", 2.5],
];

const STREETS = [
  "Lê Lợi",
  "Trần Hưng Đạo",
  "Nguyễn Huệ",
  "Hai Bà Trưng",
  "Quang Trung",
  "Lý Thường Kiệt",
  "Phan Chu Trinh",
  "Bạch Đằng",
];

const q = (v: string | number | boolean | null) =>
  v === null
    ? "NULL"
    : typeof v === "string"
      ? `'${v.replaceAll("'", "''")}'`
      : typeof v === "boolean"
        ? v
          ? "1"
          : "0"
        : String(v);

export type BenchDossiers = {
  dossiers: number;
  applicants: number;
  byUnit: Record<string, number>;
  byStatus: Record<string, number>;
  byChannel: Record<string, number>;
  overdue: number;
  /** Codes per handling unit, for detail requests in a staff member's scope. */
  codes: Map<string, string[]>;
  /** Applicant name fragments and code prefixes (of `scopeUnitId`) that occur, for search requests. */
  nameFragments: string[];
  codePrefixes: string[];
  /** Names that match thousands in the unit: the commonest surname, with a middle name, a prefix. */
  commonNames: string[];
  /** Phone and citizen-id digits of applicants in the unit, typed as officers do: last digits, a spaced prefix. */
  phoneDigits: string[];
};

type Row = {
  id: string;
  unit: Unit;
  procedure: ProcedureInput & { id: number };
  applicant: { id: string; name: string; phone: string; citizenId: string };
  status: number;
  channel: Channel;
  submittedAt: Date;
  code?: string;
};

/**
 * Writes `count` dossiers (with a pool of resident applicants, one "submitted" event each and the
 * matching per-unit daily counters) as SQL to `file`. `procedureIds` maps the sample province's
 * procedure codes to their row ids in the target database.
 */
export async function writeDossierSql(
  file: string,
  opts: {
    count: number;
    provinceId: string;
    scopeUnitId: string;
    units: readonly Unit[];
    procedures: readonly ProcedureInput[];
    procedureIds: ReadonlyMap<string, number>;
    auditKey: string;
    now?: Date;
    seed?: number;
  },
): Promise<BenchDossiers> {
  const rnd = prng(opts.seed ?? 20260701);
  const now = opts.now ?? new Date();
  const today = vietnamDate(now);
  const published = opts.procedures
    .filter((p) => p.status === "published" && opts.procedureIds.has(p.code))
    .map((p) => ({ ...p, id: opts.procedureIds.get(p.code)! }));
  const communeProcedures = published.filter((p) => p.unitLevel === "commune");
  const proceduresOf = (unit: Unit) =>
    unit.kind === "commune" ? communeProcedures : published.filter((p) => p.competentUnitId === unit.id);
  const unitChoices = opts.units
    .filter((u) => proceduresOf(u).length > 0)
    .map((u) => [u, UNIT_WEIGHTS[u.id] ?? (u.kind === "commune" ? OTHER_COMMUNE_WEIGHT : 0)] as const)
    .filter(([, w]) => w > 0);
  const procedureChoices = new Map(unitChoices.map(([u]) => [u.id, proceduresOf(u).map((p) => [p, p.popularity + 20] as const)]));

  // A pool of residents, some of whom file many times (households, small businesses).
  const applicantCount = Math.max(1, Math.round(opts.count * 0.4));
  const applicants = Array.from({ length: applicantCount }, (_, i) => ({
    id: `bench-resident-${String(i).padStart(6, "0")}`,
    name: personName(rnd),
    phone: `09${String(Math.floor(rnd() * 1e8)).padStart(8, "0")}`,
    citizenId: `0${String(Math.floor(rnd() * 1e11)).padStart(11, "0")}`,
  }));

  const rows: Row[] = [];
  for (let i = 0; i < opts.count; i++) {
    const unit = weighted(rnd, unitChoices);
    const procedure = weighted(rnd, procedureChoices.get(unit.id)!);
    const drawn = weighted(rnd, STATUS_SHARES);
    const overdue = drawn === "overdue";
    const status = overdue
      ? weighted(rnd, [
          [2, 1],
          [4, 8],
          [6, 1],
        ] as const)
      : drawn;
    const applicant = applicants[Math.floor(applicantCount * rnd() ** 1.3)]!;
    // Counter and postal intake is accepted on the spot, so "Mới đăng ký" is online only.
    const channel =
      status === 1
        ? "online"
        : weighted(rnd, [
            ["online", 55],
            ["counter", 40],
            ["postal", 5],
          ] as const);
    // The calendar days a dossier submitted now would take, to place open ones before or after their due date.
    const span = Math.max(
      0,
      Math.round((Date.parse(dueDate(now, procedure.processingTime, WEEKENDS_ONLY).date) - Date.parse(today)) / DAY_MS),
    );
    let ageDays: number;
    if (status === 1) ageDays = rnd() * 2;
    else if (overdue) ageDays = span + 3 + rnd() ** 2 * 60;
    else if (inStatusGroup("clockRunning", status)) ageDays = rnd() * span;
    else if (status === 5) ageDays = 1 + rnd() * 45;
    else ageDays = span + 2 + rnd() * (365 - span - 2);
    // Office hours at the counter; online around the clock, mostly by day (local time, UTC+7).
    const local = new Date(now.getTime() - ageDays * DAY_MS);
    const hour = channel === "online" ? 6 + Math.floor(rnd() * 17) : 7 + Math.floor(rnd() * 10);
    const submittedAt = new Date(
      Date.UTC(
        local.getUTCFullYear(),
        local.getUTCMonth(),
        local.getUTCDate(),
        hour - 7,
        Math.floor(rnd() * 60),
        Math.floor(rnd() * 60),
      ),
    );
    rows.push({ id: uuid(rnd), unit, procedure, applicant, status, channel, submittedAt: submittedAt > now ? now : submittedAt });
  }

  // Codes: the receiving unit's daily sequence in order of submission (receiving = handling here).
  rows.sort((a, b) =>
    a.unit.id < b.unit.id ? -1 : a.unit.id > b.unit.id ? 1 : a.submittedAt.getTime() - b.submittedAt.getTime(),
  );
  const counters = new Map<string, { unitId: string; day: string; seq: number }>();
  for (const r of rows) {
    const day = dossierDateKey(r.submittedAt);
    const key = `${r.unit.id}|${day}`;
    const counter = counters.get(key) ?? { unitId: r.unit.id, day, seq: 0 };
    counter.seq++;
    counters.set(key, counter);
    r.code = formatDossierCode(r.unit.electronicId, day, counter.seq);
  }

  const out = createWriteStream(file);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, "drain");
  };
  // D1 caps a statement at 100 kB (SQLITE_MAX_SQL_LENGTH), so rows go in as many statements as needed.
  const inserts = async <T>(head: string, items: readonly T[], values: (item: T) => Promise<string> | string) => {
    let chunk: string[] = [];
    let bytes = 0;
    const flush = async () => {
      if (chunk.length > 0) await write(`${head} VALUES\n${chunk.join(",\n")};\n`);
      chunk = [];
      bytes = head.length;
    };
    await flush();
    for (const item of items) {
      const row = await values(item);
      const size = Buffer.byteLength(row) + 2;
      if (bytes + size > MAX_STATEMENT_BYTES) await flush();
      chunk.push(row);
      bytes += size;
    }
    await flush();
  };

  await inserts(
    "INSERT INTO users (id, province_id, role, display_name, phone, created_at)",
    applicants,
    (a) =>
      `(${[a.id, opts.provinceId, "resident", a.name, a.phone, new Date(now.getTime() - 400 * DAY_MS).toISOString()].map(q).join(", ")})`,
  );

  const byStatus: Record<string, number> = {};
  const byChannel: Record<string, number> = {};
  const byUnit: Record<string, number> = {};
  const codes = new Map<string, string[]>();
  let overdueCount = 0;
  const columns =
    "id, code, province_id, procedure_id, applicant_id, receiving_unit_id, handling_unit_id, status, channel, form, fee, tracking_token, vneid_verified, withdrawal_requested, applicant_name, submitted_at, received_at, due_date, due_explanation, promised_date, paused_at, finished_at, returned_at, version, updated_at, attention_seq";
  await inserts(`INSERT INTO dossiers (${columns})`, rows, (r) => {
    const p = r.procedure;
    const at = r.submittedAt;
    const plusDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY_MS);
    // Online dossiers wait up to a working day for acceptance; counter and postal intake is immediate.
    const received =
      r.status === 1 || r.status === 3 || (r.status === 7 && rnd() < 0.5)
        ? null
        : r.channel === "online"
          ? plusDays(at, rnd() * 1.2)
          : at;
    const due = dueDate(received ?? at, p.processingTime, WEEKENDS_ONLY);
    const closedAt = (from: Date) => {
      const dueAt = Date.parse(`${due.date}T10:00:00Z`);
      // About 95 % on time.
      const end = rnd() < 0.95 ? from.getTime() + rnd() * Math.max(0, dueAt - from.getTime()) : dueAt + rnd() * 10 * DAY_MS;
      return new Date(Math.min(end, now.getTime()));
    };
    const finished =
      r.status === 9 || r.status === 10 ? closedAt(received ?? at) : r.status === 8 ? closedAt(received ?? at) : null;
    const returned =
      r.status === 10 && finished ? new Date(Math.min(finished.getTime() + rnd() * 5 * DAY_MS, now.getTime())) : null;
    const paused =
      r.status === 5
        ? plusDays(received ?? at, rnd() * Math.max(0, (now.getTime() - (received ?? at).getTime()) / DAY_MS))
        : null;
    const fee = feeQuote(p.fees, r.channel, at);
    const form = {
      fullName: r.applicant.name,
      citizenId: r.applicant.citizenId,
      phone: r.applicant.phone,
      address: `${1 + Math.floor(rnd() * 300)} ${pick(rnd, STREETS)}, ${r.unit.name}`,
    };
    const explanation = received ? due.explanation : `Dự kiến: ${due.explanation}`;
    const updated = returned ?? finished ?? paused ?? received ?? at;
    byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    byChannel[r.channel] = (byChannel[r.channel] ?? 0) + 1;
    byUnit[r.unit.id] = (byUnit[r.unit.id] ?? 0) + 1;
    if (inStatusGroup("clockRunning", r.status) && due.date < today) overdueCount++;
    const list = codes.get(r.unit.id) ?? [];
    list.push(r.code!);
    codes.set(r.unit.id, list);
    return `(${[
      r.id,
      r.code!,
      opts.provinceId,
      p.id,
      r.applicant.id,
      r.unit.id,
      r.unit.id,
      r.status,
      r.channel,
      JSON.stringify(form),
      JSON.stringify(fee),
      token(rnd),
      rnd() < 0.3,
      false,
      r.applicant.name,
      at.toISOString(),
      received?.toISOString() ?? null,
      due.date,
      explanation,
      null,
      paused?.toISOString() ?? null,
      finished?.toISOString() ?? null,
      returned?.toISOString() ?? null,
      1,
      updated.toISOString(),
      // About a quarter of the dossiers in processing have something new for officers (the inbox's
      // "Có cập nhật mới"); from the id, so the random stream and every other figure stay as before.
      r.status === 4 && r.id < "4" ? 1 : 0,
    ]
      .map(q)
      .join(", ")})`;
  });

  // One "submitted" event per dossier (seq 1, status 1), hashed like the worker does. The chain is
  // valid for that single event but says nothing of the later steps: a closed dossier here has no
  // accepted/finished events, so the audit report of a seeded dossier means nothing. Fine for timing.
  await inserts(
    "INSERT INTO dossier_events (dossier_id, seq, type, actor_id, actor_role, at, note, data, status, hash)",
    rows,
    async (r) => {
      const event = {
        seq: 1,
        type: "submitted",
        actorId: r.applicant.id,
        actorRole: "resident",
        at: r.submittedAt.toISOString(),
        note: null,
        data: {},
        status: 1,
      };
      return `(${[r.id, 1, event.type, event.actorId, event.actorRole, event.at, null, "{}", 1, await eventHash(opts.auditKey, GENESIS_HASH, event)].map(q).join(", ")})`;
    },
  );

  // So that a real submission today continues the sequence instead of colliding with a seeded code.
  await inserts(
    "INSERT INTO dossier_counters (unit_id, day, seq)",
    [...counters.values()],
    (c) => `(${[c.unitId, c.day, c.seq].map(q).join(", ")})`,
  );
  out.end();
  await once(out, "finish");

  const sample = prng(7);
  const inScope = rows.filter((r) => r.unit.id === opts.scopeUnitId);
  const nameFragments = Array.from({ length: 8 }, (_, i) => {
    const parts = inScope[Math.floor(sample() * inScope.length)]!.applicant.name.split(" ");
    // Surname + middle name, middle + given name, a full name, a given name alone.
    return [parts.slice(0, 2), parts.slice(1), parts, parts.slice(-1)][i % 4]!.join(" ");
  });
  const phoneDigits = Array.from({ length: 8 }, (_, i) => {
    const a = inScope[Math.floor(sample() * inScope.length)]!.applicant;
    // The last 4 and 6 digits of the phone, its first 7 typed with a space, the citizen id's last 6.
    return [a.phone.slice(-4), a.phone.slice(-6), `${a.phone.slice(0, 4)} ${a.phone.slice(4, 7)}`, a.citizenId.slice(-6)][i % 4]!;
  });
  const commonNames = ["Nguyễn", "nguyen thi", "Ng", "trần văn"];
  const ymd = today.slice(2).replaceAll("-", "");
  const electronicId = (id: string) => opts.units.find((u) => u.id === id)!.electronicId;
  const prefix = electronicId(opts.scopeUnitId);
  // This month, today, this year: from a few dozen matches to most of the unit.
  const codePrefixes = [`${prefix}-${ymd.slice(0, 4)}`, `${prefix}-${ymd}`, `${prefix}-${ymd.slice(0, 2)}`];
  return {
    dossiers: opts.count,
    applicants: applicantCount,
    byUnit,
    byStatus,
    byChannel,
    overdue: overdueCount,
    codes,
    nameFragments,
    codePrefixes,
    commonNames,
    phoneDigits,
  };
}

/** The part of the D1 binding used here (the tools' tsconfig has no Workers types). */
type MinimalD1 = {
  prepare(sql: string): { all<T>(): Promise<{ results: T[] }> };
  batch(statements: unknown[]): Promise<unknown>;
};

/**
 * Generates `count` dossiers into `<persistTo>/dossiers.sql` and applies the file to the persisted
 * local D1 through the platform proxy's D1 binding, 40 statements per D1 batch (one transaction
 * each). No SQL splitter is needed: every statement ends its last line with ";" and no value holds
 * a line break.
 */
export async function seedBenchDossiers(
  persistTo: string,
  opts: { count: number; provinceId: string; scopeUnitId: string; units: readonly Unit[]; procedures: readonly ProcedureInput[] },
) {
  const file = `${persistTo}/dossiers.sql`;
  const proxy = await getPlatformProxy<{ DB: MinimalD1; AUDIT_SECRET: string }>({
    configPath: "worker/wrangler.jsonc",
    persist: { path: `${persistTo}/v3` },
  });
  try {
    const db = proxy.env.DB;
    const { results } = await db
      .prepare(`SELECT id, code FROM procedures WHERE province_id = ${q(opts.provinceId)} AND status = 'published'`)
      .all<{ id: number; code: string }>();
    let start = Date.now();
    const seeded = await writeDossierSql(file, {
      ...opts,
      auditKey: proxy.env.AUDIT_SECRET,
      procedureIds: new Map(results.map((r) => [r.code, r.id])),
    });
    const generateSeconds = (Date.now() - start) / 1000;
    start = Date.now();
    const statements = (await readFile(file, "utf8")).split(";\n").filter((s) => s.trim() !== "");
    for (let i = 0; i < statements.length; i += STATEMENTS_PER_BATCH) {
      await db.batch(statements.slice(i, i + STATEMENTS_PER_BATCH).map((s) => db.prepare(s)));
    }
    return {
      ...seeded,
      sqlFile: file,
      statements: statements.length,
      generateSeconds,
      applySeconds: (Date.now() - start) / 1000,
    };
  } finally {
    await proxy.dispose();
  }
}
