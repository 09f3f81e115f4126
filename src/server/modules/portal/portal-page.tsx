import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { portalCss } from "./portal-assets.js";
import { frameWords, type PortalLang, portalLangs } from "./portal-words.js";

/** What every portal page says about itself: language, address, title, and its versions in other languages. */
export interface PortalShell {
  lang: PortalLang;
  /** The mandate's name in the page's language. */
  mandateName: string;
  /** The page's address after the language: "/press-releases/2026-11-29-returns" (or "/" for home). */
  path: string;
  title: string;
  /** For search engines and link previews (Open Graph). */
  description?: string | undefined;
  /** The languages this page exists in (default both); the switch and hreflang point only there. */
  languages?: readonly PortalLang[] | undefined;
  /** Which menu entry the page belongs to. */
  section?: "home" | "pressReleases" | "reports" | "communications" | "visits" | "recommendations" | "about";
  /** "article" for a press release or report, for Open Graph. */
  ogType?: "website" | "article";
  /** The absolute address the site is served from (RAPPORTEUR_PUBLIC_URL), for canonical and Open Graph links. */
  publicUrl: string;
  /** A staff preview: a banner says it is not published, and search engines are told to keep out. */
  preview?: boolean;
  /** Extra elements for the head (feed links). */
  head?: ReactNode;
}

const menu = ["pressReleases", "reports", "communications", "visits", "recommendations", "about"] as const;
/** The address of each section's page after the language (the sitemap lists them too). */
export const menuPath = {
  home: "/",
  pressReleases: "/press-releases",
  reports: "/reports",
  communications: "/communications",
  visits: "/visits",
  recommendations: "/recommendations",
  about: "/about",
} as const;

/** The address of a portal page in a language: `/en/press-releases`. */
export const portalHref = (lang: PortalLang, path: string) => `/${lang}${path === "/" ? "/" : path}`;

/**
 * Renders a whole portal page (server-side, complete without JavaScript): skip link, header with the mandate's
 * name and menu, language switch with hreflang alternates, Open Graph tags, the body, the footer.
 * @example reply.type("text/html").send(renderPortalPage(shell, <p>…</p>))
 */
export function renderPortalPage(shell: PortalShell, body: ReactNode): string {
  const w = frameWords[shell.lang];
  const languages = shell.languages ?? portalLangs;
  const other = languages.find((l) => l !== shell.lang);
  const base = shell.publicUrl.replace(/\/$/, "");
  const canonical = `${base}${portalHref(shell.lang, shell.path)}`;
  const title = shell.path === "/" ? shell.mandateName : `${shell.title} · ${shell.mandateName}`;
  const html = renderToStaticMarkup(
    <html lang={shell.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>{title}</title>
        {shell.description && <meta name="description" content={shell.description} />}
        {shell.preview && <meta name="robots" content="noindex,nofollow" />}
        <link rel="canonical" href={canonical} />
        {languages.map((l) => (
          <link key={l} rel="alternate" hrefLang={l} href={`${base}${portalHref(l, shell.path)}`} />
        ))}
        <meta property="og:title" content={shell.title} />
        <meta property="og:type" content={shell.ogType ?? "website"} />
        <meta property="og:url" content={canonical} />
        <meta property="og:site_name" content={shell.mandateName} />
        <meta property="og:locale" content={shell.lang === "ko" ? "ko_KR" : "en_GB"} />
        {shell.description && <meta property="og:description" content={shell.description} />}
        {/* Inline: a page needs no second request before it can be drawn. */}
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the portal's own stylesheet, read from its file. */}
        <style dangerouslySetInnerHTML={{ __html: portalCss }} />
        <link
          rel="alternate"
          type="application/rss+xml"
          title={`${w.pressReleases} (RSS)`}
          href={`/${shell.lang}/press-releases/feed.rss`}
        />
        <link
          rel="alternate"
          type="application/atom+xml"
          title={`${w.pressReleases} (Atom)`}
          href={`/${shell.lang}/press-releases/feed.atom`}
        />
        {shell.head}
      </head>
      <body>
        <a className="skip" href="#content">
          {w.skip}
        </a>
        {shell.preview && (
          <div className="preview-banner" role="status">
            {w.preview}
          </div>
        )}
        <header className="site">
          <div className="bar">
            <a className="brand" href={portalHref(shell.lang, "/")}>
              {shell.mandateName}
            </a>
            {other && (
              <a href={portalHref(other, shell.path)} hrefLang={other} lang={other}>
                {w.otherLanguage}
              </a>
            )}
          </div>
          <nav className="main bar" aria-label={w.mainNav}>
            <ul>
              {menu.map((m) => (
                <li key={m}>
                  <a
                    href={portalHref(shell.lang, menuPath[m])}
                    aria-current={shell.section === m ? "page" : undefined}
                  >
                    {w[m]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="content">{body}</main>
        <footer className="site">
          <div className="bar">
            <a href={portalHref(shell.lang, "/subscribe")}>{w.subscribe}</a>
            <span>
              {w.feeds}: <a href={`/${shell.lang}/press-releases/feed.rss`}>{w.rss}</a> ·{" "}
              <a href={`/${shell.lang}/press-releases/feed.atom`}>{w.atom}</a>
            </span>
          </div>
        </footer>
      </body>
    </html>,
  );
  return `<!doctype html>\n${html}`;
}
