import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ApiError, type FieldProblem } from "../../api/client.js";
import type { SearchResponse } from "../../api/types.js";
import { useMandate } from "../../app/mandate-context.js";
import { FacetPanel } from "./facet-panel.js";
import { SavedSearches } from "./saved-searches.js";
import { SearchForm } from "./search-form.js";
import { apiQuery, offsetOf, pageSize } from "./search-params.js";
import { SearchHitItem } from "./search-results.js";
import { SearchViews } from "./search-views.js";
import { useFacetOptions, useSearchResults } from "./use-search.js";

/**
 * Search across the mandate's sources, events, acts and persons, in Korean or English, narrowed by facets. The
 * whole state is in the address, so back, reload and saved searches bring it back as it was.
 */
export default function SearchPage() {
  const { t, i18n } = useTranslation();
  const { mandate } = useMandate();
  const [params, setParams] = useSearchParams();
  const results = useSearchResults(params, mandate?.id);
  // While a refused search (a malformed date) is corrected, the facets of the last answer stay usable.
  const lastAnswer = useRef<SearchResponse | undefined>(undefined);
  if (results.data) lastAnswer.current = results.data;
  const facets = useFacetOptions(params, mandate?.id, lastAnswer.current?.facets);
  const heading = useRef<HTMLHeadingElement>(null);

  const error = results.error;
  const fields: Record<string, FieldProblem> = error instanceof ApiError ? error.fields : {};
  const problems = {
    ...(fields.dateFrom ? { dateFrom: fields.dateFrom } : {}),
    ...(fields.dateTo ? { dateTo: fields.dateTo } : {}),
  };
  const data = error ? undefined : results.data;
  const offset = offsetOf(params);
  const number = new Intl.NumberFormat(i18n.language);
  const goTo = (next: number) => {
    const p = new URLSearchParams(params);
    if (next > 0) p.set("offset", String(next));
    else p.delete("offset");
    setParams(p);
    heading.current?.focus();
  };
  const exportHref =
    mandate?.abilities.export === true
      ? `/api/v1/search/export.csv?${apiQuery(params, mandate.id, { page: false }).toString()}`
      : null;

  const status = data
    ? t("search.count", { count: data.total, formatted: number.format(data.total) })
    : results.isFetching
      ? t("app.loading")
      : "";
  return (
    <div className="search-page">
      <div className="page-head">
        <h1>{t("search.title")}</h1>
        {exportHref && (
          <a className="button secondary" href={exportHref} download>
            {t("search.export")}
          </a>
        )}
      </div>
      <SearchViews current="results" />
      <SearchForm />
      <div className="search-layout">
        <FacetPanel facets={facets} problems={problems} />
        <section className="search-results" aria-labelledby="results-heading" aria-busy={results.isFetching}>
          <h2 id="results-heading" ref={heading} tabIndex={-1}>
            {t("search.results")}
          </h2>
          <p role="status" className="result-count">
            {status}
          </p>
          {error && (
            <p role="alert" className="error">
              {error.message}
            </p>
          )}
          {data && data.items.length === 0 && <p>{t("search.none")}</p>}
          {data && data.items.length > 0 && (
            <ol className="hits" start={offset + 1}>
              {data.items.map((hit) => (
                <SearchHitItem key={hit.id} hit={hit} />
              ))}
            </ol>
          )}
          {data && data.total > pageSize && (
            <nav className="pager" aria-label={t("search.pages")}>
              {offset > 0 && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => goTo(Math.max(0, offset - pageSize))}
                >
                  {t("search.previous")}
                </button>
              )}
              <span>
                {t("search.range", {
                  from: number.format(Math.min(offset + 1, data.total)),
                  to: number.format(Math.min(offset + data.items.length, data.total)),
                  total: number.format(data.total),
                })}
              </span>
              {offset + pageSize < data.total && (
                <button type="button" onClick={() => goTo(offset + pageSize)}>
                  {t("search.next")}
                </button>
              )}
            </nav>
          )}
        </section>
      </div>
      <SavedSearches mandateId={mandate?.id} />
    </div>
  );
}
