// Misspellings of procedure names the way residents type them, one generator for the worker tests,
// the unit tests and the bench's forgiving queries. Deterministic for a given random source.
import { foldVietnamese } from "../../shared/src/text/fold";

export type MisspellingKind = "unaccented" | "iy" | "typo" | "telex" | "vni" | "joined";
export const MISSPELLING_KINDS: readonly MisspellingKind[] = ["unaccented", "iy", "typo", "telex", "vni", "joined"];

/** The first few words of a name (what people type), lower case, punctuation dropped. */
export function typedWords(name: string, max = 4): string[] {
  return name
    .toLocaleLowerCase("vi")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, max);
}

const TONES: Record<string, string> = { "\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j" };

/** A word as typed in Telex (marks as letters, the tone letter at the end): "đăng" → "ddawng", "ký" → "kys". */
export function toTelex(word: string): string {
  let tone = "";
  let out = "";
  for (const ch of word.normalize("NFD")) {
    if (TONES[ch]) tone = TONES[ch] as string;
    else if (ch === "\u0306") out += "w";
    else if (ch === "\u031b") out += "w";
    else if (ch === "\u0302") out += out.at(-1) ?? "";
    else if (ch === "đ") out += "dd";
    else out += ch;
  }
  return out + tone;
}

/** A word as typed in VNI (marks and tones as digits after their letter): "đăng" → "d9a8ng", "ký" → "ky1". */
export function toVni(word: string): string {
  const toneDigits: Record<string, string> = { "\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5" };
  let out = "";
  let tone = "";
  for (const ch of word.normalize("NFD")) {
    if (toneDigits[ch]) tone = toneDigits[ch] as string;
    else if (ch === "\u0306") out += "8";
    else if (ch === "\u031b") out += "7";
    else if (ch === "\u0302") out += "6";
    else if (ch === "đ") out += "d9";
    else out += ch;
  }
  return out + tone;
}

/** The i/y swap of a word where both spellings are accepted ("ký" ↔ "kí"), or null. */
export function swapIY(word: string): string | null {
  const folded = foldVietnamese(word);
  if (!/^[bcdghklmnprstvx]{1,3}[iy]$/.test(folded)) return null;
  const nfd = word.normalize("NFD");
  return nfd.replace(/[iy](?=\p{M}*$)/u, (c) => (c === "i" ? "y" : "i")).normalize("NFC");
}

/** One edit (deletion, insertion, substitution or transposition) inside a word of 4 letters or more. */
export function typo(word: string, rnd: () => number): string {
  const letters = "abcdeghiklmnopqrstuvxy";
  const at = 1 + Math.floor(rnd() * (word.length - 2));
  switch (Math.floor(rnd() * 4)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + letters[Math.floor(rnd() * letters.length)] + word.slice(at);
    case 2: {
      const swapped = letters[Math.floor(rnd() * letters.length)] as string;
      return word.slice(0, at) + (swapped === word[at] ? "z" : swapped) + word.slice(at + 1);
    }
    default:
      return word.slice(0, at) + (word[at + 1] ?? "") + word[at] + word.slice(at + 2);
  }
}

/**
 * A misspelling of a name of the given kind, or null when the name has no word it applies to.
 * Typos go into one unaccented word of 4+ letters; the other kinds keep the rest unaccented.
 */
export function misspell(name: string, kind: MisspellingKind, rnd: () => number): string | null {
  const words = typedWords(name);
  const plain = words.map((w) => foldVietnamese(w));
  switch (kind) {
    case "unaccented":
      return plain.join(" ");
    case "iy": {
      const i = words.findIndex((w) => swapIY(w) !== null);
      return i < 0 ? null : words.map((w, j) => (j === i ? (swapIY(w) as string) : w)).join(" ");
    }
    case "typo": {
      const candidates = plain.map((w, i) => (w.length >= 4 && /^[a-z]+$/.test(w) ? i : -1)).filter((i) => i >= 0);
      if (candidates.length === 0) return null;
      const i = candidates[Math.floor(rnd() * candidates.length)] as number;
      return plain.map((w, j) => (j === i ? typo(w, rnd) : w)).join(" ");
    }
    case "telex":
      return words.map(toTelex).join(" ");
    case "vni":
      return words.map(toVni).join(" ");
    case "joined":
      return words.length < 2 ? null : `${plain.slice(0, 2).join("")} ${plain.slice(2).join(" ")}`.trim();
  }
}
