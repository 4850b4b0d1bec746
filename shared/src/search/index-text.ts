import type { ProcedureInput } from "../catalogue/schemas";
import { foldForIndex } from "../text/fold";

/** The folded texts a procedure is indexed under: name, colloquial aliases, and everything else. */
export function procedureSearchText(
  p: Pick<ProcedureInput, "name" | "aliases" | "agency" | "summary" | "documents">,
  fieldName: string,
) {
  return {
    searchName: foldForIndex(p.name),
    searchAliases: foldForIndex(p.aliases.join(" ")),
    searchBody: foldForIndex(
      [fieldName, p.agency, p.summary, ...p.documents.map((d) => `${d.name} ${d.template ?? ""}`)].join(" "),
    ),
  };
}
