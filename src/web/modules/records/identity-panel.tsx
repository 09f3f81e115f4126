import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client.js";

interface Identity {
  legalName?: string | null;
  aliases?: string[];
  contacts?: { kind: string; value: string }[];
  address?: string | null;
  idNumbers?: { kind: string; number: string }[];
  notes?: string | null;
}

/** Identifying data stays hidden until an allowed user asks to see it; the server audits each reveal. */
export function IdentityPanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reveal = async () => {
    try {
      setIdentity((await api.get<{ identity: Identity }>(`/persons/${personId}/identity`)).identity);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t("app.error"));
    }
  };
  return (
    <section aria-labelledby="identity-title" className="identity">
      <h2 id="identity-title">{t("record.identity")}</h2>
      {!identity && (
        <button type="button" onClick={reveal}>
          {t("record.reveal")}
        </button>
      )}
      {error && <p role="alert">{error}</p>}
      {identity &&
        (Object.keys(identity).length === 0 ? (
          <p>{t("record.identityNone")}</p>
        ) : (
          <dl>
            {Object.entries(identity).map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{typeof v === "string" ? v : JSON.stringify(v)}</dd>
              </div>
            ))}
          </dl>
        ))}
    </section>
  );
}
