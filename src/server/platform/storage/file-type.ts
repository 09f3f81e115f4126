import { sniffImage } from "./image-type.js";

const ascii = (b: Buffer, at: number, text: string) => b.toString("latin1", at, at + text.length) === text;
const zip = (b: Buffer) => b.length >= 30 && ascii(b, 0, "PK\x03\x04");
/** An entry name in a ZIP's headers (local or central directory): names are stored as plain bytes. */
const hasEntry = (b: Buffer, prefix: string) => b.includes(Buffer.from(prefix, "latin1"));

/** MPEG audio: an ID3 tag, or a frame header (11 sync bits, then a layer that is not "reserved"). */
const mpegAudio = (b: Buffer) =>
  ascii(b, 0, "ID3") ||
  (b.length >= 2 && b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0 && ((b[1] ?? 0) & 0x06) !== 0);
/** ISO base media (MP4, M4A): a first box of type `ftyp`. */
const isoMedia = (b: Buffer) => b.length >= 12 && ascii(b, 4, "ftyp");

/**
 * Text as witnesses' files come: UTF-8, or a legacy encoding such as EUC-KR/CP949 (kept byte for byte), but never
 * binary: no NUL byte and no control character other than tab, line breaks, form feed and the escapes of ISO-2022.
 */
export function looksLikeText(b: Buffer): boolean {
  for (const byte of b) {
    if (byte >= 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x0c) continue;
    if (byte === 0x1b || byte === 0x0e || byte === 0x0f) continue;
    return false;
  }
  return true;
}

const checks: Record<string, (b: Buffer) => boolean> = {
  // Readers accept the header anywhere in the first kilobyte; producers put it first.
  "application/pdf": (b) => b.subarray(0, 1024).includes(Buffer.from("%PDF-")),
  "image/png": (b) => sniffImage(b)?.mimeType === "image/png",
  "image/jpeg": (b) => sniffImage(b)?.mimeType === "image/jpeg",
  "image/gif": (b) => sniffImage(b)?.mimeType === "image/gif",
  "image/webp": (b) => sniffImage(b)?.mimeType === "image/webp",
  "audio/mpeg": mpegAudio,
  "audio/ogg": (b) => ascii(b, 0, "OggS"),
  "audio/wav": (b) => b.length >= 12 && ascii(b, 0, "RIFF") && ascii(b, 8, "WAVE"),
  "audio/mp4": isoMedia,
  "video/mp4": isoMedia,
  "text/plain": looksLikeText,
  "text/csv": looksLikeText,
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (b) =>
    zip(b) && hasEntry(b, "[Content_Types].xml") && hasEntry(b, "word/"),
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (b) =>
    zip(b) && hasEntry(b, "[Content_Types].xml") && hasEntry(b, "xl/"),
  // An OpenDocument file starts with an uncompressed `mimetype` entry naming its type.
  "application/vnd.oasis.opendocument.text": (b) =>
    zip(b) && ascii(b, 30, "mimetypeapplication/vnd.oasis.opendocument.text"),
  // The catch-all of files with no signature to check; it is only ever served as a download.
  "application/octet-stream": () => true,
};

/** The types whose content can be checked (a type missing here is never accepted). */
export const checkedTypes = Object.keys(checks);

/**
 * Whether a file's bytes are what its declared type says, by their signature (never by the name); false for a type
 * this module does not know.
 * @example contentMatchesType("image/png", readFileSync("photo.jpg")) // false
 */
export function contentMatchesType(mimeType: string, bytes: Buffer): boolean {
  return checks[mimeType]?.(bytes) ?? false;
}
