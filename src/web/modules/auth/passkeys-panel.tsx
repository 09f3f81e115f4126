import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client.js";
import { addPasskey, type Passkey } from "./second-factor-api.js";

/** The user's passkeys: add one (named), remove one. */
export function PasskeysPanel({
  passkeys,
  onChange,
}: {
  passkeys: Passkey[];
  onChange: (recoveryCodes: string[] | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const [failed, setFailed] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (name: string) => addPasskey(name),
    onSuccess: (r) => onChange(r.recoveryCodes),
    onError: (e) => setFailed(e instanceof ApiError ? e.message : t("secondStep.passkeyFailed")),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/auth/passkeys/${id}`),
    onSuccess: () => onChange(null),
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setFailed(null);
    add.mutate(String(new FormData(e.currentTarget).get("name") || t("security.passkeyDefault")));
  };
  return (
    <section aria-labelledby="passkeys-title">
      <h2 id="passkeys-title">{t("security.passkeysTitle")}</h2>
      <p>{t("security.passkeysIntro")}</p>
      {passkeys.length > 0 && (
        <ul className="passkeys">
          {passkeys.map((p) => (
            <li key={p.id}>
              <strong>{p.name}</strong>{" "}
              {t("security.passkeyAdded", { date: new Date(p.createdAt).toLocaleDateString(i18n.language) })}{" "}
              <button
                type="button"
                onClick={() => remove.mutate(p.id)}
                aria-label={t("security.passkeyRemove", { name: p.name })}
              >
                {t("security.remove")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit}>
        <label htmlFor="passkey-name">{t("security.passkeyName")}</label>
        <input id="passkey-name" name="name" maxLength={100} placeholder={t("security.passkeyDefault")} />
        <button type="submit" disabled={add.isPending}>
          {t("security.passkeyAdd")}
        </button>
      </form>
      {failed && (
        <p role="alert" className="error">
          {failed}
        </p>
      )}
    </section>
  );
}
