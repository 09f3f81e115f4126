/** RFC 8187 value: percent-encoded UTF-8, with the characters encodeURIComponent leaves but the header may not hold. */
const extValue = (name: string) =>
  encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * How a file is handed over: a download unless a preview was asked for; the name only as an encoded parameter, so
 * no quote, semicolon or line break in it can change the header.
 * @example contentDisposition(false, "notes (1).txt") // "attachment; filename*=UTF-8''notes%20%281%29.txt"
 */
export const contentDisposition = (inline: boolean, filename: string) =>
  `${inline ? "inline" : "attachment"}; filename*=UTF-8''${extValue(filename)}`;

/**
 * Headers of a preview shown inside the staff application: it may be framed by our own pages only (the PDF frame),
 * loads nothing, runs nothing. Images are also sandboxed; a PDF is not, since the browser's viewer refuses sandboxes.
 */
export function previewHeaders(mime: string): Record<string, string> {
  const pdf = mime === "application/pdf";
  return {
    "content-security-policy": pdf
      ? "default-src 'none'; object-src 'self'; frame-ancestors 'self'"
      : "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox",
    "x-frame-options": "SAMEORIGIN",
  };
}
