import { useTranslation } from "react-i18next";
import { mailingLanguageOf } from "../../../shared/mailing-languages.js";
import { ApiError } from "../../api/client.js";
import { CursorPager, useCursorStack } from "./cursor-pager.js";
import { type Mailing, useDeliveries } from "./mailing-api.js";

/** One mailing's delivery log, a page at a time: status per recipient, the address for those allowed to see it. */
export function DeliveryLog({ mailing }: { mailing: Mailing }) {
  const { t, i18n } = useTranslation();
  const pages = useCursorStack();
  const log = useDeliveries(mailing, pages.cursor);
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : "");
  if (log.error)
    return (
      <p role="alert" className="error">
        {log.error instanceof ApiError ? log.error.message : t("app.error")}
      </p>
    );
  if (!log.data) return <p>{t("app.loading")}</p>;
  const page = log.data;
  return (
    <>
      {!page.recipientsShown && <p className="hint">{t("mailing.recipientsHidden")}</p>}
      <table className="records" aria-busy={log.isFetching}>
        <caption>{t("mailing.logCaption", { page: pages.page })}</caption>
        <thead>
          <tr>
            {page.recipientsShown && <th scope="col">{t("mailing.recipient")}</th>}
            <th scope="col">{t("mailing.deliveryStatus")}</th>
            <th scope="col">{t("mailing.language")}</th>
            <th scope="col">{t("mailing.attempts")}</th>
            <th scope="col">{t("mailing.sentAt")}</th>
            <th scope="col">{t("mailing.error")}</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((d) => (
            <tr key={d.id}>
              {page.recipientsShown && (
                <td>{d.recipient ?? <span className="hint">{t("mailing.recipientLeft")}</span>}</td>
              )}
              <td>{t(`mailing.delivery.${d.status}` as "mailing.delivery.sent")}</td>
              <td>{t(`subscribers.lang.${mailingLanguageOf(d.language)}`)}</td>
              <td>{d.attempts}</td>
              <td>{d.sentAt && <time dateTime={d.sentAt}>{when(d.sentAt)}</time>}</td>
              <td>{d.error ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <CursorPager stack={pages} nextCursor={page.nextCursor} />
    </>
  );
}
