import { useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink } from "react-router";
import { api, setCsrfToken } from "../api/client.js";
import type { Mandate, Session } from "../api/types.js";
import { AdminNav } from "../modules/admin/admin-nav.js";
import { NotificationsLink } from "../modules/notifications/notifications-link.js";
import { LanguageSelect } from "./language-select.js";
import { useMandate } from "./mandate-context.js";

export const navTypes = [
  "persons",
  "sources",
  "events",
  "acts",
  "involvements",
  "relations",
  "information-links",
  "places",
  "attachments",
];

/** Header (mandate switcher, language, sign out), navigation and the main landmark. */
export function Layout({ session, children }: { session: Session; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { mandate, mandates, choose } = useMandate();
  const queryClient = useQueryClient();
  const mandateName = (m: Mandate) => (i18n.language === "ko" && m.nameKo ? m.nameKo : m.nameEn);
  const signOut = async () => {
    await api.post("/auth/logout");
    setCsrfToken(null);
    queryClient.clear();
    window.location.assign("/app/sign-in");
  };
  return (
    <>
      <a className="skip" href="#main">
        {t("app.skip")}
      </a>
      <header className="top">
        <span className="brand">{t("app.name")}</span>
        {mandates.length > 1 ? (
          <label>
            {t("app.mandate")}{" "}
            <select value={mandate?.id ?? ""} onChange={(e) => choose(e.target.value)}>
              {mandates.map((m) => (
                <option key={m.id} value={m.id}>
                  {mandateName(m)}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="mandate">{mandate ? mandateName(mandate) : ""}</span>
        )}
        <NotificationsLink />
        <LanguageSelect />
        <span className="user">{t("app.signedInAs", { name: session.user.displayName })}</span>
        <Link to="/account/sessions" className="account-link">
          {t("app.mySessions")}
        </Link>
        <Link to="/account/security" className="account-link">
          {t("app.mySecurity")}
        </Link>
        <button type="button" onClick={signOut}>
          {t("app.signOut")}
        </button>
      </header>
      <nav aria-label={t("nav.main")} className="side">
        <ul>
          <li>
            <NavLink to="/" end>
              {t("nav.home")}
            </NavLink>
          </li>
          <li>
            <NavLink to="/search">{t("nav.search")}</NavLink>
          </li>
          <li>
            <NavLink to="/map">{t("nav.map")}</NavLink>
          </li>
          <li>
            <NavLink to="/dashboard">{t("nav.dashboard")}</NavLink>
          </li>
          <li>
            <NavLink to="/testimony/new">{t("nav.testimony")}</NavLink>
          </li>
          <li>
            <NavLink to="/visits/status">{t("visits.nav")}</NavLink>
          </li>
          <li>
            <NavLink to="/cases">{t("nav.cases")}</NavLink>
          </li>
          <li>
            <NavLink to="/communications">{t("nav.communications")}</NavLink>
          </li>
          <li>
            <NavLink to="/reports">{t("nav.reports")}</NavLink>
          </li>
          <li>
            <NavLink to="/recommendations">{t("nav.recommendations")}</NavLink>
          </li>
          <li>
            <NavLink to="/press-releases">{t("nav.pressReleases")}</NavLink>
          </li>
          {mandate?.abilities.manageSubscribers && (
            <li>
              <NavLink to="/subscribers">{t("mailing.nav")}</NavLink>
            </li>
          )}
          <li>
            <NavLink to="/imports">{t("imports.nav")}</NavLink>
          </li>
          {navTypes.map((p) => (
            <li key={p}>
              <NavLink to={`/${p}`}>{t(`types.${p}` as "types.persons")}</NavLink>
            </li>
          ))}
        </ul>
        <AdminNav session={session} />
      </nav>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
