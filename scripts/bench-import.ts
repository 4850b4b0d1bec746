import type { ImportResult } from "../shared/src/admin/exchange";
import type { Session } from "../shared/src/auth/api";
import { casesFromColumns, feeTermsOf } from "../shared/src/catalogue/cases";
import { toNational } from "../shared/src/catalogue/national";
import type { ProvinceCatalogue } from "../shared/src/catalogue/province-catalogue";
import { syntheticProcedures } from "./seed/synthetic";

export const IMPORT_PROCEDURES = 2000;

/**
 * One call of `POST /api/admin/catalogue/import` with 2,000 synthetic procedures in the national
 * shape, as new codes (9.2xxxxxx, beside the seeded 9.1xxxxxx), imported as drafts by the admin.
 */
export async function benchImport(api: string, { province, fields, units }: ProvinceCatalogue) {
  const fieldName = new Map(fields.map((f) => [f.id, f.name]));
  const records = syntheticProcedures(IMPORT_PROCEDURES, fields, units, 20261202).map((p, i) =>
    toNational(
      {
        ...p,
        code: `9.${2_000_000 + i}`,
        status: "draft",
        cases: casesFromColumns(p),
        decisions: [],
        result: "",
        requirements: "",
        requiresVneid: false,
        externalSystem: null,
        feeTerms: feeTermsOf(p.fees),
      },
      fieldName.get(p.fieldId) ?? "",
    ),
  );
  const signIn = await fetch(`${api}/api/auth/dev`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ persona: "quan-tri-tinh" }),
  });
  const { accessToken } = (await signIn.json()) as Session;
  const body = JSON.stringify({ reason: "Đo thời gian nhập danh mục", procedures: records });
  const start = performance.now();
  const res = await fetch(`${api}/api/admin/catalogue/import`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${accessToken}` },
    body,
  });
  const ms = Math.round(performance.now() - start);
  if (!res.ok) throw new Error(`import: ${res.status} ${(await res.text()).slice(0, 500)}`);
  const result = (await res.json()) as ImportResult;
  return { procedures: IMPORT_PROCEDURES, bytes: body.length, ms, written: result.written, province: province.id };
}
