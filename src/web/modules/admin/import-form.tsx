import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client.js";
import type { ImportResult } from "./admin-types.js";

/** Imports a HURIDOCS micro-thesauri JSON file: terms are added and updated, never removed; the counts are reported. */
export function ImportForm({ onImported }: { onImported: () => Promise<void> }) {
  const { t } = useTranslation();
  const file = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [details, setDetails] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    setError(null);
    setDetails([]);
    const chosen = file.current?.files?.[0];
    if (!chosen) {
      setError(t("vocabAdmin.chooseFile"));
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(await chosen.text());
    } catch {
      setError(t("vocabAdmin.notJson"));
      return;
    }
    setBusy(true);
    try {
      const counts = await api.post<ImportResult>("/vocabularies/import", body);
      setResult(counts);
      if (file.current) file.current.value = "";
      await onImported();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t("app.error"));
      if (err instanceof ApiError)
        setDetails(
          Object.entries(err.fields)
            .slice(0, 5)
            .map(([path, p]) => `${path}: ${p.message}`),
        );
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="filters admin-form" onSubmit={submit} noValidate aria-labelledby="import-title">
      <h2 id="import-title">{t("vocabAdmin.importTitle")}</h2>
      <div className={`field${error ? " has-error" : ""}`}>
        <label htmlFor="import-file">{t("vocabAdmin.file")}</label>
        <input
          id="import-file"
          ref={file}
          type="file"
          accept="application/json,.json"
          aria-describedby={error ? "import-file-hint import-error" : "import-file-hint"}
        />
        <small id="import-file-hint" className="hint">
          {t("vocabAdmin.fileHint")}
        </small>
      </div>
      <button type="submit" disabled={busy}>
        {t("vocabAdmin.import")}
      </button>
      <p role="status" className="status">
        {result ? t("vocabAdmin.imported", { ...result }) : ""}
      </p>
      {error && (
        <div role="alert" id="import-error" className="error">
          <p>{error}</p>
          {details.length > 0 && (
            <ul>
              {details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
