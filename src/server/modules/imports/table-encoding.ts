import chardet from "chardet";
import iconv from "iconv-lite";

/** Encodings a text file may be read in: detected, or chosen by the user in the preview. */
export const importEncodings = [
  "utf-8",
  "utf-16le",
  "utf-16be",
  "windows-1252",
  "macintosh",
  "euc-kr",
] as const;
export type ImportEncoding = (typeof importEncodings)[number];

export type LineEnding = "crlf" | "lf" | "cr";

/** How many bytes the statistical guesses look at: enough for any heading and many rows. */
const sampleBytes = 1 << 20;

const hasPrefix = (bytes: Buffer, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** The byte-order mark a file starts with, if any. */
export function bomOf(bytes: Buffer): { encoding: ImportEncoding; length: number } | null {
  if (hasPrefix(bytes, [0xef, 0xbb, 0xbf])) return { encoding: "utf-8", length: 3 };
  if (hasPrefix(bytes, [0xff, 0xfe])) return { encoding: "utf-16le", length: 2 };
  if (hasPrefix(bytes, [0xfe, 0xff])) return { encoding: "utf-16be", length: 2 };
  return null;
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 without a mark: ASCII text leaves every other byte zero. */
function utf16WithoutBom(sample: Buffer): ImportEncoding | null {
  const pairs = Math.floor(Math.min(sample.length, 4096) / 2);
  if (pairs < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < pairs; i++) {
    if (sample[2 * i] === 0) evenZero++;
    if (sample[2 * i + 1] === 0) oddZero++;
  }
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return "utf-16le";
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return "utf-16be";
  return null;
}

/** Typographic marks common in prose: quotes, dashes, ellipsis, bullet, ©, ®, ™, °, guillemets. */
const commonMarks = new Set([..."“”‘’–—…•©®™°«»"]);
/** Other marks that occur in real text now and then. */
const occasionalMarks = new Set([..."£§¶·¢¥¬µ±÷ªº¿¡€×½¼¾²³¹"]);
/**
 * Characters almost never written, which a wrong Latin code page produces instead of letters and quotes:
 * Windows-1252 reads Mac Roman's é as Ž and ü as Ÿ; Mac Roman reads Windows-1252's ü as a lone cedilla.
 */
const unlikely = new Set([..."ŽžŠšŒœŸƒˆ˜‰‡†‚„‹›ı◊∑∏π∫Ω√≈∆ﬁﬂ⁄¤¸˝˛ˇ˘˙˚¯∂∞≠≤≥"]);
const letter = /\p{L}/u;
const lower = /\p{Ll}/u;
const upper = /\p{Lu}/u;
const control = /[\p{Cc}\uFFFD]/u;

/**
 * How plausible a decoding of Latin text looks: each non-ASCII character is scored with its neighbours (an accented
 * lowercase letter inside a word is likely; an uppercase one after a lowercase letter, a control character or a
 * rare symbol is not).
 */
export function latinPlausibility(text: string): number {
  let score = 0;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c.charCodeAt(0) < 0x80) continue;
    const prev = chars[i - 1] ?? " ";
    const next = chars[i + 1] ?? " ";
    if (control.test(c)) score -= 5;
    else if (unlikely.has(c)) score -= 2;
    else if (commonMarks.has(c)) score += 2;
    else if (occasionalMarks.has(c)) score += 1;
    else if (lower.test(c)) {
      if (upper.test(next)) score -= 1;
      else if (letter.test(prev) || letter.test(next)) score += 2;
      else score += 1;
    } else if (upper.test(c)) score += lower.test(prev) ? -2 : 1;
    else score -= 1;
  }
  return score;
}

/** Mac Roman and Windows-1252 share ASCII and differ everywhere above it: the more plausible reading wins. */
function macOrWindows(sample: Buffer): ImportEncoding {
  const mac = latinPlausibility(iconv.decode(sample, "macintosh"));
  const windows = latinPlausibility(iconv.decode(sample, "windows-1252"));
  return mac > windows ? "macintosh" : "windows-1252";
}

/**
 * The encoding of a text file: its byte-order mark first, then whether it is valid UTF-8, then a statistical guess
 * (chardet) for Korean legacy encodings and UTF-16 without a mark, and last a byte-frequency heuristic between
 * Mac Roman and Windows-1252, which no detector can tell apart for sure (the user may override it in the preview).
 * @example detectEncoding(readFileSync("export.csv")) // { encoding: "macintosh", bom: false, certain: false }
 */
export function detectEncoding(bytes: Buffer): { encoding: ImportEncoding; bom: boolean; certain: boolean } {
  const bom = bomOf(bytes);
  if (bom) return { encoding: bom.encoding, bom: true, certain: true };
  if (isUtf8(bytes)) return { encoding: "utf-8", bom: false, certain: true };
  const sample = bytes.subarray(0, sampleBytes);
  const wide = utf16WithoutBom(sample);
  if (wide) return { encoding: wide, bom: false, certain: false };
  const best = chardet.analyse(sample)[0];
  if (best && best.name === "EUC-KR" && best.confidence >= 50) {
    const text = iconv.decode(sample, "euc-kr");
    const hangul = (text.match(/[\uac00-\ud7a3]/g) ?? []).length;
    if (!text.includes("\uFFFD") && hangul > 0) return { encoding: "euc-kr", bom: false, certain: false };
  }
  return { encoding: macOrWindows(sample), bom: false, certain: false };
}

/** Text decoded from bytes in the encoding, without its byte-order mark. */
export const decodeText = (bytes: Buffer, encoding: ImportEncoding) =>
  iconv.decode(bytes, encoding, { stripBOM: true });

/** The line ending most used between records (outside quoted fields, where a cell may hold its own line breaks). */
export function detectLineEnding(text: string): LineEnding {
  const counts = { crlf: 0, lf: 0, cr: 0 };
  let quoted = false;
  const end = Math.min(text.length, sampleBytes);
  for (let i = 0; i < end; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === "\r") {
      if (text[i + 1] === "\n") {
        counts.crlf++;
        i++;
      } else counts.cr++;
    } else if (c === "\n") counts.lf++;
  }
  if (counts.crlf >= counts.lf && counts.crlf >= counts.cr && counts.crlf > 0) return "crlf";
  return counts.cr > counts.lf ? "cr" : "lf";
}

const delimiters = [",", ";", "\t", "|"] as const;

/** The field delimiter: the candidate found the same number of times on most of the first lines. */
export function detectDelimiter(text: string): string {
  const lines: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length && lines.length < 20; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) {
      if (i > start) lines.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (lines.length < 20 && start < text.length)
    lines.push(text.slice(start, Math.min(text.length, start + 65536)));
  let best: { delimiter: string; score: number } = { delimiter: ",", score: 0 };
  for (const delimiter of delimiters) {
    const counts = lines.map((line) => {
      let n = 0;
      let q = false;
      for (const c of line) {
        if (c === '"') q = !q;
        else if (!q && c === delimiter) n++;
      }
      return n;
    });
    const frequency = new Map<number, number>();
    for (const n of counts) if (n > 0) frequency.set(n, (frequency.get(n) ?? 0) + 1);
    for (const [n, times] of frequency) {
      const score = times * 1000 + n;
      if (score > best.score) best = { delimiter, score };
    }
  }
  return best.delimiter;
}
