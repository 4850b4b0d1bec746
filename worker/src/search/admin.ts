import type {
  AdminLifeEvent,
  AdminPaperReplacement,
  AdminSynonym,
  LifeEventBody,
  PaperReplacementBody,
  SynonymBody,
  SynonymInput,
} from "../../../shared/src/admin/search";
import { searchTokens } from "../../../shared/src/text/fold";
import type { Db } from "../db/client";
import {
  adminLifeEvents,
  adminPaperReplacements,
  adminSynonyms,
  deleteLifeEvent,
  deletePaperReplacement,
  deleteSynonym,
  insertSynonym,
  saveLifeEvents,
  savePaperReplacements,
  unknownProcedureCodes,
  updateSynonym,
} from "../db/repo/life-events";
import type { AuthUser } from "../db/repo/users";
import { ApiError, conflict, invalidField, notFound } from "../lib/errors";

/**
 * The back office's edits of what leads residents' searches. Procedure codes are checked against
 * the province's catalogue (a code it has no version of is a 400 naming the step); a code whose
 * procedure is not published yet is accepted and stays out of residents' sight until it is.
 */

async function checkCodes(db: Db, provinceId: string, codes: { path: string; code: string }[]) {
  const unknown = new Set(
    await unknownProcedureCodes(
      db,
      provinceId,
      codes.map((c) => c.code),
    ),
  );
  const details = codes
    .filter((c) => unknown.has(c.code))
    .map((c) => ({ path: c.path, message: `Danh mục của tỉnh không có thủ tục mã ${c.code}` }));
  if (details.length > 0) throw new ApiError(400, "validation_failed", "Có mã thủ tục không có trong danh mục.", details);
}

const writer = (admin: AuthUser, reason: string) => ({ actorId: admin.id, reason });

export async function putLifeEvent(db: Db, admin: AuthUser, slug: string, body: LifeEventBody): Promise<AdminLifeEvent> {
  if (body.event.slug !== slug) throw invalidField("event.slug", "Mã sự kiện phải trùng với đường dẫn");
  await checkCodes(
    db,
    admin.provinceId,
    body.event.steps.map((s, i) => ({ path: `event.steps.${i}.code`, code: s.code })),
  );
  const [before] = await adminLifeEvents(db, admin.provinceId, slug);
  await saveLifeEvents(db, admin.provinceId, [body.event], writer(admin, body.reason), before ? { [slug]: before } : {});
  return (await adminLifeEvents(db, admin.provinceId, slug))[0]!;
}

export async function removeLifeEvent(db: Db, admin: AuthUser, slug: string, reason: string) {
  const [before] = await adminLifeEvents(db, admin.provinceId, slug);
  if (!before) throw notFound("Không tìm thấy sự kiện này.");
  await deleteLifeEvent(db, admin.provinceId, slug, writer(admin, reason), before);
}

export async function putPaperReplacement(
  db: Db,
  admin: AuthUser,
  slug: string,
  body: PaperReplacementBody,
): Promise<AdminPaperReplacement> {
  if (body.replacement.slug !== slug) throw invalidField("replacement.slug", "Mã giấy tờ phải trùng với đường dẫn");
  const code = body.replacement.procedureCode;
  if (code) await checkCodes(db, admin.provinceId, [{ path: "replacement.procedureCode", code }]);
  const [before] = await adminPaperReplacements(db, admin.provinceId, slug);
  await savePaperReplacements(
    db,
    admin.provinceId,
    [body.replacement],
    writer(admin, body.reason),
    before ? { [slug]: before } : {},
  );
  return (await adminPaperReplacements(db, admin.provinceId, slug))[0]!;
}

export async function removePaperReplacement(db: Db, admin: AuthUser, slug: string, reason: string) {
  const [before] = await adminPaperReplacements(db, admin.provinceId, slug);
  if (!before) throw notFound("Không tìm thấy giấy tờ này.");
  await deletePaperReplacement(db, admin.provinceId, slug, writer(admin, reason), before);
}

/** A key already used by another synonym of the province (compared folded) is a 409 naming it. */
async function checkKeysFree(db: Db, provinceId: string, synonym: SynonymInput, exceptId?: number) {
  const folded = (t: string) => searchTokens(t).join(" ");
  const taken = new Map<string, AdminSynonym>();
  for (const s of await adminSynonyms(db, provinceId)) if (s.id !== exceptId) for (const k of s.keys) taken.set(folded(k), s);
  const clashes = synonym.keys.flatMap((k) => {
    const other = taken.get(folded(k));
    return other ? [{ key: k, synonymId: other.id }] : [];
  });
  if (clashes.length > 0)
    throw conflict(`Cụm từ "${clashes[0]!.key}" đã có trong một từ đồng nghĩa khác; hãy sửa từ đồng nghĩa đó.`, clashes);
  const keys = synonym.keys.map(folded);
  const twice = keys.findIndex((k, i) => keys.indexOf(k) !== i);
  if (twice >= 0) throw invalidField(`synonym.keys.${twice}`, `Cụm từ "${synonym.keys[twice]}" bị trùng`);
}

export async function addSynonym(db: Db, admin: AuthUser, body: SynonymBody): Promise<AdminSynonym> {
  await checkKeysFree(db, admin.provinceId, body.synonym);
  const id = await insertSynonym(db, admin.provinceId, body.synonym, writer(admin, body.reason), body.fromUnmatched);
  return (await adminSynonyms(db, admin.provinceId, id))[0]!;
}

export async function changeSynonym(db: Db, admin: AuthUser, id: number, body: SynonymBody): Promise<AdminSynonym> {
  const [before] = await adminSynonyms(db, admin.provinceId, id);
  if (!before) throw notFound("Không tìm thấy từ đồng nghĩa này.");
  await checkKeysFree(db, admin.provinceId, body.synonym, id);
  await updateSynonym(db, admin.provinceId, id, body.synonym, writer(admin, body.reason), before);
  return (await adminSynonyms(db, admin.provinceId, id))[0]!;
}

export async function removeSynonym(db: Db, admin: AuthUser, id: number, reason: string) {
  const [before] = await adminSynonyms(db, admin.provinceId, id);
  if (!before) throw notFound("Không tìm thấy từ đồng nghĩa này.");
  await deleteSynonym(db, admin.provinceId, id, writer(admin, reason), before);
}

/** A date range in Vietnam as instants. */
export function vietnamRange(from?: string, to?: string) {
  return {
    from: from ? new Date(`${from}T00:00:00.000+07:00`).toISOString() : undefined,
    to: to ? new Date(`${to}T23:59:59.999+07:00`).toISOString() : undefined,
  };
}
