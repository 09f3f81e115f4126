import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { type PressReleaseTransition, pressReleaseStatuses } from "../../../shared/press-releases.js";
import { api } from "../../api/client.js";
import { ConfirmMove, LifecycleSteps, useMove } from "../records/lifecycle.js";
import { type PressRelease, usePressReleaseActions, useRefreshPressRelease } from "./press-release-api.js";
import { formatPublishTime, isoOfLocalInput, localInputOf, localZone } from "./publish-time.js";

/** Moves that put the release in front of the public, or take it away: asked to be confirmed first. */
const confirmed = new Set<PressReleaseTransition>(["publish", "unpublish"]);

/**
 * The release's lifecycle on its page: status and publication time, the moves the API opens to the reader (one
 * button each), the publication time to schedule it at, and a confirmation before it goes public or is withdrawn.
 */
export function PressReleaseActions({ release: r, dirty }: { release: PressRelease; dirty: boolean }) {
  const { t, i18n } = useTranslation();
  const actions = usePressReleaseActions(r.id);
  const refresh = useRefreshPressRelease();
  const [time, setTime] = useState(() => localInputOf(r.publishAt));
  const [confirming, setConfirming] = useState<PressReleaseTransition | null>(null);
  useEffect(() => setTime(localInputOf(r.publishAt)), [r.publishAt]);

  const publishAt = () => isoOfLocalInput(time) ?? undefined;
  // A move of the lifecycle, or moving the time a scheduled release goes out at.
  const { run, busy, error, done } = useMove(
    (action: PressReleaseTransition | "reschedule") =>
      action === "reschedule"
        ? api.patch<PressRelease>(`/press-releases/${r.id}`, { version: r.version, publishAt: publishAt() })
        : api.post<PressRelease>(`/press-releases/${r.id}/transitions`, {
            action,
            ...(action === "schedule" && time ? { publishAt: publishAt() } : {}),
          }),
    async (updated) => {
      await refresh(updated);
      return t("pressReleases.moved", { status: t(`value.${updated.status}`) });
    },
  );
  const move = async (action: PressReleaseTransition | "reschedule") => {
    await run(action);
    setConfirming(null);
  };

  const open = actions.data ?? [];
  const canSchedule = open.includes("schedule");
  const canMove = r.status === "scheduled" && open.includes("unschedule");
  const timeProblem = error?.fields.publishAt?.message;
  const otherProblems = Object.entries(error?.fields ?? {}).filter(([k]) => k !== "publishAt");
  return (
    <section aria-labelledby="pr-lifecycle" className="press-release-lifecycle">
      <h2 id="pr-lifecycle">{t("pressReleases.lifecycle")}</h2>
      <LifecycleSteps
        label={t("pressReleases.steps")}
        steps={pressReleaseStatuses.map((s) => ({ key: s, label: t(`value.${s}`) }))}
        current={pressReleaseStatuses.indexOf(r.status)}
        doneLabel={t("pressReleases.stepDone")}
      />
      <p>
        {t("field.status")}: <strong className="press-release-status">{t(`value.${r.status}`)}</strong>
        {r.status === "published" && r.publishedAt && (
          <> · {t("pressReleases.publishedOn", { time: formatPublishTime(r.publishedAt, i18n.language) })}</>
        )}
        {r.status === "scheduled" && r.publishAt && (
          <> · {t("pressReleases.scheduledFor", { time: formatPublishTime(r.publishAt, i18n.language) })}</>
        )}
      </p>
      {r.status === "published" && (
        <p>
          {t("pressReleases.onPublicSite")}{" "}
          {(["en", "ko"] as const)
            .filter((l) => (l === "en" ? r.titleEn : r.titleKo))
            .map((l, i) => (
              <span key={l}>
                {i > 0 && " · "}
                <a href={`/${l}/press-releases/${encodeURIComponent(r.slug)}`}>
                  {t(l === "en" ? "pressReleases.english" : "pressReleases.korean")}
                </a>
              </span>
            ))}
        </p>
      )}
      <p role="status">{done}</p>
      {error && (
        <div role="alert" className="error">
          <p>{error.message}</p>
          {otherProblems.length > 0 && (
            <ul>
              {otherProblems.map(([k, p]) => (
                <li key={k}>{p.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {(canSchedule || canMove) && (
        <div className={`field publish-time${timeProblem ? " has-error" : ""}`}>
          <label htmlFor="pr-publishAt">{t("field.publishAt")}</label>
          <input
            id="pr-publishAt"
            type="datetime-local"
            value={time}
            onChange={(e) => setTime(e.target.value)}
            aria-invalid={timeProblem ? true : undefined}
            aria-describedby={timeProblem ? "pr-publishAt-hint pr-publishAt-error" : "pr-publishAt-hint"}
          />
          <small id="pr-publishAt-hint" className="hint">
            {t("pressReleases.publishTimeHint", { zone: localZone() })}
          </small>
          {timeProblem && (
            <small id="pr-publishAt-error" className="field-error">
              {timeProblem}
            </small>
          )}
          {canMove && (
            <button
              type="button"
              className="secondary"
              disabled={busy || !time || localInputOf(r.publishAt) === time}
              onClick={() => move("reschedule")}
            >
              {t("pressReleases.reschedule")}
            </button>
          )}
        </div>
      )}
      {confirming ? (
        <ConfirmMove
          id="pr-confirm"
          question={t(`pressReleases.confirm.${confirming}` as "pressReleases.confirm.publish")}
          confirmLabel={t(
            `pressReleases.confirmButton.${confirming}` as "pressReleases.confirmButton.publish",
          )}
          busy={busy}
          onConfirm={() => move(confirming)}
          onCancel={() => setConfirming(null)}
        />
      ) : (
        open.length > 0 && (
          <div className="actions">
            {open.map((a) => (
              <button
                key={a}
                type="button"
                className={["return", "unschedule", "unpublish"].includes(a) ? "secondary" : undefined}
                disabled={busy || dirty}
                onClick={() => (confirmed.has(a) ? setConfirming(a) : move(a))}
              >
                {t(`pressReleases.action.${a}`)}
              </button>
            ))}
            {dirty && <span className="hint">{t("pressReleases.saveFirst")}</span>}
          </div>
        )
      )}
    </section>
  );
}
