import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReportNumbers } from "../../../shared/report-numbering.js";
import { BlockEditor } from "./block-editor.js";
import { QuotationPicker } from "./quotation-picker.js";
import { newId, type ReportBodyBlock, type ReportContent, type ReportSection } from "./report-api.js";
import { StatisticForm } from "./statistic-form.js";

interface Props {
  index: number;
  count: number;
  section: ReportSection;
  content: ReportContent;
  numbers: ReportNumbers;
  editable: boolean;
  onChange: (s: ReportSection) => void;
  onMove: (by: -1 | 1) => void;
  onMoveBlock: (blockIndex: number, by: -1 | 1) => void;
  onDelete: () => void;
  /** Adds a block at the end of the section and saves the report (a statistic is computed, a quotation checked). */
  onInsert: (block: ReportBodyBlock) => Promise<boolean>;
}

/** One section: its heading, its blocks in order, and what can be added to it. */
export function SectionEditor({ index, count, section: s, content, numbers, editable, ...on }: Props) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState<"statistic" | "quotation" | null>(null);
  const headingId = `section-${s.id}-heading`;
  const label = s.heading || t("reports.sectionNumber", { n: index + 1 });
  return (
    <section className="report-section" aria-labelledby={`${headingId}-title`} id={`block-${s.id}`}>
      <h3 id={`${headingId}-title`}>{label}</h3>
      <div className="field">
        <label htmlFor={headingId}>{t("reports.heading", { n: index + 1 })}</label>
        <input
          id={headingId}
          value={s.heading}
          readOnly={!editable}
          maxLength={300}
          onChange={(e) => on.onChange({ ...s, heading: e.target.value })}
        />
      </div>
      {editable && (
        <div className="block-tools">
          <button type="button" className="secondary" disabled={index === 0} onClick={() => on.onMove(-1)}>
            {t("reports.moveUp", { what: label })}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={index === count - 1}
            onClick={() => on.onMove(1)}
          >
            {t("reports.moveDown", { what: label })}
          </button>
          <button type="button" className="secondary" onClick={on.onDelete}>
            {t("reports.delete", { what: label })}
          </button>
        </div>
      )}
      {s.blocks.map((b, j) => (
        <BlockEditor
          key={b.id}
          block={b}
          content={content}
          numbers={numbers}
          editable={editable}
          first={index === 0 && j === 0}
          last={index === count - 1 && j === s.blocks.length - 1}
          onChange={(next) => on.onChange({ ...s, blocks: s.blocks.map((x, k) => (k === j ? next : x)) })}
          onMove={(by) => on.onMoveBlock(j, by)}
          onDelete={() => on.onChange({ ...s, blocks: s.blocks.filter((_, k) => k !== j) })}
        />
      ))}
      {s.blocks.length === 0 && <p className="hint">{t("reports.emptySection")}</p>}
      {editable && (
        <div className="block-tools">
          <button
            type="button"
            className="secondary"
            onClick={() =>
              on.onChange({
                ...s,
                blocks: [...s.blocks, { kind: "paragraph", id: newId("p"), text: "", footnotes: [] }],
              })
            }
          >
            {t("reports.addParagraph", { section: label })}
          </button>
          <button
            type="button"
            className="secondary"
            aria-expanded={adding === "statistic"}
            onClick={() => setAdding(adding === "statistic" ? null : "statistic")}
          >
            {t("reports.addStatistic", { section: label })}
          </button>
          <button
            type="button"
            className="secondary"
            aria-expanded={adding === "quotation"}
            onClick={() => setAdding(adding === "quotation" ? null : "quotation")}
          >
            {t("reports.addQuotation", { section: label })}
          </button>
        </div>
      )}
      {adding === "statistic" && (
        <StatisticForm
          idPrefix={`new-stat-${s.id}`}
          onCancel={() => setAdding(null)}
          onSubmit={async (caption, query) => {
            if (await on.onInsert({ kind: "statistic", id: newId("t"), caption, query })) setAdding(null);
          }}
        />
      )}
      {adding === "quotation" && (
        <QuotationPicker
          idPrefix={`new-quote-${s.id}`}
          onCancel={() => setAdding(null)}
          onSubmit={async (q) => {
            if (await on.onInsert({ kind: "quotation", id: newId("q"), footnotes: [], ...q }))
              setAdding(null);
          }}
        />
      )}
    </section>
  );
}
