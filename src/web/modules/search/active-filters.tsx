import { useQueries } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { api } from "../../api/client.js";
import { useTerms } from "../../api/queries.js";
import type { ApiRecord } from "../../api/types.js";
import { listOf, viewHref } from "./search-params.js";
import { pluralOfHit } from "./search-results.js";
import { termLabel } from "./term-options.js";

/** One filter in use, named and with its values in the reader's language. */
export interface FilterInUse {
  name: string;
  values: string[];
}

/** The filters of the address, worded for people: vocabulary terms and places by name, in the reader's language. */
export function useFiltersInUse(params: URLSearchParams): FilterInUse[] {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const actTerms = useTerms("types_of_acts").data;
  const sexTerms = useTerms("sex").data;
  const perpetratorTerms = useTerms("types_of_perpetrators").data;
  const placeIds = [...listOf(params, "province"), ...listOf(params, "county")];
  const places = useQueries({
    queries: placeIds.map((id) => ({
      queryKey: ["place-name", id],
      queryFn: () => api.get<ApiRecord>(`/places/${id}`),
      staleTime: Number.POSITIVE_INFINITY,
      retry: false,
    })),
  });
  const placeName = (id: string) => {
    const p = places[placeIds.indexOf(id)]?.data;
    if (!p) return id;
    return String((lang === "ko" && p.nameKo) || p.nameEn || id);
  };
  const out: FilterInUse[] = [];
  const add = (name: string, values: string[]) => {
    if (values.length) out.push({ name, values });
  };
  const q = params.get("q")?.trim();
  if (q) add(t("filters.words"), [q]);
  add(
    t("search.facet.type"),
    listOf(params, "type").map((v) =>
      t(`types.${pluralOfHit[v as keyof typeof pluralOfHit] ?? "acts"}`, { defaultValue: v }),
    ),
  );
  add(
    t("field.actType"),
    listOf(params, "actType").map((c) => termLabel(actTerms, c, lang)),
  );
  add(t("search.facet.province"), listOf(params, "province").map(placeName));
  add(t("search.facet.county"), listOf(params, "county").map(placeName));
  const from = params.get("dateFrom")?.trim();
  const to = params.get("dateTo")?.trim();
  if (from || to)
    add(t("search.facet.date"), [
      from && to
        ? t("filters.between", { from, to })
        : from
          ? t("filters.from", { from })
          : t("filters.to", { to }),
    ]);
  add(
    t("search.facet.victimSex"),
    listOf(params, "victimSex").map((c) => termLabel(sexTerms, c, lang)),
  );
  add(
    t("field.perpetratorType"),
    listOf(params, "perpetratorType").map((c) => termLabel(perpetratorTerms, c, lang)),
  );
  add(
    t("record.confidentiality"),
    listOf(params, "confidentiality").map((v) => t(`confidentiality.${v}`, { defaultValue: v })),
  );
  return out;
}

/** The filters in use as one line of text, e.g. for the caption of an exported chart. */
export const filtersText = (filters: FilterInUse[], none: string) =>
  filters.length ? filters.map((f) => `${f.name}: ${f.values.join(", ")}`).join(" · ") : none;

/**
 * What narrows the counts of the map and the dashboard, with a link that opens the same filters in the search.
 * Only coded acts are counted there, so a filter on the type of record is named as not applying.
 */
export function ActiveFilters() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const filters = useFiltersInUse(params);
  const types = listOf(params, "type");
  const typeIgnored = types.length > 0 && !(types.length === 1 && types[0] === "act");
  return (
    <section className="active-filters" aria-labelledby="active-filters-heading">
      <h2 id="active-filters-heading">{t("filters.title")}</h2>
      {filters.length ? (
        <dl>
          {filters.map((f) => (
            <div key={f.name}>
              <dt>{f.name}</dt>
              <dd>{f.values.join(", ")}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>{t("filters.none")}</p>
      )}
      {typeIgnored && <p className="hint">{t("filters.typeNotApplied")}</p>}
      <p>
        <Link to={viewHref("results", params)}>{t("filters.edit")}</Link>
      </p>
    </section>
  );
}
