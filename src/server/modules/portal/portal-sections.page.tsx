import type {
  PublicMandate,
  PublicRecommendation,
  PublicReport,
  PublicVisitLine,
} from "./portal.presenters.js";
import { FilterSelect, ItemList, ReportItem } from "./portal-parts.js";
import { formatDay, pageWords } from "./portal-text.js";
import type { PortalLang } from "./portal-words.js";

/** Published reports with their downloads. */
export function ReportsPage({
  lang,
  title,
  reports,
}: {
  lang: PortalLang;
  title: string;
  reports: PublicReport[];
}) {
  return (
    <>
      <h1>{title}</h1>
      <ItemList items={reports} lang={lang}>
        {(r) => <ReportItem key={r.id} r={r} lang={lang} />}
      </ItemList>
    </>
  );
}

/** The status of country visits: requests, reminders, answers and visits made. */
export function VisitsPage({
  lang,
  title,
  lines,
}: {
  lang: PortalLang;
  title: string;
  lines: PublicVisitLine[];
}) {
  const w = pageWords[lang];
  if (!lines.length)
    return (
      <>
        <h1>{title}</h1>
        <p>{w.none}</p>
      </>
    );
  return (
    <>
      <h1>{title}</h1>
      <table>
        <caption className="muted">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{w.country}</th>
            <th scope="col">{w.firstRequest}</th>
            <th scope="col">{w.reminders}</th>
            <th scope="col">{w.status}</th>
            <th scope="col">{w.visitsMade}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={`${l.country}-${l.firstRequestedOn}-${l.visits[0]?.startOn ?? ""}`}>
              <th scope="row">{l.countryName}</th>
              <td>{formatDay(l.firstRequestedOn, lang) || "—"}</td>
              <td>
                {l.reminders || "—"}
                {l.lastReminderOn ? ` (${formatDay(l.lastReminderOn, lang)})` : ""}
              </td>
              <td>
                {l.status ? (w.requestStatus[l.status] ?? l.status) : "—"}
                {l.statusOn ? `, ${formatDay(l.statusOn, lang)}` : ""}
              </td>
              <td>
                {l.visits.length
                  ? l.visits.map((v) => (
                      <div key={v.title + v.startOn}>
                        {v.title}: {formatDay(v.startOn, lang)}
                        {v.endOn ? ` – ${formatDay(v.endOn, lang)}` : ""} (
                        {w.visitStatus[v.status] ?? v.status})
                        {v.reportSymbol ? ` · ${w.report} ${v.reportSymbol}` : ""}
                      </div>
                    ))
                  : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Public recommendations with their follow-up status, filtered by status and by who made them. */
export function RecommendationsPage({
  lang,
  title,
  items,
  filters,
}: {
  lang: PortalLang;
  title: string;
  items: PublicRecommendation[];
  filters: { status?: string | undefined; body?: string | undefined };
}) {
  const w = pageWords[lang];
  return (
    <>
      <h1>{title}</h1>
      <form className="filters" method="get" action={`/${lang}/recommendations`}>
        <FilterSelect
          id="f-status"
          name="status"
          label={w.followUp}
          all={w.allStatuses}
          value={filters.status}
          options={Object.entries(w.implementation)}
        />
        <FilterSelect
          id="f-body"
          name="body"
          label={w.source}
          all={w.allSources}
          value={filters.body}
          options={Object.entries(w.bodies)}
        />
        <button type="submit">{w.show}</button>
      </form>
      <ItemList items={items} lang={lang}>
        {(r, i) => (
          // Keyed by its place: a public recommendation shows no identifier of its own.
          <li key={i}>
            <p>{r.text}</p>
            <p className="meta">
              {[
                w.bodies[r.sourceBody] ?? r.sourceBody,
                r.session,
                r.paragraph && `¶ ${r.paragraph}`,
                `${w.addressee}: ${w.addresseeKinds[r.addressee] ?? r.addressee}`,
                r.recommendingState && `${w.recommendingState}: ${r.recommendingState}`,
                r.response && `${w.response}: ${r.response}`,
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
            <p>
              <strong>{w.followUp}:</strong> {w.implementation[r.status] ?? r.status}
              {r.statusOn ? ` (${formatDay(r.statusOn, lang)})` : ""}
            </p>
            {r.followUps.length > 0 && (
              <ul>
                {r.followUps.map((f) => (
                  <li key={f.assessedOn + f.status}>
                    {formatDay(f.assessedOn, lang)}: {w.implementation[f.status] ?? f.status}
                    {f.evidence ? ` — ${f.evidence}` : ""}
                  </li>
                ))}
              </ul>
            )}
          </li>
        )}
      </ItemList>
    </>
  );
}

/** About the mandate, in its own words. */
export function AboutPage({
  lang,
  title,
  mandate,
}: {
  lang: PortalLang;
  title: string;
  mandate: PublicMandate;
}) {
  const w = pageWords[lang];
  return (
    <>
      <h1>{title}</h1>
      {mandate.holder && (
        <p>
          <strong>{w.holder}:</strong> {mandate.holder}
        </p>
      )}
      {mandate.aboutHtml ? (
        // biome-ignore lint/security/noDangerouslySetInnerHtml: the Markdown renderer's output is sanitised.
        <div className="body" dangerouslySetInnerHTML={{ __html: mandate.aboutHtml }} />
      ) : (
        <p>{w.noAbout}</p>
      )}
    </>
  );
}
