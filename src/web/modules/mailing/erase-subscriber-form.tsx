import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client.js";
import { describedBy, FieldProblem, problemsOf } from "../admin/field-problems.js";

/** Erases one address on its owner's request, after a confirmation; the API records it without the address. */
export function EraseSubscriberForm({ mandateId }: { mandateId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const ask = (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    setError(null);
    setProblem(email.trim() ? undefined : t("subscribers.emailRequired"));
    if (email.trim()) setConfirming(true);
  };
  const erase = async () => {
    setBusy(true);
    try {
      const r = await api.post<{ erased: boolean }>("/subscribers/erase", { mandateId, email: email.trim() });
      setResult(r.erased ? t("subscribers.erased") : t("subscribers.notOnList"));
      if (r.erased) setEmail("");
      await queryClient.invalidateQueries({ queryKey: ["subscribers", mandateId] });
    } catch (e) {
      setProblem(problemsOf(e).email);
      setError(e instanceof ApiError ? e.message : t("app.error"));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  const id = "erase-email";
  return (
    <section aria-labelledby="erase-title" className="admin-forms">
      <h2 id="erase-title">{t("subscribers.eraseTitle")}</h2>
      <p className="hint">{t("subscribers.eraseHint")}</p>
      <form onSubmit={ask} noValidate>
        <div className={`field${problem ? " has-error" : ""}`}>
          <label htmlFor={id}>{t("subscribers.email")}</label>
          <input
            id={id}
            type="email"
            autoComplete="off"
            value={email}
            onChange={(e) => {
              setEmail(e.target.value);
              setConfirming(false);
            }}
            {...describedBy(id, problem)}
          />
          <FieldProblem id={id} problem={problem} />
        </div>
        {!confirming && <button type="submit">{t("subscribers.erase")}</button>}
      </form>
      {confirming && (
        <div className="notice">
          <p id="erase-confirm">{t("subscribers.eraseConfirm", { email: email.trim() })}</p>
          <div className="actions">
            <button
              type="button"
              ref={confirmRef}
              aria-describedby="erase-confirm"
              disabled={busy}
              onClick={erase}
            >
              {t("subscribers.erase")}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t("record.cancel")}
            </button>
          </div>
        </div>
      )}
      <p role="status">{result ?? ""}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
