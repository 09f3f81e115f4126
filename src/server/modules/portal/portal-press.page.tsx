import { type PublicRelease, releasePath } from "./portal.presenters.js";
import type { releasesView } from "./portal.usecases.js";
import type { PortalShell } from "./portal-page.js";
import { FilterSelect, ItemList, Pager, ReleaseItem } from "./portal-parts.js";
import { formatDay, pageWords } from "./portal-text.js";
import type { PortalLang } from "./portal-words.js";

type List = Awaited<ReturnType<typeof releasesView>>;

/** Press releases, newest first, by year, twenty a page. */
export function ReleasesPage({
  lang,
  title,
  view,
  year,
}: {
  lang: PortalLang;
  title: string;
  view: List;
  year?: number | undefined;
}) {
  const w = pageWords[lang];
  const base = `/${lang}/press-releases`;
  return (
    <>
      <h1>{title}</h1>
      <form className="filters" method="get" action={base}>
        <FilterSelect
          id="f-year"
          name="year"
          label={w.year}
          all={w.allYears}
          value={year}
          options={view.years.map((y) => [y, String(y)] as const)}
        />
        <button type="submit">{w.show}</button>
      </form>
      <ItemList items={view.items} lang={lang}>
        {(r) => <ReleaseItem key={r.slug} r={r} lang={lang} />}
      </ItemList>
      <Pager w={w} base={base} page={view.page} pages={view.pages} query={{ year }} />
    </>
  );
}

/** What a release's page says about itself, on the portal and in its staff preview. */
export const releaseShell = (
  r: PublicRelease,
): Pick<PortalShell, "path" | "title" | "description" | "languages" | "section" | "ogType"> => ({
  path: releasePath(r.slug),
  title: r.title,
  description: r.summary || undefined,
  languages: r.languages,
  section: "pressReleases",
  ogType: "article",
});

/** One press release, as the portal shows it (and as its staff preview shows it). */
export function ReleasePage({ lang, r }: { lang: PortalLang; r: PublicRelease }) {
  const w = pageWords[lang];
  const other = r.lang !== lang ? r.lang : undefined;
  return (
    <article lang={other}>
      <h1>{r.title}</h1>
      <p className="meta">
        {r.location ? `${r.location}, ` : ""}
        {r.publishedAt ? (
          <time dateTime={r.publishedAt}>{formatDay(r.publishedAt, lang)}</time>
        ) : (
          <span lang={lang}>{w.published}: —</span>
        )}
      </p>
      {r.summary && <p className="lede">{r.summary}</p>}
      {/* Sanitised by renderMarkdown: raw HTML in the source is shown as text. */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the Markdown renderer's output is sanitised. */}
      <div className="body" dangerouslySetInnerHTML={{ __html: r.bodyHtml }} />
    </article>
  );
}
