import { v7 as uuidv7 } from "uuid";
import type { Db } from "../server/platform/db/database.js";

const slug = "bench-forced-returns";

/**
 * A published press release of the mandate the portal shows, for the portal's page to be measured: written once
 * into the corpus (the same row on every later run).
 */
export async function ensurePortalRelease(db: Db): Promise<string> {
  const mandate = await db
    .selectFrom("mandates")
    .select("id")
    .orderBy("created_at", "asc")
    .orderBy("id", "asc")
    .executeTakeFirstOrThrow();
  const existing = await db
    .selectFrom("press_releases")
    .select("id")
    .where("mandate_id", "=", mandate.id)
    .where("slug", "=", slug)
    .executeTakeFirst();
  if (existing) return slug;
  const now = new Date().toISOString();
  const paragraph =
    "The Special Rapporteur urged the authorities to stop the forced return of women detained near the border, and to give them access to asylum procedures. ";
  await db
    .insertInto("press_releases")
    .values({
      id: uuidv7(),
      mandate_id: mandate.id,
      confidentiality: "public",
      restricted: 0,
      version: 1,
      created_by: null,
      created_at: now,
      updated_by: null,
      updated_at: now,
      slug,
      status: "published",
      publish_at: null,
      published_at: now,
      location: "Geneva",
      title_en: "UN expert urges an end to the forced return of women",
      title_ko: "유엔 전문가, 여성 강제송환 중단 촉구",
      summary_en: "The Special Rapporteur calls for respect of the principle of non-refoulement.",
      summary_ko: "특별보고관은 강제송환 금지 원칙의 존중을 촉구했다.",
      body_en: `${paragraph.repeat(6)}\n\n**Background** — ${paragraph.repeat(4)}`,
      body_ko: "제네바 — 특별보고관은 국경 인근에 구금된 여성들의 강제송환을 중단할 것을 촉구했다.",
    })
    .execute();
  return slug;
}
