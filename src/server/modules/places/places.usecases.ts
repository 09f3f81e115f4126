import { readFileSync } from "node:fs";
import { v7 as uuidv7 } from "uuid";
import type { Tx } from "../../platform/db/any-db.js";
import type { Db } from "../../platform/db/database.js";
import type { PlacesTable } from "../../platform/db/schema.types.js";
import { nowIso } from "../../platform/db/time.js";
import { inTransaction } from "../../platform/db/transaction.js";
import { referenceFile } from "../../platform/reference-data.js";
import { createPlacesRepository } from "./places.repository.js";

interface ReferencePlaces {
  countries: { code: string; nameEn: string; nameKo: string | null; nameZh: string | null }[];
  kpDivisions: {
    code: string;
    level: number;
    nameEn: string;
    nameKo: string | null;
    parent: string | null;
    lat: number;
    lon: number;
  }[];
}

const builtIn = (
  now: string,
  p: Partial<PlacesTable> & Pick<PlacesTable, "code" | "level" | "place_type" | "name_en">,
): PlacesTable => ({
  id: uuidv7(),
  mandate_id: null,
  parent_id: null,
  name_ko: null,
  name_zh: null,
  latitude: null,
  longitude: null,
  built_in: 1,
  confidentiality: "public",
  restricted: 0,
  version: 1,
  created_by: null,
  created_at: now,
  updated_by: null,
  updated_at: now,
  ...p,
});

/**
 * Loads the shipped countries (ISO 3166, names in English, Korean, Chinese) and the DPRK gazetteer as built-in places.
 * Idempotent: places already present are left alone.
 */
export async function loadReferencePlaces(db: Db): Promise<number> {
  const data = JSON.parse(readFileSync(referenceFile("places.json"), "utf8")) as ReferencePlaces;
  return inTransaction(db, async (trx) => {
    const repo = createPlacesRepository({ db: trx });
    const known = await repo.builtInCodes();
    const now = nowIso();
    const fresh: PlacesTable[] = [];
    const add = (row: PlacesTable) => {
      if (row.code && known.has(row.code)) return;
      fresh.push(row);
      if (row.code) known.set(row.code, row.id);
    };
    for (const c of data.countries) {
      add(
        builtIn(now, {
          code: c.code,
          level: "country",
          place_type: "country",
          name_en: c.nameEn,
          name_ko: c.nameKo,
          name_zh: c.nameZh,
        }),
      );
    }
    for (const d of [...data.kpDivisions].sort((a, b) => a.level - b.level)) {
      const isCity = /City$/.test(d.nameEn);
      add(
        builtIn(now, {
          code: d.code,
          level: d.level === 1 ? "province" : "county",
          place_type: d.level === 1 ? "province" : isCity ? "city" : "county",
          name_en: d.nameEn,
          name_ko: d.nameKo,
          parent_id: known.get(d.parent ?? "PRK") ?? null,
          latitude: d.lat,
          longitude: d.lon,
        }),
      );
    }
    await repo.insertMany(fresh);
    return fresh.length;
  });
}

/** Countries' names by ISO 3166 alpha-3 code, as `countryNames` reads them. */
export type CountryNames = Map<string, { en: string; ko: string | null }>;

/**
 * A country's name in the reader's language, else in English, else its code.
 * @example countryNameIn(names, "KOR", "ko") // "대한민국"
 */
export const countryNameIn = (names: CountryNames, code: string, lang: "en" | "ko") => {
  const n = names.get(code);
  return (lang === "ko" ? n?.ko : null) ?? n?.en ?? code;
};

/**
 * Reads the names of these countries once and names each in the reader's language (see `countryNameIn`); no code
 * is no name.
 * @example const name = await countryNamer(db, rows.map((r) => r.addressee_country), "en"); name("KOR")
 */
export async function countryNamer(db: Tx, codes: readonly (string | null)[], lang: "en" | "ko") {
  const names = await createPlacesRepository({ db }).countryNames([
    ...new Set(codes.filter((c): c is string => !!c)),
  ]);
  return (code: string | null) => (code ? countryNameIn(names, code, lang) : "");
}
