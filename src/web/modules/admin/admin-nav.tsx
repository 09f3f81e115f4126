import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import type { Session } from "../../api/types.js";
import { useMandate } from "../../app/mandate-context.js";
import { adminAccess } from "./admin-access.js";

/** The "Administration" group of the navigation, with only the pages the user may use (none: nothing shown). */
export function AdminNav({ session }: { session: Session }) {
  const { t } = useTranslation();
  const access = adminAccess(session);
  const { mandate } = useMandate();
  if (!access.users && !access.vocabularies) return null;
  return (
    <>
      <h2 id="nav-admin" className="nav-group">
        {t("nav.admin")}
      </h2>
      <ul aria-labelledby="nav-admin">
        {access.users && (
          <li>
            <NavLink to="/admin/users">{t("nav.users")}</NavLink>
          </li>
        )}
        {mandate && access.membersOf(mandate.id) && (
          <li>
            <NavLink to="/admin/mandate">{t("mandateAdmin.nav")}</NavLink>
          </li>
        )}
        {access.vocabularies && (
          <li>
            <NavLink to="/admin/vocabularies">{t("nav.vocabularies")}</NavLink>
          </li>
        )}
        {access.isAdmin && (
          <li>
            <NavLink to="/admin/outbox">{t("notifications.outboxNav")}</NavLink>
          </li>
        )}
      </ul>
    </>
  );
}
