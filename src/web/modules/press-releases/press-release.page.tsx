import { Suspense, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError, api } from "../../api/client.js";
import { recordExtras } from "../records/record-extras.js";
import { RecordHistory } from "../records/record-history.js";
import { PressReleaseActions } from "./press-release-actions.js";
import {
  isLocked,
  type PressRelease,
  titleOf,
  usePressRelease,
  useRefreshPressRelease,
} from "./press-release-api.js";
import { PressReleaseEditor } from "./press-release-editor.js";
import { PressReleasePreview } from "./press-release-preview.js";
import { updateBodyOf, valuesOf } from "./press-release-values.js";
import "./press-releases.css";

/**
 * One press release: both languages side by side in its editor, its lifecycle (the moves the API opens to the
 * reader, the publication time), the preview as the public will see it, and its history.
 */
export default function PressReleasePage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const release = usePressRelease(id);
  const refresh = useRefreshPressRelease();
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState(false);
  const initial = useMemo(() => valuesOf(release.data), [release.data]);
  if (release.isPending) return <p>{t("app.loading")}</p>;
  if (release.error || !release.data)
    return <p role="alert">{release.error instanceof ApiError ? release.error.message : t("app.error")}</p>;
  const r: PressRelease = release.data;
  const title = titleOf(r, i18n.language);
  const locked = isLocked(r);
  // What other features add to a release's page (the mailing to subscribers).
  const Extra = recordExtras[r.type];
  const save = async (values: typeof initial) => {
    setSaved(false);
    const updated = await api.patch<PressRelease>(`/press-releases/${r.id}`, updateBodyOf(r, values));
    await refresh(updated);
    setSaved(true);
  };
  return (
    <article className="press-release-page">
      <p>
        <Link to="/press-releases">{t("pressReleases.backToList")}</Link>
      </p>
      <div className="page-head">
        <h1 lang={title?.lang}>{title?.text ?? t("pressReleases.untitled")}</h1>
        <span className={`badge status-${r.status}`}>{t(`value.${r.status}`)}</span>
        <span className={`badge level-${r.confidentiality}`}>
          {t(`confidentiality.${r.confidentiality}`)}
        </span>
      </div>
      <p role="status">{saved && !dirty ? t("record.saved") : ""}</p>
      <div className="press-release-work">
        <PressReleaseEditor
          initial={initial}
          mode="edit"
          readOnly={locked || !r.abilities.update}
          readOnlyReason={locked ? t("pressReleases.locked") : t("pressReleases.readOnly")}
          canRestrict={r.abilities.restrict}
          onSubmit={save}
          onDirtyChange={setDirty}
          imagesOf={r.id}
        />
        <PressReleaseActions release={r} dirty={dirty} />
      </div>
      <PressReleasePreview release={r} />
      {Extra && (
        <Suspense fallback={null}>
          <Extra record={r} />
        </Suspense>
      )}
      {r.abilities.viewAudit && <RecordHistory recordId={r.id} />}
    </article>
  );
}
