import type { ReactNode } from "react";
import type { homeView } from "./portal.usecases.js";
import { CommunicationItem } from "./portal-communications.page.js";
import { ItemList, ReleaseItem, ReportItem } from "./portal-parts.js";
import { pageWords } from "./portal-text.js";
import type { PortalLang } from "./portal-words.js";

type Home = Awaited<ReturnType<typeof homeView>>;

/** The latest publications of one kind, and a link to all of them. */
function LatestSection<T>({
  lang,
  title,
  items,
  all,
  children,
}: {
  lang: PortalLang;
  title: string;
  items: readonly T[];
  all: { href: string; text: string };
  children: (item: T) => ReactNode;
}) {
  return (
    <>
      <h2>{title}</h2>
      <ItemList items={items} lang={lang}>
        {children}
      </ItemList>
      <p>
        <a href={all.href}>{all.text}</a>
      </p>
    </>
  );
}

/** The home of the mandate: what it is, and its latest publications. */
export function HomePage({ lang, name, view }: { lang: PortalLang; name: string; view: Home }) {
  const w = pageWords[lang];
  return (
    <>
      <h1>{name}</h1>
      <p className="lede">{w.welcome}</p>
      <LatestSection
        lang={lang}
        title={w.latestReleases}
        items={view.releases}
        all={{ href: `/${lang}/press-releases`, text: w.allReleases }}
      >
        {(r) => <ReleaseItem key={r.slug} r={r} lang={lang} level={3} />}
      </LatestSection>
      <LatestSection
        lang={lang}
        title={w.latestReports}
        items={view.reports}
        all={{ href: `/${lang}/reports`, text: w.allReports }}
      >
        {(r) => <ReportItem key={r.id} r={r} lang={lang} level={3} />}
      </LatestSection>
      <LatestSection
        lang={lang}
        title={w.latestCommunications}
        items={view.communications}
        all={{ href: `/${lang}/communications`, text: w.allCommunications }}
      >
        {(c) => <CommunicationItem key={c.reference} c={c} lang={lang} level={3} />}
      </LatestSection>
    </>
  );
}
