import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api, setCsrfToken } from "../../api/client.js";
import type { Session } from "../../api/types.js";
import { LanguageSelect } from "../../app/language-select.js";
import type { SecondStep } from "./second-factor-api.js";
import { SecondStepForm } from "./second-step.form.js";

/** Sign-in with e-mail and password, then the second factor when the account has one; errors in the user's language. */
export function SignInPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<SecondStep | null>(null);
  const signedIn = (session: Session) => {
    setCsrfToken(session.csrfToken);
    queryClient.setQueryData(["session"], session);
  };
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const result = await api.post<Session | { secondFactor: SecondStep }>("/auth/login", {
        email: form.get("email"),
        password: form.get("password"),
      });
      if ("secondFactor" in result) setStep(result.secondFactor);
      else signedIn(result);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t("app.error"));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" className="sign-in">
      <h1>{t("app.name")}</h1>
      {step ? (
        <SecondStepForm step={step} onSession={signedIn} />
      ) : (
        <form onSubmit={submit} aria-labelledby="sign-in-title">
          <h2 id="sign-in-title">{t("signIn.title")}</h2>
          <label htmlFor="email">{t("signIn.email")}</label>
          <input id="email" name="email" type="email" autoComplete="username" required />
          <label htmlFor="password">{t("signIn.password")}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <button type="submit" disabled={busy}>
            {t("signIn.submit")}
          </button>
        </form>
      )}
      <LanguageSelect className="lang" />
    </main>
  );
}
