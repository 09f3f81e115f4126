import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import type { ApiRecord } from "../../api/types.js";
import { ConfirmMove, useMove } from "../records/lifecycle.js";

type Action = "submit" | "return" | "approve" | "send" | "markNoReply" | "publish";

/** The lifecycle moves the API says the reader may make now, one button each; sending asks to be confirmed. */
export function CommunicationActions({ communication: c }: { communication: ApiRecord }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const actions = useQuery({
    queryKey: ["communication-actions", c.id],
    queryFn: async () => (await api.get<{ actions: Action[] }>(`/communications/${c.id}/actions`)).actions,
  });
  const { run, busy, error, done } = useMove(
    (action: Action) => api.post<ApiRecord>(`/communications/${c.id}/transitions`, { action }),
    async (updated) => {
      queryClient.setQueryData(["record", "communications", c.id], updated);
      await queryClient.invalidateQueries({ queryKey: ["list", "communications"] });
      await queryClient.invalidateQueries({ queryKey: ["history", c.id] });
      await queryClient.invalidateQueries({ queryKey: ["communication-actions", c.id] });
      return t("communications.moved", { status: t(`value.${String(updated.status)}` as "value.none") });
    },
  );
  const move = async (action: Action) => {
    await run(action);
    setConfirming(false);
  };

  const open = actions.data ?? [];
  return (
    <div className="communication-actions">
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
      <p role="status">{done}</p>
      {confirming ? (
        <ConfirmMove
          id="confirm-send"
          question={t("communications.confirmSend")}
          confirmLabel={t("communications.confirmSendButton")}
          busy={busy}
          onConfirm={() => move("send")}
          onCancel={() => setConfirming(false)}
        />
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
