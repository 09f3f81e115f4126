import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client.js";
import { useSession } from "../../api/queries.js";
import { useMandate } from "../../app/mandate-context.js";
import { AddMemberForm } from "./add-member-form.js";
import { adminAccess } from "./admin-access.js";
import { type Account, type MandateRole, mandateRoles } from "./admin-types.js";
import { keepingFocus } from "./keep-focus.js";
import { NewAccountForm } from "./new-account-form.js";
import { type Notice, NoticeText } from "./notice.js";

interface RowProps {
  account: Account;
  mandateId: string | undefined;
  mandateName: string;
  /** The caller gives and removes roles in the current mandate. */
  manageRoles: boolean;
  /** The caller disables and enables accounts (admins). */
  manageAccounts: boolean;
  self: boolean;
  onDone: (notice: Notice, selfChanged?: boolean) => Promise<void>;
  onError: (err: unknown) => void;
}

/** One account: its role in the current mandate, and what the caller may change about it. */
function AccountRow({
  account,
  mandateId,
  mandateName,
  manageRoles,
  manageAccounts,
  self,
  onDone,
  onError,
}: RowProps) {
  const { t } = useTranslation();
  const current = account.memberships.find((m) => m.mandateId === mandateId)?.role ?? "";
  const [role, setRole] = useState<string>(current);
  const [busy, setBusy] = useState(false);
  const roleSelect = useRef<HTMLSelectElement>(null);
  const name = account.displayName;
  const run = (work: () => Promise<Notice>) =>
    keepingFocus(
      async () => {
        setBusy(true);
        try {
          await onDone(await work(), self);
        } catch (err) {
          onError(err);
        } finally {
          setBusy(false);
        }
      },
      () => roleSelect.current,
    );
  const setMembership = () =>
    run(async () => {
      await api.put(`/mandates/${mandateId}/members/${account.id}`, { role });
      return { key: "users.roleSet", params: { name, role } };
    });
  const removeMembership = () =>
    run(async () => {
      await api.delete(`/mandates/${mandateId}/members/${account.id}`);
      return { key: "users.roleRemoved", params: { name } };
    });
  const toggleDisabled = () =>
    run(async () => {
      await api.patch(`/users/${account.id}`, { disabled: !account.disabled });
      return { key: account.disabled ? "users.enabled" : "users.disabled", params: { name } };
    });
  // A holder does not change their own role (they would lose the page); an admin may.
  const rolesHere = manageRoles && mandateId !== undefined && (!self || manageAccounts);
  return (
    <tr className={account.disabled ? "retired" : undefined}>
      <th scope="row">{name}</th>
      <td>{account.email}</td>
      <td>
        {rolesHere ? (
          <span className="inline-controls">
            <select
              ref={roleSelect}
              aria-label={t("users.roleOf", { name, mandate: mandateName })}
              value={role}
              onChange={(e) => setRole(e.target.value)}
              disabled={busy}
            >
              {!current && <option value="">{t("users.noRole")}</option>}
              {mandateRoles.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
            <button
              type="button"
              aria-label={t("users.saveRoleOf", { name })}
              disabled={busy || role === current || role === ""}
              onClick={setMembership}
            >
              {current ? t("users.saveRole") : t("users.giveRole")}
            </button>
            {current && (
              <button
                type="button"
                className="secondary"
                aria-label={t("users.removeFrom", { name, mandate: mandateName })}
                disabled={busy}
                onClick={removeMembership}
              >
                {t("users.remove")}
              </button>
            )}
          </span>
        ) : current ? (
          t(`role.${current as MandateRole}`)
        ) : (
          <span className="none">{t("users.noRole")}</span>
        )}
      </td>
      <td>
        {account.disabled ? t("users.statusDisabled") : t("users.statusActive")}
        {account.isAdmin && (
          <>
            {" · "}
            {t("users.admin")}
          </>
        )}
      </td>
      {manageAccounts && (
        <td>
          {!self && (
            <button
              type="button"
              className="secondary"
              aria-label={t(account.disabled ? "users.enableOf" : "users.disableOf", { name })}
              disabled={busy}
              onClick={toggleDisabled}
            >
              {t(account.disabled ? "users.enable" : "users.disable")}
            </button>
          )}
        </td>
      )}
    </tr>
  );
}

/**
 * Users and roles: admins see every account, create accounts and disable them; admins and holders give roles in
 * the current mandate and take them away. What is offered follows the session; the API decides again.
 */
export default function UsersPage() {
  const { t, i18n } = useTranslation();
  const session = useSession().data;
  const { mandate } = useMandate();
  const queryClient = useQueryClient();
  const access = adminAccess(session);
  const [status, setStatus] = useState<Notice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const accounts = useQuery({
    queryKey: ["admin", "users"],
    enabled: access.users,
    queryFn: async () => (await api.get<{ items: Account[] }>("/users")).items,
  });
  if (!access.users) return <p role="alert">{t("admin.notAllowed")}</p>;
  const mandateName = mandate
    ? i18n.language === "ko" && mandate.nameKo
      ? mandate.nameKo
      : mandate.nameEn
    : "";
  const manageRoles = access.membersOf(mandate?.id);
  const done = async (notice: Notice, selfChanged = false) => {
    setError(null);
    setStatus(notice);
    await queryClient.invalidateQueries({ queryKey: ["admin", "users"] });
    if (selfChanged) {
      await queryClient.invalidateQueries({ queryKey: ["session"] });
      await queryClient.invalidateQueries({ queryKey: ["mandates"] });
    }
  };
  const failed = (err: unknown) => {
    setStatus(null);
    setError(err instanceof ApiError ? err.message : t("app.error"));
  };
  const items = accounts.data ?? [];
  return (
    <>
      <h1>{t("users.title")}</h1>
      <p>
        {access.isAdmin ? t("users.introAdmin") : t("users.introHolder")}{" "}
        {mandate && manageRoles && t("users.rolesApplyTo", { mandate: mandateName })}
      </p>
      <p role="status" className="status">
        <NoticeText notice={status} extra={{ mandate: mandateName }} />
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="admin-forms">
        {access.createAccounts && (
          <NewAccountForm
            onCreated={(a) => done({ key: "users.created", params: { name: a.displayName, email: a.email } })}
          />
        )}
        {mandate && manageRoles && (
          <AddMemberForm
            mandateId={mandate.id}
            mandateName={mandateName}
            onAdded={(a, role) =>
              done({ key: "users.roleSet", params: { name: a.displayName, role } }, a.id === session?.user.id)
            }
          />
        )}
      </div>
      {accounts.error && (
        <p role="alert" className="error">
          {accounts.error instanceof ApiError ? accounts.error.message : t("app.error")}
        </p>
      )}
      <table className="records accounts" aria-busy={accounts.isFetching}>
        <caption>
          {access.isAdmin
            ? t("users.captionAll", { count: items.length })
            : t("users.captionMembers", { count: items.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("users.displayName")}</th>
            <th scope="col">{t("users.email")}</th>
            <th scope="col">{t("users.roleIn")}</th>
            <th scope="col">{t("users.account")}</th>
            {access.disableAccounts && <th scope="col">{t("users.actions")}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <AccountRow
              key={a.id}
              account={a}
              mandateId={mandate?.id}
              mandateName={mandateName}
              manageRoles={manageRoles}
              manageAccounts={access.disableAccounts}
              self={a.id === session?.user.id}
              onDone={done}
              onError={failed}
            />
          ))}
        </tbody>
      </table>
      {accounts.isPending && <p>{t("app.loading")}</p>}
    </>
  );
}
