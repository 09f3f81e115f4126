import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { FieldProblem } from "../../api/client.js";
import type { FacetValue } from "../../api/types.js";

interface Props {
  years: FacetValue[];
  dateFrom: string;
  dateTo: string;
  /** The API's problems with the dates, worded in the reader's language. */
  problems: Partial<Record<"dateFrom" | "dateTo", FieldProblem>>;
  onChange: (range: { dateFrom: string | null; dateTo: string | null }) => void;
}

/** Years with their counts (one press keeps only that year), and a range typed as people say dates. */
export function DateFacet({ years, dateFrom, dateTo, problems, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const [from, setFrom] = useState(dateFrom);
  const [to, setTo] = useState(dateTo);
  useEffect(() => setFrom(dateFrom), [dateFrom]);
  useEffect(() => setTo(dateTo), [dateTo]);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    onChange({ dateFrom: from.trim() || null, dateTo: to.trim() || null });
  };
  const input = (name: "dateFrom" | "dateTo", value: string, set: (v: string) => void) => {
    const id = `search-${name}`;
    const problem = problems[name];
    return (
      <div className={problem ? "field has-error" : "field"}>
        <label htmlFor={id}>{t(name === "dateFrom" ? "search.dateFrom" : "search.dateTo")}</label>
        <input
          id={id}
          value={value}
          onChange={(e) => set(e.target.value)}
          inputMode="numeric"
          size={10}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `search-dates-hint ${id}-error` : "search-dates-hint"}
        />
        {problem && (
          <span id={`${id}-error`} className="field-error">
            {problem.message}
          </span>
        )}
      </div>
    );
  };
  return (
    <form className="facet-dates" onSubmit={apply}>
      <fieldset className="facet">
        <legend>{t("search.facet.date")}</legend>
        {years.length > 0 && (
          <ul className="years" aria-label={t("search.years")}>
            {years.map((y) => {
              const only = dateFrom === y.value && dateTo === y.value;
              return (
                <li key={y.value}>
                  <button
                    type="button"
                    className="year"
                    aria-pressed={only}
                    onClick={() =>
                      onChange(
                        only ? { dateFrom: null, dateTo: null } : { dateFrom: y.value, dateTo: y.value },
                      )
                    }
                  >
                    {y.value} <span className="count">({number.format(y.count)})</span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <div className="date-range">
          {input("dateFrom", from, setFrom)}
          {input("dateTo", to, setTo)}
        </div>
        <p id="search-dates-hint" className="hint">
          {t("search.dateHint")}
        </p>
        <button type="submit" className="secondary">
          {t("search.applyDates")}
        </button>
      </fieldset>
    </form>
  );
}
