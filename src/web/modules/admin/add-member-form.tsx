import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client.js";
import { type Account, type MandateRole, mandateRoles } from "./admin-types.js";
import { describedBy, FieldProblem, problemsOf } from "./field-problems.js";

interface Props {
  mandateId: string;
  mandateName: string;
  onAdded: (account: Account, role: MandateRole) => void;
}

/**
 * Gives an existing account a role in the current mandate, found by its exact e-mail address: how a holder adds
 * someone who is not yet a member (admins create accounts; holders give roles).
 */
export function AddMemberForm({ mandateId, mandateName, onAdded }: Props) {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<MandateRole>("officer");
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblems({});
    setFormError(null);
    try {
      const found = await api.get<{ items: Account[] }>(`/users?email=${encodeURIComponent(email.trim())}`);
      const account = found.items[0];
      if (!account) {
        setProblems({ email: t("users.noAccount") });
        return;
      }
      await api.put(`/mandates/${mandateId}/members/${account.id}`, { role });
      setEmail("");
      onAdded(account, role);
    } catch (err) {
      const byField = problemsOf(err);
      setProblems(byField);
      if (!byField.email) setFormError(err instanceof ApiError ? err.message : t("app.error"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="filters admin-form" onSubmit={submit} noValidate aria-labelledby="add-member-title">
      <h2 id="add-member-title">{t("users.addMember", { mandate: mandateName })}</h2>
      {formError && (
        <p role="alert" className="error">
          {formError}
        </p>
      )}
      <div className={`field${problems.email ? " has-error" : ""}`}>
        <label htmlFor="member-email">{t("users.email")}</label>
        <input
          id="member-email"
          type="email"
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          {...describedBy("member-email", problems.email, true)}
        />
        <small id="member-email-hint" className="hint">
          {t("users.addMemberHint")}
        </small>
        <FieldProblem id="member-email" problem={problems.email} />
      </div>
      <div className={`field${problems.role ? " has-error" : ""}`}>
        <label htmlFor="member-role">{t("users.role")}</label>
        <select
          id="member-role"
          value={role}
          onChange={(e) => setRole(e.target.value as MandateRole)}
          {...describedBy("member-role", problems.role)}
        >
          {mandateRoles.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
        <FieldProblem id="member-role" problem={problems.role} />
      </div>
      <button type="submit" disabled={busy}>
        {t("users.giveRole")}
      </button>
    </form>
  );
}
