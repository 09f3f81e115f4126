import type { ImageType } from "../../../shared/press-releases.js";

export interface ImageFacts {
  /** One of the formats published text may show (the press releases' `imageTypes`). */
  mimeType: ImageType;
  /** From the file's header when it says (null when it does not, or not where we look). */
  width: number | null;
  height: number | null;
}

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ascii = (b: Buffer, at: number, text: string) => b.toString("latin1", at, at + text.length) === text;
const size = (width: number, height: number) =>
  width > 0 && height > 0 ? { width, height } : { width: null, height: null };

/** A JPEG's size is in its first start-of-frame segment: walk the segments until one comes. */
function jpegSize(b: Buffer) {
  let at = 2;
  while (at + 9 < b.length && b[at] === 0xff) {
    const marker = b[at + 1] ?? 0;
    const length = b.readUInt16BE(at + 2);
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return size(b.readUInt16BE(at + 7), b.readUInt16BE(at + 5));
    at += 2 + length;
  }
  return size(0, 0);
}

/** A WebP's size, from whichever of its three first chunks (lossy, lossless, extended) it starts with. */
function webpSize(b: Buffer) {
  if (ascii(b, 12, "VP8 ") && b.length >= 30)
    return size(b.readUInt16LE(26) & 0x3fff, b.readUInt16LE(28) & 0x3fff);
  if (ascii(b, 12, "VP8L") && b.length >= 25) {
    const bits = b.readUInt32LE(21);
    return size((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (ascii(b, 12, "VP8X") && b.length >= 30) return size(b.readUIntLE(24, 3) + 1, b.readUIntLE(27, 3) + 1);
  return size(0, 0);
}

/**
 * What image a file is, by its first bytes only (never by its name or the type a client declares), and its size in
 * pixels when the header gives it; null for anything that is not PNG, JPEG, WebP or GIF (SVG, HTML, text, PDF…).
 * @example sniffImage(readFileSync("photo.jpg")) // { mimeType: "image/jpeg", width: 1200, height: 800 }
 */
export function sniffImage(b: Buffer): ImageFacts | null {
  if (b.length >= 24 && b.subarray(0, 8).equals(pngSignature))
    return { mimeType: "image/png", ...size(b.readUInt32BE(16), b.readUInt32BE(20)) };
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff)
    return { mimeType: "image/jpeg", ...jpegSize(b) };
  if (b.length >= 16 && ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP"))
    return { mimeType: "image/webp", ...webpSize(b) };
  if (b.length >= 10 && (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")))
    return { mimeType: "image/gif", ...size(b.readUInt16LE(6), b.readUInt16LE(8)) };
  return null;
}
