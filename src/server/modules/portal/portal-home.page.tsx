import type { homeView } from "./portal.usecases.js";
import { CommunicationItem } from "./portal-communications.page.js";
import { ReleaseItem, ReportItem } from "./portal-parts.js";
import { pageWords } from "./portal-text.js";
import type { PortalLang } from "./portal-words.js";

type Home = Awaited<ReturnType<typeof homeView>>;

/** The home of the mandate: what it is, and its latest publications. */
export function HomePage({ lang, name, view }: { lang: PortalLang; name: string; view: Home }) {
  const w = pageWords[lang];
  return (
    <>
      <h1>{name}</h1>
      <p className="lede">{w.welcome}</p>
      <h2>{w.latestReleases}</h2>
      {view.releases.length ? (
        <ul className="items">
          {view.releases.map((r) => (
            <ReleaseItem key={r.slug} r={r} lang={lang} level={3} />
          ))}
        </ul>
      ) : (
        <p>{w.none}</p>
      )}
      <p>
        <a href={`/${lang}/press-releases`}>{w.allReleases}</a>
      </p>
      <h2>{w.latestReports}</h2>
      {view.reports.length ? (
        <ul className="items">
          {view.reports.map((r) => (
            <ReportItem key={r.id} r={r} lang={lang} level={3} />
          ))}
        </ul>
      ) : (
        <p>{w.none}</p>
      )}
      <p>
        <a href={`/${lang}/reports`}>{w.allReports}</a>
      </p>
      <h2>{w.latestCommunications}</h2>
      {view.communications.length ? (
        <ul className="items">
          {view.communications.map((c) => (
            <CommunicationItem key={c.reference} c={c} lang={lang} level={3} />
          ))}
        </ul>
      ) : (
        <p>{w.none}</p>
      )}
      <p>
        <a href={`/${lang}/communications`}>{w.allCommunications}</a>
      </p>
    </>
  );
}
