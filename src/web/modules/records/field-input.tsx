import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatPartialDate, parsePartialDate } from "../../../shared/dates.js";
import { api } from "../../api/client.js";
import { useTerms } from "../../api/queries.js";
import type { ApiRecord, FieldInfo, Page } from "../../api/types.js";
import { useMandate } from "../../app/mandate-context.js";
import { pluralOfTable } from "./field-value.js";
import { recordTitle } from "./record-title.js";

export interface InputProps {
  field: FieldInfo;
  id: string;
  value: unknown;
  onChange: (v: unknown) => void;
  describedBy?: string | undefined;
}

/** Picks a term of a vocabulary list, indented by level, labelled in the user's language, with codes. */
function VocabInput({ field, id, value, onChange, describedBy }: InputProps) {
  const { t, i18n } = useTranslation();
  const { data = [] } = useTerms(field.list);
  const [q, setQ] = useState("");
  const needle = q.trim().toLowerCase();
  const matches = (labels: Record<string, string>, code: string) =>
    !needle || code.startsWith(needle) || Object.values(labels).some((l) => l.toLowerCase().includes(needle));
  return (
    <span className="vocab-input">
      <input
        type="search"
        aria-label={t("vocab.search", { list: t(`field.${field.name}` as "field.kind") })}
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <select
        id={id}
        value={String(value ?? "")}
        onChange={(e) => onChange(e.target.value || null)}
        aria-describedby={describedBy}
      >
        <option value="">{t("record.none")}</option>
        {data
          .filter((term) => term.code === value || (!term.retired && matches(term.labels, term.code)))
          .map((term) => (
            <option key={term.code} value={term.code}>
              {"\u00a0\u00a0".repeat(needle ? 0 : term.level)}
              {term.labels[i18n.language] ?? term.labels.en} ({term.code})
            </option>
          ))}
      </select>
    </span>
  );
}

/** Finds a record to refer to by typing part of its code, title or name. */
function RefInput({ field, id, value, onChange, describedBy }: InputProps) {
  const { t, i18n } = useTranslation();
  const { mandate } = useMandate();
  const [q, setQ] = useState("");
  const plural = pluralOfTable[field.refTable ?? ""] ?? "persons";
  const scope = plural === "places" ? "" : `&mandateId=${mandate?.id ?? ""}`;
  const { data } = useQuery({
    queryKey: ["ref-options", plural, q, mandate?.id],
    queryFn: () =>
      api.get<Page<ApiRecord>>(`/${plural}?limit=50${scope}${q ? `&q=${encodeURIComponent(q)}` : ""}`),
  });
  const current = useQuery({
    queryKey: ["record", plural, value],
    enabled: typeof value === "string" && value !== "",
    queryFn: () => api.get<ApiRecord>(`/${plural}/${String(value)}`),
  });
  const options = [...(data?.items ?? [])];
  if (current.data && !options.some((o) => o.id === current.data.id)) options.unshift(current.data);
  return (
    <span className="ref-input">
      <input
        type="search"
        aria-label={t("record.searchRef", { type: t(`types.${plural}` as "types.persons") })}
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <select
        id={id}
        value={String(value ?? "")}
        onChange={(e) => onChange(e.target.value || null)}
        aria-describedby={describedBy}
      >
        <option value="">{t("record.none")}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {recordTitle(o, i18n.language)}
          </option>
        ))}
      </select>
    </span>
  );
}

/** Types a date as people say it: 2016, 2016-05, 2016-05-12, "about 2015". */
function DateInput({ id, value, onChange, describedBy }: InputProps) {
  const { i18n } = useTranslation();
  const v = value as { value: string; precision: string; invalid?: string } | null;
  const [text, setText] = useState(() =>
    v ? (v.invalid ?? (v.precision === "approximate" ? `about ${v.value}` : v.value)) : "",
  );
  const parsed = text.trim() ? parsePartialDate(text) : null;
  return (
    <span className="date-input">
      <input
        id={id}
        value={text}
        aria-describedby={describedBy}
        aria-invalid={text.trim() !== "" && !parsed}
        onChange={(e) => {
          setText(e.target.value);
          const p = e.target.value.trim() ? parsePartialDate(e.target.value) : null;
          onChange(e.target.value.trim() ? (p ?? { invalid: e.target.value }) : null);
        }}
      />
      {parsed && <output htmlFor={id}>{formatPartialDate(parsed, i18n.language)}</output>}
    </span>
  );
}

/** The input for one field, chosen by its kind. */
export function FieldInput(props: InputProps) {
  const { t } = useTranslation();
  const { field, id, value, onChange, describedBy } = props;
  switch (field.kind) {
    case "vocab":
      return <VocabInput {...props} />;
    case "ref":
      return <RefInput {...props} />;
    case "date":
      return <DateInput {...props} />;
    case "day":
      return (
        <input
          id={id}
          type="date"
          value={String(value ?? "")}
          onChange={(e) => onChange(e.target.value || null)}
          aria-describedby={describedBy}
        />
      );
    case "enum":
      return (
        <select
          id={id}
          value={String(value ?? "")}
          onChange={(e) => onChange(e.target.value || null)}
          aria-describedby={describedBy}
        >
          {!field.required && <option value="">{t("record.none")}</option>}
          {field.values?.map((v) => (
            <option key={v} value={v}>
              {t(`value.${v}` as "value.none", { defaultValue: v })}
            </option>
          ))}
        </select>
      );
    case "bool":
      return (
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={describedBy}
        />
      );
    case "int":
    case "number":
      return (
        <input
          id={id}
          type="number"
          step={field.kind === "int" ? 1 : "any"}
          min={field.min}
          max={field.max}
          value={value === null || value === undefined ? "" : String(value)}
          onChange={(e) => onChange(e.target.value === "" ? null : Number(e.target.value))}
          aria-describedby={describedBy}
        />
      );
    case "stringList":
      return (
        <input
          id={id}
          value={Array.isArray(value) ? value.join(", ") : ""}
          onChange={(e) =>
            onChange(
              e.target.value
                .split(",")
                .map((s) => s.trim())
                .filter(Boolean),
            )
          }
          aria-describedby={describedBy}
        />
      );
    default:
      return (field.max ?? 0) > 300 ? (
        <textarea
          id={id}
          rows={5}
          maxLength={field.max}
          value={String(value ?? "")}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={describedBy}
        />
      ) : (
        <input
          id={id}
          maxLength={field.max}
          value={String(value ?? "")}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={describedBy}
        />
      );
  }
}
