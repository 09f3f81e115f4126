import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ReportNumbers } from "../../../shared/report-numbering.js";
import { ApiError, api } from "../../api/client.js";
import {
  newId,
  type QuotationBlock,
  type ReportBodyBlock,
  type ReportContent,
  type StatisticBlock,
  useReportRefresh,
} from "./report-api.js";
import { StatisticForm } from "./statistic-form.js";
import { StatisticTableView } from "./statistic-table.js";

/** How a block is called in buttons and labels: "paragraph 3", "quotation", "statistic “Acts of …”". */
export function blockName(b: ReportBodyBlock, numbers: ReportNumbers, t: TFunction) {
  if (b.kind === "paragraph") return t("reports.paragraphNumber", { n: numbers.paragraphs.get(b.id) ?? "" });
  if (b.kind === "quotation") return t("reports.quotationNamed", { n: b.id.slice(-4) });
  return t("reports.statisticNamed", { caption: b.caption || b.id.slice(-4) });
}

interface Props {
  block: ReportBodyBlock;
  content: ReportContent;
  numbers: ReportNumbers;
  editable: boolean;
  first: boolean;
  last: boolean;
  onChange: (b: ReportBodyBlock) => void;
  onMove: (by: -1 | 1) => void;
  onDelete: () => void;
}

/** One block of a section, with the tools to move or delete it. */
export function BlockEditor({ block: b, content, numbers, editable, first, last, ...on }: Props) {
  const { t } = useTranslation();
  const name = blockName(b, numbers, t);
  return (
    <div className={`report-block report-${b.kind}`} id={`block-${b.id}`}>
      {b.kind === "paragraph" && (
        <div className="field">
          <label htmlFor={`text-${b.id}`}>{name}</label>
          <textarea
            id={`text-${b.id}`}
            rows={4}
            value={b.text}
            readOnly={!editable}
            maxLength={20000}
            onChange={(e) => on.onChange({ ...b, text: e.target.value })}
          />
        </div>
      )}
      {b.kind === "quotation" && (
        <QuotationEditor block={b} content={content} name={name} editable={editable} onChange={on.onChange} />
      )}
      {b.kind === "statistic" && (
        <StatisticEditor block={b} content={content} name={name} editable={editable} onChange={on.onChange} />
      )}
      {b.kind !== "statistic" && (
        <Footnotes block={b} numbers={numbers} editable={editable} owner={name} onChange={on.onChange} />
      )}
      {editable && (
        <div className="block-tools">
          <button type="button" className="secondary" disabled={first} onClick={() => on.onMove(-1)}>
            {t("reports.moveUp", { what: name })}
          </button>
          <button type="button" className="secondary" disabled={last} onClick={() => on.onMove(1)}>
            {t("reports.moveDown", { what: name })}
          </button>
          <button type="button" className="secondary" onClick={on.onDelete}>
            {t("reports.delete", { what: name })}
          </button>
        </div>
      )}
    </div>
  );
}

function Footnotes({
  block: b,
  numbers,
  editable,
  owner,
  onChange,
}: {
  block: Extract<ReportBodyBlock, { footnotes: unknown }>;
  numbers: ReportNumbers;
  editable: boolean;
  owner: string;
  onChange: (b: ReportBodyBlock) => void;
}) {
  const { t } = useTranslation();
  const set = (footnotes: typeof b.footnotes) => onChange({ ...b, footnotes });
  return (
    <div className="footnotes">
      {b.footnotes.map((f) => {
        const label = t("reports.footnoteNumber", { n: numbers.footnotes.get(f.id) ?? "" });
        return (
          <div className="field footnote" key={f.id}>
            <label htmlFor={`note-${f.id}`}>{label}</label>
            <input
              id={`note-${f.id}`}
              value={f.text}
              readOnly={!editable}
              maxLength={5000}
              onChange={(e) =>
                set(b.footnotes.map((x) => (x.id === f.id ? { ...x, text: e.target.value } : x)))
              }
            />
            {editable && (
              <button
                type="button"
                className="secondary"
                onClick={() => set(b.footnotes.filter((x) => x.id !== f.id))}
              >
                {t("reports.delete", { what: label })}
              </button>
            )}
          </div>
        );
      })}
      {editable && (
        <button
          type="button"
          className="secondary"
          onClick={() => set([...b.footnotes, { id: newId("f"), text: "" }])}
        >
          {t("reports.addFootnote", { to: owner })}
        </button>
      )}
    </div>
  );
}

