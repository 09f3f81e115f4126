import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api } from "../../api/client.js";
import { useMandate } from "../../app/mandate-context.js";
import { type PressRelease, useRefreshPressRelease } from "./press-release-api.js";
import { PressReleaseEditor } from "./press-release-editor.js";
import { createBodyOf, valuesOf } from "./press-release-values.js";
import "./press-releases.css";

/** Drafts a press release in the current mandate, both languages side by side; it opens on its page once created. */
export default function NewPressReleasePage() {
  const { t } = useTranslation();
  const { mandate } = useMandate();
  const navigate = useNavigate();
  const refresh = useRefreshPressRelease();
  const initial = useMemo(() => valuesOf(), []);
  if (!mandate) return <p>{t("app.notFound")}</p>;
  const create = async (values: typeof initial) => {
    const created = await api.post<PressRelease>("/press-releases", createBodyOf(mandate.id, values));
    await refresh(created);
    navigate(`/press-releases/${created.id}`);
  };
  return (
    <article className="press-release-page">
      <h1>{t("pressReleases.new")}</h1>
      <p className="hint">{t("pressReleases.newIntro")}</p>
      <PressReleaseEditor
        initial={initial}
        mode="create"
        readOnly={false}
        canRestrict={mandate.abilities.restrict}
        onSubmit={create}
        onCancel={() => navigate("/press-releases")}
      />
    </article>
  );
}
