import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { FieldProblem } from "../../api/client.js";
import { useTerms } from "../../api/queries.js";
import {
  confidentialityLevels,
  type PlaceFacetValue,
  type SearchFacets,
  searchRecordTypes,
} from "../../api/types.js";
import { CheckboxFacet, type FacetOption, withChosen } from "./checkbox-facet.js";
import { DateFacet } from "./date-facet.js";
import {
  hasFilters,
  type ListParam,
  listOf,
  withoutFilters,
  withToggled,
  withValues,
} from "./search-params.js";
import { pluralOfHit } from "./search-results.js";
import { termLabel, termOptions, termTree } from "./term-options.js";

interface Props {
  facets: Partial<SearchFacets>;
  problems: Partial<Record<"dateFrom" | "dateTo", FieldProblem>>;
}

/** The facets of a search: ticking a value narrows the results; every choice is kept in the address. */
export function FacetPanel({ facets, problems }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const actTerms = useTerms("types_of_acts").data;
  const sexTerms = useTerms("sex").data;
  const perpetratorTerms = useTerms("types_of_perpetrators").data;

  const chosen = (name: ListParam) => listOf(params, name);
  const toggle = (name: ListParam) => (value: string, on: boolean) =>
    setParams(withToggled(params, name, value, on));
  const facet = (name: ListParam, legend: string, options: FacetOption[]) => (
    <CheckboxFacet
      name={name}
      legend={legend}
      options={options}
      selected={chosen(name)}
      onToggle={toggle(name)}
    />
  );
  const term = (terms: typeof actTerms) => (code: string) => ({
    value: code,
    label: termLabel(terms, code, lang),
    code,
  });
  const placeName = (values: PlaceFacetValue[] | undefined) => (id: string) => {
    const found = [...(values ?? []), ...(facets.province ?? []), ...(facets.county ?? [])].find(
      (p) => p.value === id,
    );
    return { value: id, label: found ? (found.label[lang] ?? found.label.en ?? id) : id };
  };
  const places = (values: PlaceFacetValue[] | undefined, name: "province" | "county") =>
    withChosen(
      (values ?? []).map((p) => ({ ...placeName(values)(p.value), count: p.count })),
      chosen(name),
      placeName(values),
    );

  const recordTypes = withChosen(
    searchRecordTypes.flatMap((type) => {
      const f = facets.recordType?.find((c) => c.value === type);
      return f ? [{ value: type, label: t(`types.${pluralOfHit[type]}`), count: f.count }] : [];
    }),
    chosen("type"),
    (v) => ({
      value: v,
      label: t(`types.${pluralOfHit[v as keyof typeof pluralOfHit]}`, { defaultValue: v }),
    }),
  );
  const levels = withChosen(
    confidentialityLevels.flatMap((level) => {
      const f = facets.confidentiality?.find((c) => c.value === level);
      return f ? [{ value: level, label: t(`confidentiality.${level}`), count: f.count }] : [];
    }),
    chosen("confidentiality"),
    (v) => ({ value: v, label: t(`confidentiality.${v}`, { defaultValue: v }) }),
  );
  const showCounties = chosen("province").length > 0 || chosen("county").length > 0;

  return (
    <aside className="facets" aria-labelledby="facets-heading">
      <div className="facets-head">
        <h2 id="facets-heading">{t("search.filters")}</h2>
        <button
          type="button"
          className="secondary"
          disabled={!hasFilters(params)}
          onClick={() => setParams(withoutFilters(params))}
        >
          {t("search.clear")}
        </button>
      </div>
      {facet("type", t("search.facet.type"), recordTypes)}
      {facet(
        "actType",
        t("field.actType"),
        withChosen(termTree(facets.actType ?? [], actTerms, lang), chosen("actType"), term(actTerms)),
      )}
      {facet("province", t("search.facet.province"), places(facets.province, "province"))}
      {showCounties && facet("county", t("search.facet.county"), places(facets.county, "county"))}
      <DateFacet
        years={facets.year ?? []}
        dateFrom={params.get("dateFrom") ?? ""}
        dateTo={params.get("dateTo") ?? ""}
        problems={problems}
        onChange={(range) => setParams(withValues(params, range))}
      />
      {facet(
        "victimSex",
        t("search.facet.victimSex"),
        withChosen(termOptions(facets.victimSex ?? [], sexTerms, lang), chosen("victimSex"), term(sexTerms)),
      )}
      {facet(
        "perpetratorType",
        t("field.perpetratorType"),
        withChosen(
          termOptions(facets.perpetratorType ?? [], perpetratorTerms, lang),
          chosen("perpetratorType"),
          term(perpetratorTerms),
        ),
      )}
      {facet("confidentiality", t("record.confidentiality"), levels)}
    </aside>
  );
}
