import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client.js";
import type { ApiRecord } from "../../api/types.js";
import { useMandate } from "../../app/mandate-context.js";
import { DeliveryLog } from "./delivery-log.js";
import { type Mailing, useMailings } from "./mailing-api.js";

/** A mailing's progress: a bar, and the figures in words (announced as they change). */
function MailingProgress({ mailing: m }: { mailing: Mailing }) {
  const { t, i18n } = useTranslation();
  const handled = m.sent + m.failed + m.skipped;
  return (
    <div className="mailing-progress">
      <p>
        <strong>{t(`mailing.status.${m.status}` as "mailing.status.done")}</strong> ·{" "}
        {t("mailing.startedAt", { date: new Date(m.createdAt).toLocaleString(i18n.language) })}
      </p>
      <progress
        max={Math.max(m.total, 1)}
        value={m.total ? handled : 1}
        aria-label={t("mailing.progressLabel")}
      >
        {t("mailing.progress", { sent: m.sent, total: m.total })}
      </progress>
      <p aria-live="polite">
        {t("mailing.progressDetail", {
          total: m.total,
          sent: m.sent,
          failed: m.failed,
          skipped: m.skipped,
          pending: m.pending,
        })}
      </p>
    </div>
  );
}

/**
 * "Send to subscribers" on a press release's page: the button (holder and officers, published releases only; a second
 * sending must be confirmed), then the latest mailing's progress and its delivery log.
 */
export default function MailingPanel({ record: r }: { record: ApiRecord }) {
  const { t, i18n } = useTranslation();
  const { mandates } = useMandate();
  const queryClient = useQueryClient();
  const mailings = useMailings(r.id);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  // The release's own mandate, which need not be the one the user works in.
  const maySend = mandates.find((m) => m.id === r.mandateId)?.abilities.sendMailing === true;
  const publishable = r.status === "published" && r.confidentiality === "public";
  const items = mailings.data ?? [];
  const latest = items[0];

  const send = async (again: boolean) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const m = await api.post<Mailing>(`/press-releases/${r.id}/mailings`, again ? { again: true } : {});
      setDone(t("mailing.started", { count: m.total }));
      await queryClient.invalidateQueries({ queryKey: ["mailings", r.id] });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t("app.error"));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <section aria-labelledby="mailing-title" className="mailing-panel">
      <h2 id="mailing-title">{t("mailing.panel")}</h2>
      {!publishable && <p className="hint">{t("mailing.notPublished")}</p>}
      {publishable && maySend && !confirming && (
        <p>
          <button
            type="button"
            disabled={busy || mailings.isPending}
            onClick={() => (latest ? setConfirming(true) : send(false))}
          >
            {latest ? t("mailing.sendAgain") : t("mailing.send")}
          </button>{" "}
          <small className="hint">{t("mailing.sendHint")}</small>
        </p>
      )}
      {confirming && latest && (
        <div className="notice">
          <p id="mailing-again">
            {t("mailing.sentBefore", { date: new Date(latest.createdAt).toLocaleString(i18n.language) })}
          </p>
          <div className="actions">
            <button
              type="button"
              ref={confirmRef}
              aria-describedby="mailing-again"
              disabled={busy}
              onClick={() => send(true)}
            >
              {t("mailing.sendAgain")}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t("record.cancel")}
            </button>
          </div>
        </div>
      )}
      <p role="status">{done ?? ""}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {mailings.error && (
        <p role="alert" className="error">
          {mailings.error instanceof ApiError ? mailings.error.message : t("app.error")}
        </p>
      )}
      {mailings.data && !latest && <p>{t("mailing.none")}</p>}
      {latest && (
        <>
          <MailingProgress mailing={latest} />
          {items.length > 1 && <p className="hint">{t("mailing.earlier", { count: items.length - 1 })}</p>}
          <h3>{t("mailing.log")}</h3>
          <DeliveryLog key={latest.id} mailing={latest} />
        </>
      )}
    </section>
  );
}
