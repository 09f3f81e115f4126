import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { useNotifications } from "./use-notifications.js";
import "./notifications.css";

/** The header's way to the notifications page, with the number unread in its name ("Notifications (3)"). */
export function NotificationsLink() {
  const { t } = useTranslation();
  const unread = useNotifications().data?.unread ?? 0;
  return (
    <NavLink to="/notifications" className="notifications-link">
      {unread > 0 ? t("notifications.linkUnread", { unread }) : t("notifications.title")}
    </NavLink>
  );
}
