/** A file size in the reader's language: bytes below a kilobyte, otherwise kB/MB with the exact bytes after. */
export function formatSize(bytes: number, language: string): string {
  const exact = new Intl.NumberFormat(language, { style: "unit", unit: "byte", unitDisplay: "long" }).format(
    bytes,
  );
  if (bytes < 1000) return exact;
  const [value, unit] = bytes < 1_000_000 ? [bytes / 1000, "kilobyte"] : [bytes / 1_000_000, "megabyte"];
  const rounded = new Intl.NumberFormat(language, {
    style: "unit",
    unit,
    unitDisplay: "short",
    maximumFractionDigits: 1,
  }).format(value);
  return `${rounded} (${exact})`;
}

/** A share of work done, e.g. 45 %, in the reader's language. */
export const formatPercent = (done: number, total: number, language: string) =>
  new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 0 }).format(
    total > 0 ? Math.min(done / total, 1) : 1,
  );

/** Images and PDFs are shown in the page; every other type only downloads. */
export const isPreviewable = (mimeType: string) =>
  mimeType.startsWith("image/") || mimeType === "application/pdf";

/** Where a file's bytes are: as a download, or inline for a preview (the server allows inline for images and PDFs only). */
export const contentUrl = (id: string, inline = false) =>
  `/api/v1/attachments/${encodeURIComponent(id)}/content${inline ? "?inline=1" : ""}`;
