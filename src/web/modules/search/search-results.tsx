import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useTerms } from "../../api/queries.js";
import type { SearchHit, SearchSnippet } from "../../api/types.js";
import { splitMarks } from "./highlight.js";
import { hitDate } from "./hit-date.js";
import { termLabel } from "./term-options.js";

/** The address segment of each record type a search finds. */
export const pluralOfHit = {
  source: "sources",
  event: "events",
  act: "acts",
  person: "persons",
  case: "cases",
  communication: "communications",
  report: "reports",
  recommendation: "recommendations",
  press_release: "press-releases",
} as const;

/** The label key of a field a snippet was cut from: the API names columns (title_en), the labels fields (titleEn). */
const fieldKey = (column: string) =>
  `field.${column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())}`;

/** Text with the matched ranges in `<mark>`: built as React nodes, so the text is never read as HTML. */
export function Marked({ text, marks }: { text: string; marks: SearchSnippet["marks"] }) {
  return (
    <>
      {splitMarks(text, marks).map((part, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never move.
        part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </>
  );
}

function SnippetText({ snippet }: { snippet: SearchSnippet }) {
  const { t } = useTranslation();
  return (
    <p className="snippet">
      <span className="snippet-field">{t(fieldKey(snippet.field), { defaultValue: snippet.field })}: </span>
      {snippet.cutBefore && "…"}
      <Marked text={snippet.text} marks={snippet.marks} />
      {snippet.cutAfter && "…"}
    </p>
  );
}

/** One hit: what it is, its title as a link to the record, its date and level, and where the words matched. */
export function SearchHitItem({ hit }: { hit: SearchHit }) {
  const { t, i18n } = useTranslation();
  const actTerms = useTerms(hit.actType ? "types_of_acts" : undefined).data;
  const lang = i18n.language;
  // Acts are named by their type, in the reader's language rather than the one the index was written in.
  const byType = hit.recordType === "act" && hit.actType;
  const s = hit.snippet;
  const markedTitle = !byType && s?.field === "title" && !s.cutBefore && !s.cutAfter ? s : null;
  const title = byType ? (
    termLabel(actTerms, byType, lang)
  ) : markedTitle ? (
    <Marked text={markedTitle.text} marks={markedTitle.marks} />
  ) : (
    hit.title
  );
  return (
    <li className="hit">
      <div className="hit-head">
        <span className={`badge type-badge type-${hit.recordType}`}>
          {t(`search.badge.${hit.recordType}`)}
        </span>
        <h3>
          <Link to={`/${pluralOfHit[hit.recordType]}/${hit.id}`}>{title}</Link>
        </h3>
      </div>
      <p className="hit-meta">
        {hit.date && <span>{hitDate(hit.date, lang)}</span>}
        <span className={`badge level-${hit.confidentiality}`}>
          {t(`confidentiality.${hit.confidentiality}`, { defaultValue: hit.confidentiality })}
        </span>
      </p>
      {s && !markedTitle && <SnippetText snippet={s} />}
    </li>
  );
}
