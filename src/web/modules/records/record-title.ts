import type { ApiRecord } from "../../api/types.js";

/** The words that name a record in lists and links: its code, title or name, never identifying data. */
export function recordTitle(r: ApiRecord, language = "en"): string {
  const pick = (k: string) => (typeof r[k] === "string" && r[k] ? String(r[k]) : null);
  return (
    (language === "ko" ? pick("nameKo") : null) ??
    pick("code") ??
    pick("title") ??
    pick("subject") ??
    pick("nameEn") ??
    pick("filename") ??
    pick("perpetratorName") ??
    `${r.type} ${r.id.slice(-6)}`
  );
}
