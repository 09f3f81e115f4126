import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client.js";
import { PasskeysPanel } from "./passkeys-panel.js";
import { RecoveryCodes } from "./recovery-codes.js";
import type { SecondFactorStatus } from "./second-factor-api.js";
import { TotpSetup } from "./totp-setup.js";

const statusKey = ["auth", "second-factor"];

/**
 * The second factors of the signed-in user: authenticator app, recovery codes, passkeys. `onSettled` runs once a
 * new factor is in place and its recovery codes (if any) were acknowledged.
 */
export function SecuritySettings({ onSettled }: { onSettled?: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [codes, setCodes] = useState<string[] | null>(null);
  const status = useQuery({
    queryKey: statusKey,
    queryFn: () => api.get<SecondFactorStatus>("/auth/second-factor"),
  });
  const refresh = () => client.invalidateQueries({ queryKey: statusKey });
  const changed = async (recoveryCodes: string[] | null) => {
    await refresh();
    if (recoveryCodes) setCodes(recoveryCodes);
    else onSettled?.();
  };
  const regenerate = useMutation({
    mutationFn: () => api.post<{ recoveryCodes: string[] }>("/auth/second-factor/recovery-codes"),
    onSuccess: (r) => changed(r.recoveryCodes),
  });
  if (codes)
    return (
      <RecoveryCodes
        codes={codes}
        onDone={() => {
          setCodes(null);
          onSettled?.();
        }}
      />
    );
  if (!status.data) return <p>{status.error ? t("app.error") : t("app.loading")}</p>;
  const s = status.data;
  return (
    <>
      <section aria-labelledby="totp-title">
        <h2 id="totp-title">{t("security.totpTitle")}</h2>
        <p>{t("security.totpIntro")}</p>
        {s.totp ? (
          <>
            <p role="status">{t("security.totpOn")}</p>
            <DisableTotp onDone={() => changed(null)} />
          </>
        ) : (
          <TotpSetup onEnabled={(c) => void changed(c)} />
        )}
      </section>
      <PasskeysPanel passkeys={s.passkeys} onChange={(c) => void changed(c)} />
      {(s.totp || s.passkeys.length > 0) && (
        <section aria-labelledby="recovery-title">
          <h2 id="recovery-title">{t("security.recoveryTitle")}</h2>
          <p>{t("security.recoveryLeft", { count: s.recoveryCodesLeft })}</p>
          <button type="button" onClick={() => regenerate.mutate()} disabled={regenerate.isPending}>
            {t("security.recoveryRegenerate")}
          </button>
        </section>
      )}
    </>
  );
}

/** Turning the authenticator app off, with a current code or the password. */
function DisableTotp({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const disable = useMutation({
    mutationFn: (password: string) => api.post("/auth/second-factor/totp/disable", { password }),
    onSuccess: onDone,
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    disable.mutate(String(new FormData(e.currentTarget).get("password") ?? ""));
  };
  const e = disable.error;
  const message = e instanceof ApiError ? (Object.values(e.fields)[0]?.message ?? e.message) : null;
  return (
    <form onSubmit={submit}>
      <label htmlFor="totp-disable-password">{t("security.totpDisablePassword")}</label>
      <input
        id="totp-disable-password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      {message && (
        <p role="alert" className="error">
          {message}
        </p>
      )}
      <button type="submit" disabled={disable.isPending}>
        {t("security.totpDisable")}
      </button>
    </form>
  );
}
