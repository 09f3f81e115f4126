import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { quotedFields } from "../../../shared/report-numbering.js";
import { api } from "../../api/client.js";
import type { ApiRecord, Page } from "../../api/types.js";
import { useMandate } from "../../app/mandate-context.js";
import type { QuotationBlock } from "./report-api.js";

type Picked = Pick<QuotationBlock, "sourceId" | "field" | "start" | "end" | "attribution" | "attributed">;

interface Props {
  idPrefix: string;
  onSubmit: (q: Picked) => Promise<void>;
  onCancel: () => void;
}

/**
 * Inserting a quotation by reference: find a source, choose its summary or transcript, select the excerpt (with the
 * mouse or the keyboard, or by typing where it starts and ends). Only the place is stored; the words stay the source's.
 */
export function QuotationPicker({ idPrefix: p, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const { mandate } = useMandate();
  const [q, setQ] = useState("");
  const [search, setSearch] = useState("");
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [field, setField] = useState<(typeof quotedFields)[number]>("summary");
  const [range, setRange] = useState<[number, number]>([0, 0]);
  const [attribution, setAttribution] = useState("");
  const [attributed, setAttributed] = useState(false);
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const sources = useQuery({
    queryKey: ["report-quote-sources", mandate?.id, search],
    enabled: Boolean(mandate),
    queryFn: () =>
      api.get<Page<ApiRecord>>(
        `/sources?mandateId=${mandate?.id}&limit=20${search ? `&q=${encodeURIComponent(search)}` : ""}`,
      ),
  });
  const source = useQuery({
    queryKey: ["record", "sources", sourceId],
    enabled: Boolean(sourceId),
    queryFn: () => api.get<ApiRecord>(`/sources/${sourceId}`),
  });
  const text = typeof source.data?.[field] === "string" ? String(source.data[field]) : "";
  const [start, end] = range;
  const valid = sourceId !== null && end > start && end <= text.length && end - start <= 5000;
  const select = () => {
    const el = area.current;
    if (el) setRange([el.selectionStart, el.selectionEnd]);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!valid || !sourceId) return;
    setBusy(true);
    try {
      await onSubmit({ sourceId, field, start, end, attribution: attribution || null, attributed });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="quotation-picker" onSubmit={submit} aria-label={t("reports.quotationForm")}>
      <div className="field">
        <label htmlFor={`${p}-q`}>{t("reports.findSource")}</label>
        <input id={`${p}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        <button type="button" className="secondary" onClick={() => setSearch(q)}>
          {t("list.search")}
        </button>
      </div>
      <div className="field">
        <label htmlFor={`${p}-source`}>{t("reports.source")}</label>
        <select
          id={`${p}-source`}
          value={sourceId ?? ""}
          onChange={(e) => {
            setSourceId(e.target.value || null);
            setRange([0, 0]);
          }}
        >
          <option value="">{t("reports.chooseSource")}</option>
          {(sources.data?.items ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {String(s.title)} — {t(`value.${String(s.consentScope)}` as "value.none")}
            </option>
          ))}
        </select>
      </div>
      {sourceId && (
        <>
          <div className="field">
            <label htmlFor={`${p}-field`}>{t("reports.quotedPart")}</label>
            <select
              id={`${p}-field`}
              value={field}
              onChange={(e) => {
                setField(e.target.value as (typeof quotedFields)[number]);
                setRange([0, 0]);
              }}
            >
              {quotedFields.map((f) => (
                <option key={f} value={f}>
                  {t(`reports.quotedField.${f}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${p}-text`}>{t("reports.selectExcerpt")}</label>
            <textarea
              id={`${p}-text`}
              ref={area}
              rows={8}
              readOnly
              value={text}
              aria-describedby={`${p}-text-hint`}
              onSelect={select}
              onKeyUp={select}
              onMouseUp={select}
            />
            <p className="hint" id={`${p}-text-hint`}>
              {text ? t("reports.selectHint") : t("reports.sourceEmpty")}
            </p>
          </div>
          <div className="field inline">
            <label htmlFor={`${p}-start`}>{t("reports.start")}</label>
            <input
              id={`${p}-start`}
              type="number"
              min={0}
              max={text.length}
              value={start}
              onChange={(e) => setRange([Number(e.target.value), end])}
            />
            <label htmlFor={`${p}-end`}>{t("reports.end")}</label>
            <input
              id={`${p}-end`}
              type="number"
              min={0}
              max={text.length}
              value={end}
              onChange={(e) => setRange([start, Number(e.target.value)])}
            />
          </div>
          <p className="excerpt-preview" aria-live="polite">
            {valid ? `“${text.slice(start, end)}”` : t("reports.noExcerpt")}
          </p>
        </>
      )}
      <div className="field">
        <label htmlFor={`${p}-attribution`}>{t("reports.attribution")}</label>
        <input
          id={`${p}-attribution`}
          value={attribution}
          maxLength={300}
          onChange={(e) => setAttribution(e.target.value)}
        />
      </div>
      <div className="field checkbox">
        <input
          id={`${p}-attributed`}
          type="checkbox"
          checked={attributed}
          onChange={(e) => setAttributed(e.target.checked)}
        />
        <label htmlFor={`${p}-attributed`}>{t("reports.attributed")}</label>
      </div>
      <div className="block-tools">
        <button type="submit" disabled={busy || !valid}>
          {t("reports.insertQuotation")}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t("record.cancel")}
        </button>
      </div>
    </form>
  );
}
