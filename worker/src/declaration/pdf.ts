import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";
import { formatDate, formatDateLine } from "../../../shared/src/format/vi";

/** What a declaration shows, already as text: the eForm's lines come from `formLines`. */
export type DeclarationContent = {
  /** The required document it stands for, e.g. "Tờ khai đăng ký khai tử". */
  title: string;
  /** Its official form number, e.g. "CT01". */
  template?: string | undefined;
  /** The unit the dossier is filed with ("Kính gửi"). */
  addressee: string;
  /** Where it is dated, e.g. "Phường An Hòa". */
  place: string;
  /** When it was declared (the submission); shown in Vietnam's time zone. */
  at: Date;
  applicantName: string;
  /** How the applicant declared it, under the signature title, e.g. "Đã khai và nộp trực tuyến". */
  declaredHow: string;
  lines: readonly { label: string; value: string }[];
};

/** The two faces of the embedded font, as TrueType bytes. */
export type DeclarationFonts = { regular: Uint8Array | ArrayBuffer; bold: Uint8Array | ArrayBuffer };

// A4 in points, with the margins of Decree 30/2020 on administrative documents (top and bottom
// 20 mm, left 30 mm, right 15 mm).
const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGIN = { top: 57, bottom: 57, left: 85, right: 43 } as const;
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const SIZE = 13;
const LEADING = 18;
const FOOTER_SIZE = 9;
const INK = rgb(0, 0, 0);

export const PLEDGE =
  "Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về lời khai của mình.";

type Face = { font: PDFFont; chars: ReadonlySet<number>; advance: Map<string, number> };

/**
 * Width in points of a line at `size`. pdf-lib draws glyphs by their advance widths alone (no kerning),
 * so the sum of each letter's width is exact; measuring letter by letter from a cache saves a full
 * shaping pass over the growing line for every word the wrapping tries.
 */
function widthOf(face: Face, text: string, size: number): number {
  let units = 0;
  for (const ch of text) {
    let w = face.advance.get(ch);
    if (w === undefined) {
      w = face.font.widthOfTextAtSize(ch, 1000);
      face.advance.set(ch, w);
    }
    units += w;
  }
  return (units * size) / 1000;
}

/** NFC (one glyph per Vietnamese letter), no control characters, and "?" for what the font cannot draw. */
function drawable(face: Face, text: string): string {
  return [...text.normalize("NFC").replace(/\t/g, " ")]
    .filter((ch) => ch === "\n" || ch.codePointAt(0)! >= 0x20)
    .map((ch) => (ch === "\n" || face.chars.has(ch.codePointAt(0)!) ? ch : "?"))
    .join("");
}

