import { useTranslation } from "react-i18next";

/** Recovery codes, shown once: the user keeps them somewhere safe before going on. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="recovery-codes-title" className="recovery-codes">
      <h3 id="recovery-codes-title">{t("security.recoveryTitle")}</h3>
      <p>{t("security.recoveryOnce")}</p>
      <ul aria-label={t("security.recoveryTitle")}>
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onDone}>
        {t("security.recoverySaved")}
      </button>
    </section>
  );
}
