import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client.js";
import type { Session } from "../../api/types.js";
import { type SecondStep, signInWithPasskey } from "./second-factor-api.js";

/** The second step of sign-in: a code of the authenticator app, a recovery code, or a passkey. */
export function SecondStepForm({ step, onSession }: { step: SecondStep; onSession: (s: Session) => void }) {
  const { t } = useTranslation();
  const [useRecovery, setUseRecovery] = useState(!step.methods.includes("totp"));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<Session>) => {
    setBusy(true);
    setError(null);
    try {
      onSession(await work());
    } catch (err) {
      const field = err instanceof ApiError ? Object.values(err.fields)[0]?.message : undefined;
      setError(field ?? (err instanceof ApiError ? err.message : t("secondStep.passkeyFailed")));
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const value = String(new FormData(e.currentTarget).get("code") ?? "");
    void run(() =>
      api.post<Session>(
        "/auth/login/second-factor",
        useRecovery ? { token: step.token, recoveryCode: value } : { token: step.token, code: value },
      ),
    );
  };
  const canRecover = step.methods.includes("recovery_code");
  return (
    <form onSubmit={submit} aria-labelledby="second-step-title">
      <h2 id="second-step-title">{t("secondStep.title")}</h2>
      {(step.methods.includes("totp") || canRecover) && (
        <>
          <label htmlFor="second-factor-code">
            {useRecovery ? t("secondStep.recoveryCode") : t("secondStep.code")}
          </label>
          <input
            key={useRecovery ? "recovery" : "totp"}
            id="second-factor-code"
            name="code"
            required
            autoComplete="one-time-code"
            {...(useRecovery
              ? { spellCheck: false, autoCapitalize: "none" }
              : { inputMode: "numeric" as const, pattern: "[0-9 ]{6,7}", maxLength: 7 })}
          />
          <button type="submit" disabled={busy}>
            {t("secondStep.submit")}
          </button>
          {step.methods.includes("totp") && canRecover && (
            <button type="button" className="link" onClick={() => setUseRecovery(!useRecovery)}>
              {useRecovery ? t("secondStep.useCode") : t("secondStep.useRecovery")}
            </button>
          )}
        </>
      )}
      {step.methods.includes("passkey") && (
        <button type="button" disabled={busy} onClick={() => void run(() => signInWithPasskey(step.token))}>
          {t("secondStep.usePasskey")}
        </button>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