/** Breaks text into lines of at most `width` points: at spaces, and inside a word longer than a line. */
export function wrapText(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(" ").filter((w) => w !== "")) {
      const joined = line ? `${line} ${word}` : word;
      if (measure(joined) <= width) {
        line = joined;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (measure(rest) > width) {
        const chars = [...rest];
        let fit = 1;
        while (fit < chars.length && measure(chars.slice(0, fit + 1).join("")) <= width) fit++;
        lines.push(chars.slice(0, fit).join(""));
        rest = chars.slice(fit).join("");
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** Writes lines top-down, starting a new page when the next block does not fit. */
class Writer {
  readonly pages: PDFPage[] = [];
  private y = 0;

  constructor(
    private readonly doc: PDFDocument,
    readonly regular: Face,
    readonly bold: Face,
  ) {
    this.newPage();
  }

  private newPage() {
    this.pages.push(this.doc.addPage([PAGE.width, PAGE.height]));
    this.y = PAGE.height - MARGIN.top;
  }

  private get page() {
    return this.pages.at(-1)!;
  }

  /** Keeps the next `lines` lines together on one page. */
  keep(lines: number) {
    if (this.y - lines * LEADING < MARGIN.bottom) this.newPage();
  }

  gap(lines = 0.5) {
    this.y -= lines * LEADING;
  }

  /**
   * One paragraph, wrapped to `width`, aligned left or centred on `centre`; returns the widest line.
   */
  text(
    raw: string,
    opts: { face?: Face; size?: number; align?: "left" | "centre"; centre?: number; width?: number } = {},
  ): number {
    const face = opts.face ?? this.regular;
    const size = opts.size ?? SIZE;
    const width = opts.width ?? WIDTH;
    const measure = (s: string) => widthOf(face, s, size);
    let widest = 0;
    for (const line of wrapText(drawable(face, raw), width, measure)) {
      if (this.y - LEADING < MARGIN.bottom) this.newPage();
      this.y -= LEADING;
      const w = measure(line);
      widest = Math.max(widest, w);
      const x = opts.align === "centre" ? (opts.centre ?? MARGIN.left + WIDTH / 2) - w / 2 : MARGIN.left;
      if (line) this.page.drawText(line, { x, y: this.y, size, font: face.font, color: INK });
    }
    return widest;
  }

  rule(centre: number, width: number) {
    const y = this.y - 4;
    this.page.drawLine({ start: { x: centre - width / 2, y }, end: { x: centre + width / 2, y }, thickness: 0.6, color: INK });
    this.y -= 6;
  }

  footer(note: string) {
    const measure = (s: string) => widthOf(this.regular, s, FOOTER_SIZE);
    this.pages.forEach((page, i) => {
      const text = drawable(this.regular, `${note} · Trang ${i + 1}/${this.pages.length}`);
      const x = MARGIN.left + (WIDTH - measure(text)) / 2;
      page.drawText(text, { x, y: MARGIN.bottom / 2, size: FOOTER_SIZE, font: this.regular.font, color: INK });
    });
  }
}

async function embed(doc: PDFDocument, bytes: Uint8Array | ArrayBuffer): Promise<Face> {
  // Ligatures off: every letter stays its own glyph, so the text is copied and searched as typed.
  const font = await doc.embedFont(bytes, { subset: true, features: { liga: false } });
  return { font, chars: new Set(font.getCharacterSet()), advance: new Map() };
}

/**
 * The render running in this isolate, if any. fontkit's subsetting streams through a tick queue
 * shared by the whole module, so two requests rendering at once would settle each other's promises,
 * and the Workers runtime cancels a request whose promise another request settles as hung.
 */
let rendering: Promise<unknown> = Promise.resolve();

/**
 * The official declaration as a PDF: the national heading, the form's title, "Kính gửi", every eForm
 * field as "label: value", the pledge, the place and date line and the applicant's name; long values
 * wrap and the text runs onto further pages. The font is embedded as a subset of the glyphs used.
 * Renders run one at a time per isolate (see `rendering`).
 */
export function renderDeclaration(content: DeclarationContent, fonts: DeclarationFonts): Promise<Uint8Array> {
  const run = rendering.then(() => render(content, fonts));
  rendering = run.catch(() => undefined);
  return run;
}

async function render(content: DeclarationContent, fonts: DeclarationFonts): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const [regular, bold] = [await embed(doc, fonts.regular), await embed(doc, fonts.bold)];
  const w = new Writer(doc, regular, bold);
  const centre = MARGIN.left + WIDTH / 2;

  w.text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { face: bold, align: "centre" });
  const motto = w.text("Độc lập - Tự do - Hạnh phúc", { face: bold, align: "centre" });
  w.rule(centre, motto);
  w.gap(1);
  w.text(content.title.toLocaleUpperCase("vi"), { face: bold, size: 14, align: "centre" });
  if (content.template) w.text(`(Mẫu ${content.template})`, { align: "centre" });
  w.gap();
  w.text(`Kính gửi: ${content.addressee}`, { align: "centre" });
  w.gap();
  for (const { label, value } of content.lines) w.text(value ? `${label}: ${value}` : `${label}:`);
  w.gap();
  w.text(PLEDGE);
  w.gap();

  // The place and date, the signature's title and the name stay together in the right half.
  w.keep(5);
  const right = { align: "centre" as const, centre: MARGIN.left + (WIDTH * 3) / 4, width: WIDTH / 2 + 40 };
  w.text(`${content.place}, ${formatDateLine(content.at)}`, right);
  w.text("NGƯỜI KHAI", { ...right, face: bold });
  w.text(`(${content.declaredHow})`, right);
  w.gap();
  w.text(content.applicantName, { ...right, face: bold });

  w.footer(`Lập tự động từ biểu mẫu điện tử của hồ sơ ngày ${formatDate(content.at)}`);

  doc.setTitle(content.title, { showInWindowTitleBar: true });
  doc.setAuthor(content.applicantName);
  doc.setSubject(`Kính gửi: ${content.addressee}`);
  doc.setCreator("Một Cửa Zalo");
  doc.setProducer("Một Cửa Zalo");
  doc.setLanguage("vi-VN");
  doc.setCreationDate(content.at);
  doc.setModificationDate(content.at);
  return doc.save();
}
