import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { ApiError, api } from "../../api/client.js";
import { useMandate } from "../../app/mandate-context.js";
import {
  type DryRun,
  guessMapping,
  type ImportType,
  importTypes,
  type Mapping,
  type Preview,
  uploadForPreview,
} from "./import-api.js";
import { ImportErrors } from "./import-errors.js";
import { countsText, fieldNameLabel, targetLabel, typeLabel } from "./import-labels.js";
import { ImportPreview } from "./import-preview.js";
import { MappingEditor } from "./mapping-editor.js";
import "./imports.css";

/** An error of the API in the user's language, with the fields it names. */
function Problem({ error }: { error: ApiError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  const fields = Object.entries(error.fields).map(([name, p]) => {
    const field = name.replace(/^mapping\./, "");
    return `${/^columns\./.test(field) ? "" : `${fieldNameLabel(t, field)}: `}${p.message}`;
  });
  return (
    <div role="alert" className="error">
      <p>{error.message}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The import wizard: choose a type and a file, see what the server read (and change its encoding), map columns to
 * fields (or use a saved mapping), check every row, then import all of it in one go and follow the run.
 */
export default function ImportWizardPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { mandate } = useMandate();
  const [type, setType] = useState<ImportType>("recommendations");
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<{ loaded: number; total: number } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<Mapping>({ columns: [], eventKey: null });
  const [savedName, setSavedName] = useState<string | null>(null);
  const [dryRun, setDryRun] = useState<DryRun | null>(null);
  const [busy, setBusy] = useState<"upload" | "check" | "commit" | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const number = new Intl.NumberFormat(i18n.language);

  if (!mandate) return <p>{t("app.loading")}</p>;
  if (!mandate.abilities.createRecords) return <p role="alert">{t("imports.notAllowed")}</p>;

  const fail = (e: unknown) =>
    setError(e instanceof ApiError ? e : new ApiError(0, "internal", t("app.error")));
  const upload = async (encoding?: string) => {
    if (!file) return;
    setBusy("upload");
    setError(null);
    setDryRun(null);
    try {
      const p = await uploadForPreview(file, { mandateId: mandate.id, type, encoding }, (loaded, total) =>
        setSent({ loaded, total }),
      );
      setPreview(p);
      // A file uploaded again (fixed, or read in another encoding) keeps the mapping of the columns it still has.
      const kept =
        p.type === preview?.type ? mapping.columns.filter((c) => p.headers.includes(c.column)) : [];
      if (kept.length) setMapping({ columns: kept, eventKey: mapping.eventKey ?? null });
      else {
        setMapping({
          columns: guessMapping(p.headers, p.targets, (tg) => targetLabel(t, tg)),
          eventKey: null,
        });
        setSavedName(null);
      }
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };
  const onUpload = (e: FormEvent) => {
    e.preventDefault();
    void upload();
  };
  const changeMapping = (m: Mapping) => {
    setMapping(m);
    setDryRun(null);
  };
  const check = async () => {
    if (!preview) return;
    setBusy("check");
    setError(null);
    try {
      setDryRun(await api.post<DryRun>("/imports/dry-run", { uploadId: preview.uploadId, mapping }));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };
  const commit = async () => {
    if (!preview) return;
    setBusy("commit");
    setError(null);
    try {
      const run = await api.post<{ id: string }>("/imports", {
        uploadId: preview.uploadId,
        mapping,
        mappingName: savedName,
      });
      navigate(`/imports/${run.id}`);
    } catch (e) {
      fail(e);
      setBusy(null);
    }
  };
  const total = dryRun ? Object.values(dryRun.counts).reduce((a, b) => a + b, 0) : 0;
  return (
    <>
      <div className="page-head">
        <h1>{t("imports.wizardTitle")}</h1>
        <Link to="/imports">{t("imports.backToList")}</Link>
      </div>
      <section aria-labelledby="import-file-title">
        <h2 id="import-file-title">{t("imports.stepFile")}</h2>
        <form className="record-form import-file" onSubmit={onUpload}>
          <div className="field">
            <label htmlFor="import-type">{t("imports.type")}</label>
            <select
              id="import-type"
              value={type}
              onChange={(e) => {
                setType(e.target.value as ImportType);
                setPreview(null);
                setDryRun(null);
              }}
            >
              {importTypes.map((p) => (
                <option key={p} value={p}>
                  {typeLabel(t, p)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="import-file">{t("imports.fileLabel")}</label>
            <input
              id="import-file"
              type="file"
              accept=".csv,.tsv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby="import-file-hint"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setSent(null);
              }}
            />
            <p className="hint" id="import-file-hint">
              {t("imports.fileHint")}
            </p>
          </div>
          <button type="submit" disabled={!file || busy !== null}>
            {t("imports.upload")}
          </button>
          {file && sent && (
            <p className="upload-progress">
              <progress
                aria-label={t("imports.uploadProgress", { name: file.name })}
                value={sent.loaded}
                max={Math.max(1, sent.total)}
              />{" "}
              <span>
                {t("imports.uploaded", {
                  percent: new Intl.NumberFormat(i18n.language, { style: "percent" }).format(
                    sent.total ? sent.loaded / sent.total : 0,
                  ),
                })}
              </span>
            </p>
          )}
        </form>
      </section>
      {preview && (
        <>
          <ImportPreview preview={preview} busy={busy !== null} onEncoding={(enc) => void upload(enc)} />
          <MappingEditor
            preview={preview}
            mandateId={mandate.id}
            mapping={mapping}
            onChange={changeMapping}
            savedName={savedName}
            onSavedName={setSavedName}
          />
          <section aria-labelledby="import-check-title">
            <h2 id="import-check-title">{t("imports.stepCheck")}</h2>
            <p>
              {t("imports.checkIntro", {
                count: preview.rowCount,
                formatted: number.format(preview.rowCount),
              })}
            </p>
            <button type="button" onClick={check} disabled={busy !== null || mapping.columns.length === 0}>
              {busy === "check" ? t("imports.checking") : t("imports.dryRun")}
            </button>
            <div aria-live="polite">
              {dryRun?.ok && (
                <p className="notice">
                  {t("imports.dryRunOk", {
                    rows: number.format(dryRun.rows),
                    counts: countsText(t, dryRun.counts, i18n.language),
                  })}
                </p>
              )}
            </div>
            {dryRun && !dryRun.ok && (
              <>
                <ImportErrors errors={dryRun.errors} truncated={dryRun.truncated} />
                <p className="hint">{t("imports.fixHint")}</p>
              </>
            )}
            {dryRun?.ok && (
              <button type="button" onClick={commit} disabled={busy !== null}>
                {t("imports.commit", { count: total, formatted: number.format(total) })}
              </button>
            )}
          </section>
        </>
      )}
      <Problem error={error} />
    </>
  );
}
