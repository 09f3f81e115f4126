import { createPlacesRepository } from "../modules/places/places.repository.js";
import type { Db } from "../platform/db/database.js";

/** A crossing used in testimony: a Chinese border city and the DPRK county people are handed back to. */
export interface Route {
  city: string;
  cityKo: string;
  county: string;
  countyEn: string;
  countyKo: string;
  province: "KP01" | "KP02" | "KP06";
  provinceEn: string;
  provinceKo: string;
}

const northHamgyong = { province: "KP02", provinceEn: "North Hamgyong", provinceKo: "함경북도" } as const;
const ryanggang = { province: "KP01", provinceEn: "Ryanggang", provinceKo: "량강도" } as const;

/** The handover points that recur in testimony, weighted towards North Hamgyong as the testimony is. */
export const routes: readonly Route[] = [
  { city: "Tumen", cityKo: "투먼", county: "KP0220", countyEn: "Onsong", countyKo: "온성", ...northHamgyong },
  {
    city: "Sanhe",
    cityKo: "싼허",
    county: "KP0203",
    countyEn: "Hoeryong",
    countyKo: "회령",
    ...northHamgyong,
  },
  {
    city: "Nanping",
    cityKo: "난핑",
    county: "KP0218",
    countyEn: "Musan",
    countyKo: "무산",
    ...northHamgyong,
  },
  {
    city: "Changbai",
    cityKo: "창바이",
    county: "KP0101",
    countyEn: "Hyesan",
    countyKo: "혜산",
    ...ryanggang,
  },
  { city: "Tumen", cityKo: "투먼", county: "KP0220", countyEn: "Onsong", countyKo: "온성", ...northHamgyong },
  {
    city: "Hunchun",
    cityKo: "훈춘",
    county: "KP0221",
    countyEn: "Kyongwon",
    countyKo: "경원",
    ...northHamgyong,
  },
  { city: "Changbai", cityKo: "창바이", county: "KP0102", countyEn: "Samsu", countyKo: "삼수", ...ryanggang },
  {
    city: "Dandong",
    cityKo: "단둥",
    county: "KP0601",
    countyEn: "Sinuiju",
    countyKo: "신의주",
    province: "KP06",
    provinceEn: "North Pyongan",
    provinceKo: "평안북도",
  },
];

/** Cities where interviews take place, by the built-in country they are in. */
export const interviewCities = [
  { country: "KOR", city: "Seoul", cityKo: "서울" },
  { country: "KOR", city: "Seoul", cityKo: "서울" },
  { country: "KOR", city: "Seoul", cityKo: "서울" },
  { country: "KOR", city: "Seoul", cityKo: "서울" },
  { country: "KOR", city: "Anseong", cityKo: "안성" },
  { country: "THA", city: "Bangkok", cityKo: "방콕" },
  { country: "GBR", city: "London", cityKo: "런던" },
  { country: "JPN", city: "Tokyo", cityKo: "도쿄" },
] as const;

const extraCodes = ["PRK", "CHN", "KOR", "THA", "GBR", "JPN", "KP0205", "KP0211"];

/** Looks up the built-in places the demo names, by their gazetteer code. */
export async function resolvePlaces(db: Db): Promise<Map<string, string>> {
  const repo = createPlacesRepository({ db });
  const codes = new Set([...extraCodes, ...routes.flatMap((r) => [r.county, r.province])]);
  const out = new Map<string, string>();
  for (const code of codes) {
    const row = await repo.findByCode(code);
    if (!row || Number(row.built_in) !== 1)
      throw new Error(`demo: the gazetteer has no built-in place ${code}`);
    out.set(code, row.id);
  }
  return out;
}
