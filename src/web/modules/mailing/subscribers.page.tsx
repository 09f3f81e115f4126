import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.js";
import { useMandate } from "../../app/mandate-context.js";
import { CursorPager, useCursorStack } from "./cursor-pager.js";
import { EraseSubscriberForm } from "./erase-subscriber-form.js";
import { useSubscribers } from "./mailing-api.js";

/**
 * The mandate's mailing list: figures for every member; for the mandate holder, officers and admins the subscribers
 * with their addresses, the CSV export (audited) and erasure on request.
 */
export default function SubscribersPage() {
  const { t, i18n } = useTranslation();
  const { mandate } = useMandate();
  const pages = useCursorStack();
  const list = useSubscribers(mandate?.id, pages.cursor);
  const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(i18n.language) : "");
  if (!mandate) return <p>{t("app.loading")}</p>;
  const counts = list.data?.counts;
  const items = list.data?.items;
  return (
    <>
      <h1>{t("subscribers.title")}</h1>
      <p>{t("subscribers.intro")}</p>
      {list.error && (
        <p role="alert" className="error">
          {list.error instanceof ApiError ? list.error.message : t("app.error")}
        </p>
      )}
      {list.isPending && <p>{t("app.loading")}</p>}
      {counts && (
        <section aria-labelledby="subscribers-counts">
          <h2 id="subscribers-counts">{t("subscribers.counts")}</h2>
          <dl className="fields">
            <div>
              <dt>{t("subscribers.confirmed")}</dt>
              <dd>{counts.confirmed}</dd>
            </div>
            <div>
              <dt>{t("subscribers.inEnglish")}</dt>
              <dd>{counts.byLanguage.en}</dd>
            </div>
            <div>
              <dt>{t("subscribers.inKorean")}</dt>
              <dd>{counts.byLanguage.ko}</dd>
            </div>
            <div>
              <dt>{t("subscribers.pending")}</dt>
              <dd>{counts.pending}</dd>
            </div>
          </dl>
        </section>
      )}
      {list.data && items === null && <p className="hint">{t("subscribers.addressesHidden")}</p>}
      {items && (
        <section aria-labelledby="subscribers-list">
          <h2 id="subscribers-list">{t("subscribers.list")}</h2>
          <p className="export-links">
            <a href={`/api/v1/subscribers/export.csv?mandateId=${encodeURIComponent(mandate.id)}`} download>
              {t("subscribers.export")}
            </a>{" "}
            <small className="hint">{t("subscribers.exportHint")}</small>
          </p>
          {items.length === 0 ? (
            <p>{t("subscribers.none")}</p>
          ) : (
            <table className="records" aria-busy={list.isFetching}>
              <caption>{t("subscribers.caption", { page: pages.page })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("subscribers.email")}</th>
                  <th scope="col">{t("subscribers.language")}</th>
                  <th scope="col">{t("subscribers.topics")}</th>
                  <th scope="col">{t("subscribers.status")}</th>
                  <th scope="col">{t("subscribers.since")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((s) => (
                  <tr key={s.id}>
                    <td>{s.email}</td>
                    <td>{t(`subscribers.lang.${s.language}`)}</td>
                    <td>
                      {s.topics
                        .map((topic) => t(`subscribers.topic.${topic}` as "subscribers.topic.reports"))
                        .join(", ")}
                    </td>
                    <td>{t(`subscribers.state.${s.status}`)}</td>
                    <td>{day(s.confirmedAt ?? s.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <CursorPager stack={pages} nextCursor={list.data?.nextCursor} />
        </section>
      )}
      {mandate.abilities.manageSubscribers && <EraseSubscriberForm mandateId={mandate.id} />}
    </>
  );
}
