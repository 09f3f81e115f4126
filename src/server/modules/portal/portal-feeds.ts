import { Feed } from "feed";
import type { PublicRelease } from "./portal.presenters.js";
import { releaseHref } from "./portal-parts.js";
import { frameWords, type PortalLang } from "./portal-words.js";

/** Feeds and the sitemap of the portal: made from the public presenters only, like its pages. */

/** A path of the portal as an absolute address under its public URL. */
export const absoluteUrl = (publicUrl: string, path: string) => `${publicUrl.replace(/\/$/, "")}${path}`;

/**
 * The press releases of one language as RSS 2.0 or Atom 1.0, newest first: `releases` are those written in that
 * language, presented with their sanitised bodies (the portal's `feedReleases`), which each item carries whole.
 * @example pressReleaseFeed({ releases, lang: "ko", format: "atom", … })
 */
export function pressReleaseFeed(o: {
  releases: PublicRelease[];
  lang: PortalLang;
  format: "rss" | "atom";
  mandateName: string;
  publicUrl: string;
  latest: string;
}): string {
  const w = frameWords[o.lang];
  const feed = new Feed({
    id: absoluteUrl(o.publicUrl, `/${o.lang}/press-releases`),
    title: `${o.mandateName} — ${w.pressReleases}`,
    link: absoluteUrl(o.publicUrl, `/${o.lang}/press-releases`),
    language: o.lang,
    updated: new Date(o.releases[0]?.publishedAt || o.latest || 0),
    generator: false,
    feedLinks: {
      rss: absoluteUrl(o.publicUrl, `/${o.lang}/press-releases/feed.rss`),
      atom: absoluteUrl(o.publicUrl, `/${o.lang}/press-releases/feed.atom`),
    },
    copyright: o.mandateName,
  });
  for (const r of o.releases) {
    const link = absoluteUrl(o.publicUrl, releaseHref(o.lang, r.slug));
    feed.addItem({
      title: r.title,
      id: link,
      guid: link,
      link,
      date: new Date(Math.max(Date.parse(r.updatedAt), Date.parse(r.publishedAt))),
      published: new Date(r.publishedAt),
      description: r.summary || undefined,
      content: r.bodyHtml,
    });
  }
  return o.format === "rss" ? feed.rss2() : feed.atom1();
}

const xml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** One address of the sitemap, with its versions in each language. */
export interface SitemapEntry {
  path: string;
  languages: readonly PortalLang[];
  lastmod?: string | undefined;
}

/** sitemap.xml with hreflang alternates (xhtml:link) for every language version of each page. */
export function sitemapXml(publicUrl: string, entries: SitemapEntry[]): string {
  const urls = entries.flatMap((e) =>
    e.languages.map((lang) => {
      const alternates = e.languages
        .map(
          (l) =>
            `<xhtml:link rel="alternate" hreflang="${l}" href="${xml(absoluteUrl(publicUrl, `/${l}${e.path}`))}"/>`,
        )
        .join("");
      const lastmod = e.lastmod ? `<lastmod>${xml(e.lastmod.slice(0, 10))}</lastmod>` : "";
      return `<url><loc>${xml(absoluteUrl(publicUrl, `/${lang}${e.path}`))}</loc>${lastmod}${alternates}</url>`;
    }),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join("\n")}\n</urlset>\n`;
}

/** robots.txt: the portal is for everyone; the staff application and the API are not for crawlers. */
export const robotsTxt = (publicUrl: string) =>
  `User-agent: *\nDisallow: /app/\nDisallow: /api/\nAllow: /\n\nSitemap: ${absoluteUrl(publicUrl, "/sitemap.xml")}\n`;
