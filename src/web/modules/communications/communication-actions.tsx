import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client.js";
import type { ApiRecord } from "../../api/types.js";

type Action = "submit" | "return" | "approve" | "send" | "markNoReply" | "publish";

/** The lifecycle moves the API says the reader may make now, one button each; sending asks to be confirmed. */
export function CommunicationActions({ communication: c }: { communication: ApiRecord }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState("");
  const confirmRef = useRef<HTMLButtonElement>(null);
  const actions = useQuery({
    queryKey: ["communication-actions", c.id],
    queryFn: async () => (await api.get<{ actions: Action[] }>(`/communications/${c.id}/actions`)).actions,
  });
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const move = async (action: Action) => {
    setBusy(true);
    setError(null);
    setDone("");
    try {
      const updated = await api.post<ApiRecord>(`/communications/${c.id}/transitions`, { action });
      queryClient.setQueryData(["record", "communications", c.id], updated);
      await queryClient.invalidateQueries({ queryKey: ["list", "communications"] });
      await queryClient.invalidateQueries({ queryKey: ["history", c.id] });
      await queryClient.invalidateQueries({ queryKey: ["communication-actions", c.id] });
      setDone(t("communications.moved", { status: t(`value.${String(updated.status)}` as "value.none") }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t("app.error"));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  const open = actions.data ?? [];
  return (
    <div className="communication-actions">
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p role="status">{done}</p>
      {confirming ? (
        <div className="confirm">
          <p id="confirm-send">{t("communications.confirmSend")}</p>
          <button
            type="button"
            ref={confirmRef}
            aria-describedby="confirm-send"
            disabled={busy}
            onClick={() => move("send")}
          >
            {t("communications.confirmSendButton")}
          </button>{" "}
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            {t("record.cancel")}
          </button>
        </div>
      ) : (
        open.length > 0 && (
          <div className="actions">
            {open.map((a) => (
              <button
                key={a}
                type="button"
                className={a === "return" ? "secondary" : undefined}
                disabled={busy}
                onClick={() => (a === "send" ? setConfirming(true) : move(a))}
              >
                {t(`communications.action.${a}`)}
              </button>
            ))}
          </div>
        )
      )}
    </div>
  );
}
