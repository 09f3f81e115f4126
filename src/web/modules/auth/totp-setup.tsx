import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client.js";

interface Started {
  secret: string;
  uri: string;
  qrSvg: string;
}

/** Setting up an authenticator app: its QR code and key, then a first code; hands the recovery codes on. */
export function TotpSetup({ onEnabled }: { onEnabled: (recoveryCodes: string[]) => void }) {
  const { t } = useTranslation();
  const [started, setStarted] = useState<Started | null>(null);
  const start = useMutation({
    mutationFn: () => api.post<Started>("/auth/second-factor/totp"),
    onSuccess: setStarted,
  });
  const confirm = useMutation({
    mutationFn: (code: string) =>
      api.post<{ recoveryCodes: string[] }>("/auth/second-factor/totp/confirm", { code }),
    onSuccess: (r) => onEnabled(r.recoveryCodes),
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    confirm.mutate(String(new FormData(e.currentTarget).get("code") ?? ""));
  };
  const error = start.error ?? confirm.error;
  const message =
    error instanceof ApiError ? (Object.values(error.fields)[0]?.message ?? error.message) : null;
  if (!started)
    return (
      <>
        <button type="button" onClick={() => start.mutate()} disabled={start.isPending}>
          {t("security.totpStart")}
        </button>
        {message && (
          <p role="alert" className="error">
            {message}
          </p>
        )}
      </>
    );
  return (
    <form onSubmit={submit} aria-labelledby="totp-setup-title">
      <h3 id="totp-setup-title">{t("security.totpScan")}</h3>
      <img
        src={`data:image/svg+xml;base64,${btoa(started.qrSvg)}`}
        alt={t("security.qrAlt")}
        width={200}
        height={200}
      />
      <p>
        {t("security.totpManual")} <code data-testid="totp-secret">{started.secret}</code>
      </p>
      <label htmlFor="totp-confirm-code">{t("secondStep.code")}</label>
      <input
        id="totp-confirm-code"
        name="code"
        required
        autoComplete="one-time-code"
        inputMode="numeric"
        pattern="[0-9 ]{6,7}"
        maxLength={7}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? "totp-confirm-error" : undefined}
      />
      {message && (
        <p role="alert" className="error" id="totp-confirm-error">
          {message}
        </p>
      )}
      <button type="submit" disabled={confirm.isPending}>
        {t("security.totpConfirm")}
      </button>
    </form>
  );
}
