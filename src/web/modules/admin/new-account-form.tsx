import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client.js";
import type { Account } from "./admin-types.js";
import { describedBy, FieldProblem, problemsOf } from "./field-problems.js";

const empty = { email: "", displayName: "", password: "", isAdmin: false, locale: "en" };

/** Creates a local account (admins). The API's problems appear next to the field they name, in the user's language. */
export function NewAccountForm({ onCreated }: { onCreated: (account: Account) => void }) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState(() => ({ ...empty, locale: i18n.language === "ko" ? "ko" : "en" }));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: keyof typeof empty) => (v: string | boolean) => setValues((p) => ({ ...p, [name]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFormError(null);
    setProblems({});
    try {
      const account = await api.post<Account>("/users", {
        email: values.email.trim(),
        displayName: values.displayName,
        password: values.password,
        isAdmin: values.isAdmin,
        locale: values.locale,
      });
      setValues({ ...empty, locale: values.locale });
      onCreated(account);
    } catch (err) {
      setProblems(problemsOf(err));
      setFormError(err instanceof ApiError ? err.message : t("app.error"));
    } finally {
      setBusy(false);
    }
  };

  const text = (name: "email" | "displayName" | "password", type: string, autoComplete: string) => {
    const id = `account-${name}`;
    const problem = problems[name];
    return (
      <div className={`field${problem ? " has-error" : ""}`}>
        <label htmlFor={id}>
          {t(`users.${name}`)}
          <span aria-hidden="true"> *</span>
        </label>
        <input
          id={id}
          type={type}
          autoComplete={autoComplete}
          value={values[name]}
          onChange={(e) => set(name)(e.target.value)}
          {...describedBy(id, problem, name === "password")}
        />
        {name === "password" && (
          <small id={`${id}-hint`} className="hint">
            {t("users.passwordHint")}
          </small>
        )}
        <FieldProblem id={id} problem={problem} />
      </div>
    );
  };

  return (
    <form className="record-form admin-form" onSubmit={submit} noValidate aria-labelledby="new-account-title">
      <h2 id="new-account-title">{t("users.newAccount")}</h2>
      {formError && (
        <p role="alert" className="error">
          {formError}
        </p>
      )}
      {text("email", "email", "off")}
      {text("displayName", "text", "off")}
      {text("password", "password", "new-password")}
      <div className={`field${problems.locale ? " has-error" : ""}`}>
        <label htmlFor="account-locale">{t("users.locale")}</label>
        <select
          id="account-locale"
          value={values.locale}
          onChange={(e) => set("locale")(e.target.value)}
          {...describedBy("account-locale", problems.locale)}
        >
          <option value="en" lang="en">
            English
          </option>
          <option value="ko" lang="ko">
            한국어
          </option>
        </select>
        <FieldProblem id="account-locale" problem={problems.locale} />
      </div>
      <div className="field checkbox">
        <input
          id="account-isAdmin"
          type="checkbox"
          checked={values.isAdmin}
          onChange={(e) => set("isAdmin")(e.target.checked)}
          {...describedBy("account-isAdmin", problems.isAdmin, true)}
        />
        <label htmlFor="account-isAdmin">{t("users.isAdmin")}</label>
        <small id="account-isAdmin-hint" className="hint">
          {t("users.isAdminHint")}
        </small>
        <FieldProblem id="account-isAdmin" problem={problems.isAdmin} />
      </div>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t("users.create")}
        </button>
      </div>
    </form>
  );
}
