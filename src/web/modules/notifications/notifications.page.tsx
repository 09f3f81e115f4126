import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError } from "../../api/client.js";
import { notificationKey, routeOf } from "./notification-text.js";
import { type AppNotification, useMarkRead, useNotifications } from "./use-notifications.js";

/** One notification: its text in the reader's language, when it came, and the way to what it is about. */
function NotificationItem({ n }: { n: AppNotification }) {
  const { t, i18n } = useTranslation();
  const markRead = useMarkRead();
  const route = routeOf(n.link);
  const text = t(notificationKey(n), n.params);
  return (
    <li className={n.readAt ? "read" : "unread"}>
      {!n.readAt && <strong className="badge">{t("notifications.new")} </strong>}
      {route ? (
        <Link to={route} onClick={() => !n.readAt && markRead.mutate(n.id)}>
          {text}
        </Link>
      ) : (
        text
      )}{" "}
      <time dateTime={n.createdAt}>{new Date(n.createdAt).toLocaleString(i18n.language)}</time>
      {!n.readAt && (
        <>
          {" "}
          <button type="button" className="secondary" onClick={() => markRead.mutate(n.id)}>
            {t("notifications.markRead")}
          </button>
        </>
      )}
    </li>
  );
}

/** The signed-in user's notifications, newest first: reminders of deadlines and what changed on their work. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const list = useNotifications();
  const markAll = useMarkRead();
  const items = list.data?.items ?? [];
  const unread = list.data?.unread ?? 0;
  return (
    <>
      <h1>{t("notifications.title")}</h1>
      <p role="status" className="status">
        {list.data && t("notifications.unreadCount", { unread })}
      </p>
      {(list.error ?? markAll.error) && (
        <p role="alert" className="error">
          {(list.error ?? markAll.error) instanceof ApiError
            ? (list.error ?? markAll.error)?.message
            : t("app.error")}
        </p>
      )}
      {unread > 0 && (
        <p>
          <button type="button" onClick={() => markAll.mutate(undefined)} disabled={markAll.isPending}>
            {t("notifications.markAllRead")}
          </button>
        </p>
      )}
      {list.isPending && <p>{t("app.loading")}</p>}
      {list.data && items.length === 0 && <p>{t("notifications.empty")}</p>}
      {items.length > 0 && (
        <ul className="notifications" aria-busy={list.isFetching}>
          {items.map((n) => (
            <NotificationItem key={n.id} n={n} />
          ))}
        </ul>
      )}
    </>
  );
}
