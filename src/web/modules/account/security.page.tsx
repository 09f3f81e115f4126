import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { SecuritySettings } from "../auth/security-settings.js";

/** Security settings of the signed-in user: second factors, next to the list of sessions. */
export default function SecurityPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  return (
    <section>
      <h1>{t("security.title")}</h1>
      <p>
        <Link to="/account/sessions">{t("app.mySessions")}</Link>
      </p>
      {/* A change may end or start the requirement to enrol: the session says which. */}
      <SecuritySettings onSettled={() => void client.invalidateQueries({ queryKey: ["session"] })} />
    </section>
  );
}