function QuotationEditor({
  block: b,
  content,
  name,
  editable,
  onChange,
}: {
  block: QuotationBlock;
  content: ReportContent;
  name: string;
  editable: boolean;
  onChange: (b: ReportBodyBlock) => void;
}) {
  const { t } = useTranslation();
  const q = content.quotations[b.id];
  return (
    <figure className="quotation" aria-label={name}>
      <blockquote>
        {q?.readable
          ? (q.text ?? t("reports.quotationMissing"))
          : q
            ? t("reports.quotationUnreadable")
            : t("reports.quotationUnsaved")}
      </blockquote>
      {q?.readable && q.source && (
        <figcaption className="quotation-source">
          {t("reports.quotedFrom")} <Link to={`/sources/${q.source.id}`}>{q.source.title}</Link>
          {", "}
          {t(`reports.quotedField.${b.field}`)} {t("reports.characters", { start: b.start, end: b.end })}
          {" · "}
          {t("field.consentScope")}: {t(`value.${q.source.consentScope}` as "value.none")}
          {" · "}
          {t(`confidentiality.${q.source.confidentiality}` as "confidentiality.public")}
          {q.changed && <strong className="warning"> {t("reports.quotationChanged")}</strong>}
        </figcaption>
      )}
      <div className="field">
        <label htmlFor={`attribution-${b.id}`}>{t("reports.attribution")}</label>
        <input
          id={`attribution-${b.id}`}
          value={b.attribution ?? ""}
          readOnly={!editable}
          maxLength={300}
          onChange={(e) => onChange({ ...b, attribution: e.target.value || null })}
        />
      </div>
      <div className="field checkbox">
        <input
          id={`attributed-${b.id}`}
          type="checkbox"
          checked={b.attributed}
          disabled={!editable}
          onChange={(e) => onChange({ ...b, attributed: e.target.checked })}
        />
        <label htmlFor={`attributed-${b.id}`}>{t("reports.attributed")}</label>
      </div>
    </figure>
  );
}

function StatisticEditor({
  block: b,
  content,
  name,
  editable,
  onChange,
}: {
  block: StatisticBlock;
  content: ReportContent;
  name: string;
  editable: boolean;
  onChange: (b: ReportBodyBlock) => void;
}) {
  const { t, i18n } = useTranslation();
  const refresh = useReportRefresh(content.reportId);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  const saved = content.body.sections.some((s) =>
    s.blocks.some((x) => x.id === b.id && JSON.stringify(x) === JSON.stringify(b)),
  );
  const recompute = async () => {
    setBusy(true);
    setMessage("");
    try {
      await refresh(
        await api.post<ReportContent>(`/reports/${content.reportId}/statistics/refresh`, { blockId: b.id }),
      );
      setMessage(t("reports.refreshed"));
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : t("app.error"));
    } finally {
      setBusy(false);
    }
  };
  const by = b.table?.computedBy ? content.refreshedBy[b.table.computedBy] : null;
  return (
    <figure className="statistic" aria-label={name}>
      <div className="field">
        <label htmlFor={`caption-${b.id}`}>{t("reports.caption")}</label>
        <input
          id={`caption-${b.id}`}
          value={b.caption}
          readOnly={!editable}
          maxLength={500}
          onChange={(e) => onChange({ ...b, caption: e.target.value })}
        />
      </div>
      {b.table ? (
        <StatisticTableView caption={b.caption} table={b.table} />
      ) : (
        <p className="hint">{t("reports.notComputed")}</p>
      )}
      {b.table && (
        <figcaption>
          <p className="statistic-note">{b.table.note}</p>
          <p className="hint">
            {t("reports.computed", {
              at: new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" }).format(
                new Date(b.table.computedAt),
              ),
              by: by ?? "—",
            })}
          </p>
        </figcaption>
      )}
      <p role="status">{message}</p>
      {editable && (
        <div className="block-tools">
          <button type="button" disabled={busy || !saved} onClick={recompute}>
            {t("reports.refresh", { what: name })}
          </button>
          <button
            type="button"
            className="secondary"
            aria-expanded={editing}
            onClick={() => setEditing(!editing)}
          >
            {t("reports.editFilters", { what: name })}
          </button>
          {!saved && <span className="hint">{t("reports.saveToRefresh")}</span>}
        </div>
      )}
      {editing && (
        <StatisticForm
          idPrefix={`stat-${b.id}`}
          initial={{ caption: b.caption, query: b.query }}
          onCancel={() => setEditing(false)}
          onSubmit={async (caption, query) => {
            onChange({ ...b, caption, query, table: null });
            setEditing(false);
          }}
        />
      )}
    </figure>
  );
}
