import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, setCsrfToken } from "../../api/client.js";
import { LanguageSelect } from "../../app/language-select.js";
import { SecuritySettings } from "./security-settings.js";

/** Shown instead of the application while the user's role requires a second factor and none is set up. */
export function EnrolmentPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const signOut = async () => {
    await api.post("/auth/logout").catch(() => undefined);
    setCsrfToken(null);
    client.clear();
    window.location.assign("/app/sign-in");
  };
  return (
    <main id="main" className="enrolment">
      <h1>{t("enrolment.title")}</h1>
      <p>{t("enrolment.intro")}</p>
      <SecuritySettings onSettled={() => void client.invalidateQueries({ queryKey: ["session"] })} />
      <p>
        <button type="button" onClick={() => void signOut()}>
          {t("app.signOut")}
        </button>
      </p>
      <LanguageSelect className="lang" />
    </main>
  );
}
