import type { ReactNode } from "react";
import { type PublicRelease, type PublicReport, releasePath } from "./portal.presenters.js";
import { fill, formatDay, type PageWords, pageWords } from "./portal-text.js";
import type { PortalLang } from "./portal-words.js";

/** Pieces shared by the portal's pages. */

/** The address of a press release's page in a language. */
export const releaseHref = (lang: PortalLang, slug: string) => `/${lang}${releasePath(slug)}`;

/** A list of publications, each drawn by `children`, or "none" when there is none. */
export function ItemList<T>({
  items,
  lang,
  children,
}: {
  items: readonly T[];
  lang: PortalLang;
  children: (item: T, index: number) => ReactNode;
}) {
  if (!items.length) return <p>{pageWords[lang].none}</p>;
  return <ul className="items">{items.map(children)}</ul>;
}

/** A press release in a list: title (in the language it exists in), dateline, date and summary. */
export function ReleaseItem({ r, lang, level = 2 }: { r: PublicRelease; lang: PortalLang; level?: 2 | 3 }) {
  const w = pageWords[lang];
  const H = level === 2 ? "h2" : "h3";
  const other = r.lang !== lang;
  return (
    <li>
      <H lang={other ? r.lang : undefined}>
        <a href={releaseHref(lang, r.slug)}>{r.title}</a>
      </H>
      <p className="meta">
        <time dateTime={r.publishedAt}>{formatDay(r.publishedAt, lang)}</time>
        {r.location ? ` · ${r.location}` : ""}
        {other && lang === "ko" ? ` · ${w.onlyIn}` : ""}
      </p>
      {r.summary && <p lang={other ? r.lang : undefined}>{r.summary}</p>}
    </li>
  );
}

/** A published report with its downloads. */
export function ReportItem({ r, lang, level = 2 }: { r: PublicReport; lang: PortalLang; level?: 2 | 3 }) {
  const w = pageWords[lang];
  const H = level === 2 ? "h2" : "h3";
  return (
    <li>
      <H lang={r.lang !== lang ? r.lang : undefined}>{r.title}</H>
      <p className="meta">
        {[
          r.symbol,
          w.reportKinds[r.kind] ?? r.kind,
          r.session && `${w.session} ${r.session}`,
          formatDay(r.publishedOn, lang),
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      {r.subtitle && <p>{r.subtitle}</p>}
      <p>
        {w.download}: <a href={`/${lang}${r.files.docx}`}>{w.word}</a> ·{" "}
        <a href={`/${lang}${r.files.pdf}`}>{w.pdf}</a>
      </p>
    </li>
  );
}

/** Previous / next links of a paged list, keeping the other query values. */
export function Pager({
  w,
  base,
  page,
  pages,
  query,
}: {
  w: PageWords;
  base: string;
  page: number;
  pages: number;
  query: Record<string, string | number | undefined>;
}) {
  if (pages <= 1) return null;
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "") q.set(k, String(v));
    if (p > 1) q.set("page", String(p));
    const s = q.toString();
    return s ? `${base}?${s}` : base;
  };
  return (
    <nav className="pager" aria-label={fill(w.pageOf, { page, pages })}>
      {page > 1 && (
        <a href={href(page - 1)} rel="prev">
          {w.previous}
        </a>
      )}
      <span>{fill(w.pageOf, { page, pages })}</span>
      {page < pages && (
        <a href={href(page + 1)} rel="next">
          {w.next}
        </a>
      )}
    </nav>
  );
}

/** One filter of a list's form: a labelled choice with an "all" option first. */
export function FilterSelect({
  id,
  name,
  label,
  all,
  value,
  options,
}: {
  id: string;
  name: string;
  label: string;
  all: string;
  value: string | number | undefined;
  options: readonly (readonly [string | number, string])[];
}) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value === undefined ? "" : String(value)}>
        <option value="">{all}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
