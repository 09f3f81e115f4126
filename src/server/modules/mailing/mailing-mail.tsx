import { renderToStaticMarkup } from "react-dom/server";
import { oneLine } from "../../platform/mail/mail-templates.js";
import { markdownToText, renderMarkdown } from "../../platform/text/markdown.js";
import { mediaPath } from "../portal/portal.presenters.js";
import { releaseHref } from "../portal/portal-parts.js";
import type { MailingLanguage, MailingTopic } from "./mailing.policies.js";
import { mailWords, topicList } from "./subscription-words.js";

/** The double opt-in message: the only one an address receives before it is confirmed. */
export function confirmationMail(p: {
  lang: MailingLanguage;
  mandateName: string;
  topics: readonly MailingTopic[];
  link: string;
  days: number;
}) {
  const w = mailWords[p.lang];
  const mandate = oneLine(p.mandateName);
  return {
    subject: w.confirmSubject(mandate),
    text: `${w.confirmText(mandate, topicList(p.lang, p.topics), p.link, p.days)}\n`,
  };
}

/** The answer to a sign-up of an address that is confirmed already: its preferences link, nothing changed. */
export function alreadySubscribedMail(p: { lang: MailingLanguage; mandateName: string; link: string }) {
  const w = mailWords[p.lang];
  const mandate = oneLine(p.mandateName);
  return { subject: w.alreadySubject(mandate), text: `${w.alreadyText(mandate, p.link)}\n` };
}

/** A press release in one language, as it goes out. */
export interface ReleaseText {
  lang: MailingLanguage;
  title: string;
  summary: string | null;
  body: string | null;
  location: string | null;
  publishedAt: string | null;
  url: string;
  /** The absolute address of each image the body shows (null: not one of the release's). */
  imageUrl: (id: string) => string | null;
}

/** The columns of a release its mail is made of. */
export interface ReleaseRow {
  slug: string;
  location: string | null;
  published_at: string | null;
  title_en: string | null;
  title_ko: string | null;
  summary_en: string | null;
  summary_ko: string | null;
  body_en: string | null;
  body_ko: string | null;
}

/**
 * The release in both languages, as each delivery takes it: links and images at their absolute portal addresses.
 * @example releaseTexts("https://portal.example.org", release, imageIds).ko.url // ".../ko/press-releases/slug"
 */
export function releaseTexts(
  publicUrl: string,
  r: ReleaseRow,
  imageIds: readonly string[],
): Record<MailingLanguage, ReleaseText> {
  const base = publicUrl.replace(/\/+$/, "");
  const images = new Set(imageIds);
  const text = (lang: MailingLanguage): ReleaseText => ({
    lang,
    title: (lang === "ko" ? r.title_ko : r.title_en) ?? "",
    summary: lang === "ko" ? r.summary_ko : r.summary_en,
    body: lang === "ko" ? r.body_ko : r.body_en,
    location: r.location,
    publishedAt: r.published_at,
    url: `${base}${releaseHref(lang, r.slug)}`,
    imageUrl: (id) => (images.has(id) ? `${base}${mediaPath(id)}` : null),
  });
  return { en: text("en"), ko: text("ko") };
}

export interface ListLinks {
  manage: string;
  unsubscribe: string;
}

const dateline = (r: ReleaseText) => {
  const day = r.publishedAt
    ? new Intl.DateTimeFormat(r.lang, { dateStyle: "long", timeZone: "UTC" }).format(new Date(r.publishedAt))
    : "";
  return [r.location, day].filter(Boolean).join(" — ");
};

const muted = { color: "#555555" };

function ReleaseHtml({ r, mandateName, links }: { r: ReleaseText; mandateName: string; links: ListLinks }) {
  const w = mailWords[r.lang];
  return (
    <html lang={r.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>{r.title}</title>
      </head>
      <body style={{ margin: 0, padding: 0, background: "#f3f5f8" }}>
        <article
          aria-label={r.title}
          lang={r.lang}
          style={{
            maxWidth: "40rem",
            margin: "0 auto",
            padding: "24px",
            background: "#ffffff",
            color: "#1b1b1b",
            fontFamily: 'system-ui, -apple-system, "Segoe UI", "Noto Sans KR", sans-serif',
            fontSize: "16px",
            lineHeight: 1.55,
          }}
        >
          <p style={{ ...muted, margin: "0 0 8px" }}>{mandateName}</p>
          <h1 style={{ fontSize: "24px", lineHeight: 1.25, margin: "0 0 12px" }}>{r.title}</h1>
          {dateline(r) && <p style={muted}>{dateline(r)}</p>}
          {r.summary && <p style={{ fontSize: "18px" }}>{r.summary}</p>}
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the Markdown renderer's output is sanitised. */}
          <div dangerouslySetInnerHTML={{ __html: renderMarkdown(r.body, { imageUrl: r.imageUrl }) }} />
          <p>
            <a href={r.url} style={{ color: "#0b5cad" }}>
              {w.readOnline}
            </a>
          </p>
          <hr style={{ border: 0, borderTop: "1px solid #d6d6d6" }} />
          <p style={{ ...muted, fontSize: "14px" }}>
            {w.why(mandateName)}
            <br />
            <a href={links.manage} style={{ color: "#0b5cad" }}>
              {w.manage}
            </a>
            {" · "}
            <a href={links.unsubscribe} style={{ color: "#0b5cad" }}>
              {w.unsubscribe}
            </a>
          </p>
        </article>
      </body>
    </html>
  );
}

/**
 * A press release as e-mail: subject = its title; an HTML part (sanitised Markdown in a plain, readable layout) and a
 * plain-text part, each ending with the preferences and unsubscribe links.
 * @example releaseMail(text, "Special Rapporteur on the DPRK", { manage, unsubscribe })
 */
export function releaseMail(r: ReleaseText, mandateName: string, links: ListLinks) {
  const w = mailWords[r.lang];
  const mandate = oneLine(mandateName);
  const text = [
    r.title,
    dateline(r),
    r.summary ?? "",
    markdownToText(r.body),
    `${w.readOnline}: ${r.url}`,
    `-- \n${w.why(mandate)}\n${w.manage}: ${links.manage}\n${w.unsubscribe}: ${links.unsubscribe}`,
  ]
    .filter(Boolean)
    .join("\n\n");
  const html = `<!doctype html>\n${renderToStaticMarkup(<ReleaseHtml r={r} mandateName={mandate} links={links} />)}`;
  return { subject: oneLine(r.title), text: `${text}\n`, html };
}

/**
 * The headers of every mailing: one-click unsubscribe (RFC 8058: a POST with `List-Unsubscribe=One-Click` to the
 * https link) and the list's identity (RFC 2919).
 */
export const listHeaders = (unsubscribeUrl: string, listId: string) => ({
  "List-Unsubscribe": `<${unsubscribeUrl}>`,
  "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  "List-Id": `<${listId}>`,
});
