import { useQueries } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import type { ApiRecord, Page } from "../../api/types.js";

/** A country of the built-in places, named in English and Korean. */
const countryQuery = (code: string) => ({
  queryKey: ["country", code],
  queryFn: async () =>
    (await api.get<Page<ApiRecord>>(`/places?level=country&code=${encodeURIComponent(code)}&limit=1`))
      .items[0] ?? null,
  staleTime: Number.POSITIVE_INFINITY,
});

/**
 * Names countries (ISO 3166-1 alpha-3 codes) in the reader's language from the built-in places, one cached look-up
 * per country; the code stands in until its name has loaded.
 * @example const nameOf = useCountryNames(["CHN"]); nameOf("CHN") // "China", "중국"
 */
export function useCountryNames(codes: (string | null | undefined)[]) {
  const { i18n } = useTranslation();
  const unique = [
    ...new Set(codes.filter((c): c is string => typeof c === "string" && /^[A-Z]{3}$/.test(c))),
  ];
  const answers = useQueries({ queries: unique.map(countryQuery) });
  const names = new Map<string, string>();
  unique.forEach((code, i) => {
    const place = answers[i]?.data;
    const ko = typeof place?.nameKo === "string" ? place.nameKo : null;
    const en = typeof place?.nameEn === "string" ? place.nameEn : null;
    if (place) names.set(code, (i18n.language === "ko" ? ko : null) ?? en ?? code);
  });
  return (code: string) => names.get(code) ?? code;
}
