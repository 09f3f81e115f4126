import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatPartialDate } from "../../../shared/dates.js";
import { useTerms } from "../../api/queries.js";
import { getRecordBatched } from "../../api/record-batch.js";
import type { FieldInfo } from "../../api/types.js";
import { recordTitle } from "./record-title.js";

export const pluralOfTable: Record<string, string> = {
  persons: "persons",
  places: "places",
  events: "events",
  acts: "acts",
  sources: "sources",
  attachments: "attachments",
  cases: "cases",
  communications: "communications",
  visits: "visits",
  visit_requests: "visit-requests",
  reports: "reports",
};

/** A calendar day ("2017-03-14") in the reader's language; the day itself, whatever the reader's time zone. */
export function formatDay(day: string, language: string) {
  const at = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(at.getTime())) return day;
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone: "UTC" }).format(at);
}

/** A vocabulary term in the reader's language, with its code. */
export function TermLabel({ list, code, bare = false }: { list: string; code: string; bare?: boolean }) {
  const { i18n } = useTranslation();
  const { data } = useTerms(list);
  const term = data?.find((t) => t.code === code);
  const label = term ? (term.labels[i18n.language] ?? term.labels.en ?? code) : code;
  if (bare) return <>{label}</>;
  return (
    <span>
      {label} <span className="code">{code}</span>
    </span>
  );
}

/** A link to a referenced record, named by its code or title. */
export function RefLink({ table, id }: { table: string; id: string }) {
  const { i18n } = useTranslation();
  const plural = pluralOfTable[table] ?? table;
  const { data } = useQuery({
    queryKey: ["ref", plural, id],
    queryFn: () => getRecordBatched(plural, id),
    retry: false,
  });
  return <Link to={`/${plural}/${id}`}>{data ? recordTitle(data, i18n.language) : id.slice(-8)}</Link>;
}

/** One field's value, shown the same way everywhere. */
export function FieldValue({ field, value }: { field: FieldInfo; value: unknown }) {
  const { t, i18n } = useTranslation();
  if (value === null || value === undefined || value === "")
    return <span className="none">{t("record.none")}</span>;
  switch (field.kind) {
    case "vocab":
      return <TermLabel list={field.list ?? ""} code={String(value)} />;
    case "ref":
      return <RefLink table={field.refTable ?? ""} id={String(value)} />;
    case "date":
      return <span>{formatPartialDate(value as { value: string; precision: string }, i18n.language)}</span>;
    case "day":
      return <time dateTime={String(value)}>{formatDay(String(value), i18n.language)}</time>;
    case "enum":
      return <span>{t(`value.${String(value)}` as "value.none", { defaultValue: String(value) })}</span>;
    case "bool":
      return <span>{value ? t("record.yes") : t("record.no")}</span>;
    case "stringList":
      return <span>{(value as string[]).join(", ")}</span>;
    case "int":
    case "number":
      // Years read as years (1965), not as quantities (1,965).
      return (
        <span>
          {new Intl.NumberFormat(i18n.language, { useGrouping: !/Year$/.test(field.name) }).format(
            Number(value),
          )}
        </span>
      );
    default:
      return <span className="text">{String(value)}</span>;
  }
}
