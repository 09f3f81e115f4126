import { useTranslation } from "react-i18next";
import { languages, setLanguage } from "../i18n/i18n.js";

/** The language switch, the same on the sign-in page and in the header. */
export function LanguageSelect({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <label className={className}>
      {t("app.language")}{" "}
      <select value={i18n.language} onChange={(e) => setLanguage(e.target.value)}>
        {languages.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.label}
          </option>
        ))}
      </select>
    </label>
  );
}
