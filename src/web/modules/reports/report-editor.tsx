import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { numberReport } from "../../../shared/report-numbering.js";
import { ApiError, api } from "../../api/client.js";
import type { ApiRecord } from "../../api/types.js";
import { ExportPanel } from "./export-panel.js";
import { PublicationCheckPanel } from "./publication-check-panel.js";
import { ReportActions } from "./report-actions.js";
import {
  newId,
  type ReportBody,
  type ReportContent,
  useReportContent,
  useReportRefresh,
} from "./report-api.js";
import { SectionEditor } from "./section-editor.js";
import { VersionsPanel } from "./versions-panel.js";

/** Moves an item of a list by one place, if it can. */
export function moved<T>(list: T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  [next[index], next[to]] = [next[to] as T, next[index] as T];
  return next;
}

/**
 * The report's editor on its page: lifecycle, summary, sections of numbered paragraphs with footnotes, live
 * statistics and quotations by reference, versions, the publication check and the exports.
 */
export default function ReportEditor({ record }: { record: ApiRecord }) {
  const { t } = useTranslation();
  const content = useReportContent(record.id);
  const refresh = useReportRefresh(record.id);
  const [draft, setDraft] = useState<ReportBody | null>(null);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (content.data && !dirty) setDraft(content.data.body);
  }, [content.data, dirty]);

  if (content.isPending || !draft) return <p>{t("app.loading")}</p>;
  if (content.error || !content.data)
    return <p role="alert">{content.error instanceof ApiError ? content.error.message : t("app.error")}</p>;
  const c: ReportContent = content.data;
  const editable = c.editable;
  // Numbers follow the draft as it is edited: they are computed, never typed.
  const numbers = numberReport(draft);

  const change = (body: ReportBody) => {
    setDraft(body);
    setDirty(true);
    setStatus(t("reports.unsaved"));
  };
  /** Saves the body (the given one, or the draft); new statistics are computed and quotations fingerprinted. */
  const save = async (body: ReportBody = draft) => {
    setBusy(true);
    setError(null);
    try {
      const saved = await api.put<ReportContent>(`/reports/${c.reportId}/body`, { version: c.version, body });
      setDirty(false);
      setDraft(saved.body);
      await refresh(saved);
      setStatus(t("reports.saved"));
      return true;
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, "internal", t("app.error")));
      setStatus("");
      return false;
    } finally {
      setBusy(false);
    }
  };
  const setSection = (i: number, s: ReportBody["sections"][number]) =>
    change({ ...draft, sections: draft.sections.map((x, j) => (j === i ? s : x)) });

  return (
    <section aria-labelledby="report-editor-title" className="report-editor">
      <h2 id="report-editor-title">{t("reports.editor")}</h2>
      <ReportActions content={c} dirty={dirty} />
      <p role="status" className="report-save-status">
        {status}
      </p>
      {error && (
        <div role="alert" className="error">
          <p>{error.message}</p>
          {Object.keys(error.fields).length > 0 && (
            <ul>
              {Object.entries(error.fields).map(([f, p]) => (
                <li key={f}>
                  <code>{f}</code>: {p.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {!editable && (
        <p className="hint">{t("reports.readOnly", { status: t(`value.${c.status}` as "value.none") })}</p>
      )}

      <div className="field" id="report-summary">
        <label htmlFor="report-summary-text">{t("reports.summary")}</label>
        <textarea
          id="report-summary-text"
          rows={5}
          value={draft.summary}
          readOnly={!editable}
          maxLength={20000}
          onChange={(e) => change({ ...draft, summary: e.target.value })}
        />
      </div>

      {draft.sections.map((s, i) => (
        <SectionEditor
          key={s.id}
          index={i}
          count={draft.sections.length}
          section={s}
          content={c}
          numbers={numbers}
          editable={editable}
          onChange={(next) => setSection(i, next)}
          onMove={(by) => change({ ...draft, sections: moved(draft.sections, i, by) })}
          onMoveBlock={(blockIndex, by) => {
            const blocks = s.blocks;
            const block = blocks[blockIndex];
            if (!block) return;
            const target = blockIndex + by;
            if (target >= 0 && target < blocks.length)
              return setSection(i, { ...s, blocks: moved(blocks, blockIndex, by) });
            // Past the edge of its section, a block goes to the neighbouring section.
            const other = draft.sections[i + by];
            if (!other) return;
            change({
              ...draft,
              sections: draft.sections.map((x, j) =>
                j === i
                  ? { ...x, blocks: blocks.filter((_, k) => k !== blockIndex) }
                  : j === i + by
                    ? { ...x, blocks: by < 0 ? [...x.blocks, block] : [block, ...x.blocks] }
                    : x,
              ),
            });
          }}
          onDelete={() => change({ ...draft, sections: draft.sections.filter((_, j) => j !== i) })}
          onInsert={(block) => {
            const body = {
              ...draft,
              sections: draft.sections.map((x, j) => (j === i ? { ...x, blocks: [...x.blocks, block] } : x)),
            };
            setDraft(body);
            return save(body);
          }}
        />
      ))}
      {editable && (
        <p>
          <button
            type="button"
            className="secondary"
            onClick={() =>
              change({
                ...draft,
                sections: [...draft.sections, { id: newId("s"), heading: "", blocks: [] }],
              })
            }
          >
            {t("reports.addSection")}
          </button>
        </p>
      )}

      <div className="field">
        <label htmlFor="report-recommendations-intro">{t("reports.recommendationsIntro")}</label>
        <textarea
          id="report-recommendations-intro"
          rows={2}
          value={draft.recommendationsIntro ?? ""}
          readOnly={!editable}
          maxLength={5000}
          onChange={(e) => change({ ...draft, recommendationsIntro: e.target.value || null })}
        />
      </div>
      <RecommendationsList content={c} />

      {editable && (
        <div className="report-save">
          <button type="button" disabled={busy || !dirty} onClick={() => save()}>
            {t("reports.save")}
          </button>
        </div>
      )}

      <VersionsPanel
        content={c}
        dirty={dirty}
        onRestored={(restored) => {
          setDirty(false);
          setDraft(restored.body);
        }}
      />
      <PublicationCheckPanel content={c} />
      <ExportPanel content={c} />
    </section>
  );
}

function RecommendationsList({ content: c }: { content: ReportContent }) {
  const { t } = useTranslation();
  return (
    <div className="report-recommendations">
      <h3>{t("reports.recommendations")}</h3>
      {c.recommendations.length ? (
        <ol start={c.numbers.recommendationsStart} className="numbered">
          {c.recommendations.map((r) => (
            <li key={r.id}>
              <Link to={`/recommendations/${r.id}`}>
                {r.addresseeKind === "state"
                  ? (r.addresseeCountry ?? "")
                  : (r.addresseeName ?? t(`value.${r.addresseeKind}` as "value.none"))}
              </Link>
              : {r.text}
            </li>
          ))}
        </ol>
      ) : (
        <p className="hint">{t("reports.noRecommendations")}</p>
      )}
      <p>
        <Link to={`/recommendations/new?reportId=${c.reportId}&sourceBody=this_mandate`}>
          {t("reports.addRecommendation")}
        </Link>
      </p>
    </div>
  );
}
