import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ProvinceCatalogue } from "../../shared/src/catalogue/province-catalogue";

/** The illustrative sample province, Tỉnh An Hòa (see its README.md). */
export const SAMPLE_PROVINCE_DIR = fileURLToPath(new URL("./an-hoa", import.meta.url));

/**
 * Reads a catalogue directory: province.json, units.json, fields.json, procedures/<code>.json
 * (one procedure each), calendar/<year>.json (that year's published days), and when present
 * life-events.json and paper-replacements.json. Throws with every
 * problem found, each naming its file, unless the whole catalogue is valid.
 */
export function readCatalogue(dir = SAMPLE_PROVINCE_DIR): ProvinceCatalogue {
  const problems: string[] = [];
  const read = (file: string): unknown => {
    try {
      return JSON.parse(readFileSync(join(dir, file), "utf8"));
    } catch (error) {
      problems.push(`${file}: ${(error as Error).message}`);
      return undefined;
    }
  };
  const jsonFiles = (folder: string, name: RegExp) =>
    readdirSync(join(dir, folder))
      .sort()
      .filter((file) => name.test(file) || !problems.push(`${folder}/${file}: expected a name like ${name.source}`))
      .map((file) => `${folder}/${file}`);

  const procedureFiles = jsonFiles("procedures", /^[^/]+\.json$/);
  const calendarFiles = jsonFiles("calendar", /^\d{4}\.json$/);
  const calendarYears = calendarFiles.map((file) => {
    const days = read(file);
    return { file, days: Array.isArray(days) ? days : [days] };
  });
  // Where each day came from, to name the file of an invalid one.
  const dayFiles = calendarYears.flatMap(({ file, days }) => days.map(() => file));
  const raw = {
    province: read("province.json"),
    units: read("units.json"),
    fields: read("fields.json"),
    procedures: procedureFiles.map(read),
    calendar: calendarYears.flatMap(({ days }) => days),
    lifeEvents: existsSync(join(dir, "life-events.json")) ? read("life-events.json") : [],
    paperReplacements: existsSync(join(dir, "paper-replacements.json")) ? read("paper-replacements.json") : [],
  };
  const fail = () => new Error(`The catalogue in ${dir} is not valid:\n${problems.join("\n")}`);
  if (problems.length > 0) throw fail();

  const parsed = ProvinceCatalogue.safeParse(raw);
  if (!parsed.success) {
    const locate = ([part, index, ...rest]: PropertyKey[]): [string | undefined, PropertyKey[]] => {
      if (part === "procedures" || part === "calendar") {
        if (typeof index !== "number") return [`${part}/`, rest];
        return [part === "procedures" ? procedureFiles[index] : dayFiles[index], rest];
      }
      if (part === "lifeEvents" || part === "paperReplacements") {
        const file = part === "lifeEvents" ? "life-events.json" : "paper-replacements.json";
        return [file, index === undefined ? [] : [index, ...rest]];
      }
      return [`${String(part)}.json`, index === undefined ? [] : [index, ...rest]];
    };
    for (const { path, message } of parsed.error.issues) {
      const [file, at] = locate(path);
      problems.push(`${file}${at.length > 0 ? ` (${at.join(".")})` : ""}: ${message}`);
    }
    throw fail();
  }
  const catalogue = parsed.data;
  catalogue.procedures.forEach((p, i) => {
    if (procedureFiles[i] !== `procedures/${p.code}.json`) problems.push(`${procedureFiles[i]}: should be named ${p.code}.json`);
  });
  catalogue.calendar.forEach((day, i) => {
    if (dayFiles[i] !== `calendar/${day.date.slice(0, 4)}.json`) problems.push(`${dayFiles[i]}: ${day.date} is another year`);
  });
  if (problems.length > 0) throw fail();
  return catalogue;
}
