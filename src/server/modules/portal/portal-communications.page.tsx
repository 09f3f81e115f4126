import type { communicationsView } from "./portal.usecases.js";
import { FilterSelect, ItemList } from "./portal-parts.js";
import { fill, formatDay, pageWords } from "./portal-text.js";
import type { PortalLang } from "./portal-words.js";

type View = Awaited<ReturnType<typeof communicationsView>>;
type Item = View["items"][number];

/** A published communication: reference, type, date, addressee, public summary, the letter and the replies. */
export function CommunicationItem({ c, lang, level = 2 }: { c: Item; lang: PortalLang; level?: 2 | 3 }) {
  const w = pageWords[lang];
  const H = level === 2 ? "h2" : "h3";
  const kind = c.kind.replace(/^J/, "");
  return (
    <li>
      <H>{c.reference}</H>
      <p className="meta">
        {[
          w.kinds[kind] ?? c.kind,
          `${w.sent} ${formatDay(c.sentOn, lang)}`,
          `${w.addressee}: ${c.addresseeName}`,
        ].join(" · ")}
      </p>
      {c.publicSummary && <p>{c.publicSummary}</p>}
      <p>
        <a href={c.letterUrl}>{w.letter}</a>
      </p>
      {level === 2 && (
        <>
          <h3>{w.replies}</h3>
          {c.replies.length ? (
            <ul>
              {c.replies.map((r) => (
                <li key={r.receivedOn + r.summary}>
                  <time dateTime={r.receivedOn}>{formatDay(r.receivedOn, lang)}</time>
                  {r.summary ? ` — ${r.summary}` : ""}
                  {r.documentUrl && (
                    <>
                      {" "}
                      (<a href={r.documentUrl}>{w.replyDocument}</a>)
                    </>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p>{w.noReply}</p>
          )}
        </>
      )}
    </li>
  );
}

/** Published communications with filters by year, type, addressee and words (a plain form: no script needed). */
export function CommunicationsPage({
  lang,
  title,
  view,
  filters,
}: {
  lang: PortalLang;
  title: string;
  view: View;
  filters: {
    year?: number | undefined;
    kind?: string | undefined;
    country?: string | undefined;
    q?: string | undefined;
  };
}) {
  const w = pageWords[lang];
  return (
    <>
      <h1>{title}</h1>
      <form className="filters" method="get" action={`/${lang}/communications`}>
        <FilterSelect
          id="f-year"
          name="year"
          label={w.year}
          all={w.allYears}
          value={filters.year}
          options={view.years.map((y) => [y, String(y)] as const)}
        />
        <FilterSelect
          id="f-type"
          name="type"
          label={w.type}
          all={w.allTypes}
          value={filters.kind}
          options={Object.entries(w.kinds)}
        />
        <FilterSelect
          id="f-addressee"
          name="addressee"
          label={w.addressee}
          all={w.allAddressees}
          value={filters.country}
          options={view.countries.map((c) => [c.code, c.name] as const)}
        />
        <div>
          <label htmlFor="f-q">{w.words}</label>
          <input id="f-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={200} />
        </div>
        <button type="submit">{w.show}</button>
      </form>
      <p role="status">{fill(w.results, { count: view.items.length })}</p>
      <ItemList items={view.items} lang={lang}>
        {(c) => <CommunicationItem key={c.reference} c={c} lang={lang} />}
      </ItemList>
    </>
  );
}
