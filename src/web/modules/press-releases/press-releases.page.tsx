import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { pressReleaseStatuses } from "../../../shared/press-releases.js";
import { useMandate } from "../../app/mandate-context.js";
import { Pager, useKeysetList } from "../records/keyset-list.js";
import { type PressRelease, titleOf } from "./press-release-api.js";
import { formatPublishTime } from "./publish-time.js";
import "./press-releases.css";

/** When a release went out, or is to go out, in the reader's language. */
function Publication({ r }: { r: PressRelease }) {
  const { t, i18n } = useTranslation();
  const at = r.status === "published" ? r.publishedAt : r.status === "scheduled" ? r.publishAt : null;
  if (!at) return <span className="none">{t("pressReleases.notPublished")}</span>;
  const time = <time dateTime={at}>{formatPublishTime(at, i18n.language)}</time>;
  return r.status === "scheduled" ? (
    <span>
      {t("pressReleases.scheduledShort")} {time}
    </span>
  ) : (
    time
  );
}

/** The mandate's press releases, newest change first: status, titles in both languages, publication time. */
export default function PressReleasesPage() {
  const { t, i18n } = useTranslation();
  const { mandate } = useMandate();
  const { params, setParams, page, list, goTo } = useKeysetList<PressRelease>("press-releases", {
    mandateId: mandate?.id,
    enabled: Boolean(mandate),
  });
  const [draft, setDraft] = useState({ q: params.get("q") ?? "", status: params.get("status") ?? "" });
  const apply = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (draft.q) next.set("q", draft.q);
    if (draft.status) next.set("status", draft.status);
    setParams(next);
  };
  return (
    <>
      <div className="page-head">
        <h1>{t("nav.pressReleases")}</h1>
        {mandate?.abilities.createRecords && (
          <Link className="button" to="/press-releases/new">
            {t("pressReleases.new")}
          </Link>
        )}
      </div>
      <form className="filters" onSubmit={apply} aria-label={t("list.filters")}>
        <div className="field">
          <label htmlFor="pr-q">{t("list.search")}</label>
          <input
            id="pr-q"
            type="search"
            value={draft.q}
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="pr-status">{t("field.status")}</label>
          <select
            id="pr-status"
            value={draft.status}
            onChange={(e) => setDraft({ ...draft, status: e.target.value })}
          >
            <option value="">{t("list.any")}</option>
            {pressReleaseStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`value.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("list.apply")}</button>
      </form>
      {list.error && <p role="alert">{(list.error as Error).message}</p>}
      <table className="records press-releases" aria-busy={list.isFetching}>
        <caption>{t("pressReleases.caption", { page })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("field.title")}</th>
            <th scope="col">{t("field.status")}</th>
            <th scope="col">{t("pressReleases.publication")}</th>
            <th scope="col">{t("record.updatedAt")}</th>
          </tr>
        </thead>
        <tbody>
          {list.data?.items.map((r) => {
            const title = titleOf(r, i18n.language);
            // The title in the other language too, when there is one: a release lives in both.
            const other = title?.lang === "en" ? r.titleKo : title?.lang === "ko" ? r.titleEn : null;
            return (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={`/press-releases/${r.id}`} lang={title?.lang}>
                    {title?.text ?? t("pressReleases.untitled")}
                  </Link>
                  {other && (
                    <span className="other-title" lang={title?.lang === "en" ? "ko" : "en"}>
                      {other}
                    </span>
                  )}
                </th>
                <td>
                  <span className={`badge status-${r.status}`}>{t(`value.${r.status}`)}</span>
                </td>
                <td>
                  <Publication r={r} />
                </td>
                <td>
                  <time dateTime={r.updatedAt}>{formatPublishTime(r.updatedAt, i18n.language)}</time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Pager page={page} data={list.data} empty={t("pressReleases.empty")} goTo={goTo} />
    </>
  );
}
