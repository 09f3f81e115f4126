import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { statisticPeriods, statisticSplits } from "../../../shared/report-numbering.js";
import { api } from "../../api/client.js";
import { useTerms } from "../../api/queries.js";
import type { ApiRecord, Page } from "../../api/types.js";
import { emptyQuery, type StatisticQuery } from "./report-api.js";

const datePattern = "\\d{4}(-\\d{2}(-\\d{2})?)?";

/** The provinces of the gazetteer, for the place filter of a statistic. */
const useProvinces = () =>
  useQuery({
    queryKey: ["report-provinces"],
    queryFn: async () =>
      (await api.get<Page<ApiRecord>>("/places?level=province&limit=200&sort=nameEn")).items,
    staleTime: Number.POSITIVE_INFINITY,
  });

interface Props {
  idPrefix: string;
  initial?: { caption: string; query: StatisticQuery };
  onSubmit: (caption: string, query: StatisticQuery) => Promise<void>;
  onCancel: () => void;
}

/**
 * What a live statistic counts, in simple controls: the type of act, the period and the split, the dates, the
 * provinces and the sex of victims. The table is computed by the server when the report is saved.
 */
export function StatisticForm({ idPrefix: p, initial, onSubmit, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const [caption, setCaption] = useState(initial?.caption ?? "");
  const [query, setQuery] = useState<StatisticQuery>(initial?.query ?? emptyQuery());
  const [busy, setBusy] = useState(false);
  const acts = useTerms("types_of_acts");
  const sexes = useTerms("sex");
  const provinces = useProvinces();
  const set = (patch: Partial<StatisticQuery>) => setQuery({ ...query, ...patch });
  const label = (labels: Record<string, string>, code: string) => labels[i18n.language] ?? labels.en ?? code;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await onSubmit(caption, query);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="statistic-form" onSubmit={submit} aria-label={t("reports.statisticForm")}>
      <div className="field">
        <label htmlFor={`${p}-caption`}>{t("reports.caption")}</label>
        <input
          id={`${p}-caption`}
          value={caption}
          maxLength={500}
          onChange={(e) => setCaption(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${p}-act`}>{t("reports.actType")}</label>
        <select
          id={`${p}-act`}
          value={query.actType[0] ?? ""}
          onChange={(e) => set({ actType: e.target.value ? [e.target.value] : [] })}
        >
          <option value="">{t("reports.anyActType")}</option>
          {(acts.data ?? [])
            .filter((term) => !term.retired)
            .map((term) => (
              <option key={term.code} value={term.code}>
                {"\u00a0".repeat(Math.max(0, term.level - 1) * 2)}
                {label(term.labels, term.code)}
              </option>
            ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${p}-period`}>{t("reports.period")}</label>
        <select
          id={`${p}-period`}
          value={query.period}
          onChange={(e) => set({ period: e.target.value as StatisticQuery["period"] })}
        >
          {statisticPeriods.map((v) => (
            <option key={v} value={v}>
              {t(`reports.periods.${v}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${p}-by`}>{t("reports.split")}</label>
        <select
          id={`${p}-by`}
          value={query.by}
          onChange={(e) => set({ by: e.target.value as StatisticQuery["by"] })}
        >
          {statisticSplits.map((v) => (
            <option key={v} value={v}>
              {t(`reports.splits.${v}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${p}-from`}>{t("reports.dateFrom")}</label>
        <input
          id={`${p}-from`}
          value={query.dateFrom ?? ""}
          pattern={datePattern}
          aria-describedby={`${p}-date-hint`}
          onChange={(e) => set({ dateFrom: e.target.value.trim() || null })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${p}-to`}>{t("reports.dateTo")}</label>
        <input
          id={`${p}-to`}
          value={query.dateTo ?? ""}
          pattern={datePattern}
          aria-describedby={`${p}-date-hint`}
          onChange={(e) => set({ dateTo: e.target.value.trim() || null })}
        />
      </div>
      <p className="hint" id={`${p}-date-hint`}>
        {t("reports.dateHint")}
      </p>
      <div className="field">
        <label htmlFor={`${p}-sex`}>{t("reports.victimSex")}</label>
        <select
          id={`${p}-sex`}
          value={query.victimSex[0] ?? ""}
          onChange={(e) => set({ victimSex: e.target.value ? [e.target.value] : [] })}
        >
          <option value="">{t("reports.anySex")}</option>
          {(sexes.data ?? []).map((term) => (
            <option key={term.code} value={term.code}>
              {label(term.labels, term.code)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="places">
        <legend>{t("reports.places")}</legend>
        {(provinces.data ?? []).map((place) => {
          const id = `${p}-place-${place.id}`;
          const name = i18n.language === "ko" && place.nameKo ? String(place.nameKo) : String(place.nameEn);
          return (
            <div className="checkbox" key={place.id}>
              <input
                id={id}
                type="checkbox"
                checked={query.place.includes(place.id)}
                onChange={(e) =>
                  set({
                    place: e.target.checked
                      ? [...query.place, place.id]
                      : query.place.filter((x) => x !== place.id),
                  })
                }
              />
              <label htmlFor={id}>{name}</label>
            </div>
          );
        })}
      </fieldset>
      <div className="block-tools">
        <button type="submit" disabled={busy}>
          {initial ? t("reports.applyFilters") : t("reports.insertStatistic")}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t("record.cancel")}
        </button>
      </div>
    </form>
  );
}
