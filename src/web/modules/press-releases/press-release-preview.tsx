import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PressRelease } from "./press-release-api.js";

const languages = ["en", "ko"] as const;

/**
 * The saved release as the public site will show it, in a frame, in either language. The frame reloads with each
 * new version, so what is seen is what was saved.
 */
export function PressReleasePreview({ release: r }: { release: PressRelease }) {
  const { t, i18n } = useTranslation();
  const [lang, setLang] = useState<(typeof languages)[number]>(() =>
    i18n.language === "ko" && r.titleKo ? "ko" : r.titleEn ? "en" : "ko",
  );
  const name = (l: string) => t(l === "ko" ? "pressReleases.korean" : "pressReleases.english");
  return (
    <section aria-labelledby="pr-preview" className="press-release-preview">
      <h2 id="pr-preview">{t("pressReleases.preview")}</h2>
      <p className="hint">{t("pressReleases.previewHint")}</p>
      <fieldset className="preview-language">
        <legend>{t("pressReleases.previewLanguage")}</legend>
        {languages.map((l) => (
          <button
            key={l}
            type="button"
            className={lang === l ? undefined : "secondary"}
            aria-pressed={lang === l}
            onClick={() => setLang(l)}
          >
            {name(l)}
          </button>
        ))}
      </fieldset>
      <iframe
        key={`${lang}-${r.version}`}
        title={t("pressReleases.previewFrame", { language: name(lang) })}
        src={`/api/v1/press-releases/${r.id}/preview?lang=${lang}`}
        // Our own page, shown read-only: its styles and fonts load, but no script or form runs in it.
        sandbox="allow-same-origin"
      />
    </section>
  );
}
