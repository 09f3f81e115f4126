import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.js";
import { ConfidentialitySelect } from "../records/confidentiality-select.js";
import { RestrictionInput } from "../records/restriction-input.js";
import type { EditorValues, TextFieldName } from "./press-release-api.js";

interface FieldProps {
  name: TextFieldName;
  values: EditorValues;
  set: (name: TextFieldName, value: string) => void;
  problem: string | undefined;
  readOnly: boolean;
  lang?: "en" | "ko";
  rows?: number;
  hint?: string;
  maxLength: number;
}

/** One text of the release with its label, its hint and the problem the API found with it (all linked). */
function TextField({ name, values, set, problem, readOnly, lang, rows, hint, maxLength }: FieldProps) {
  const { t } = useTranslation();
  const id = `pr-${name}`;
  const describedBy = [problem ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  const common = {
    id,
    lang,
    value: values[name],
    readOnly,
    maxLength,
    "aria-invalid": problem ? true : undefined,
    "aria-describedby": describedBy || undefined,
  } as const;
  return (
    <div className={`field${problem ? " has-error" : ""}`}>
      <label htmlFor={id}>{t(`field.${name}`)}</label>
      {rows ? (
        <textarea {...common} rows={rows} onChange={(e) => set(name, e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => set(name, e.target.value)} />
      )}
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {problem && (
        <small id={`${id}-error`} className="field-error">
          {problem}
        </small>
      )}
    </div>
  );
}

interface Props {
  initial: EditorValues;
  mode: "create" | "edit";
  /** Shown but not changeable: the release is scheduled or published, or the reader may not change it. */
  readOnly: boolean;
  readOnlyReason?: string | undefined;
  canRestrict: boolean;
  onSubmit: (values: EditorValues) => Promise<unknown>;
  onDirtyChange?: (dirty: boolean) => void;
  onCancel?: () => void;
}

/**
 * A press release's editor: dateline and address, then English and Korean side by side (title, plain-text summary,
 * Markdown body), so a translation is written and checked against its original. Problems the API names appear next
 * to their field, in the reader's language.
 */
export function PressReleaseEditor({
  initial,
  mode,
  readOnly,
  readOnlyReason,
  canRestrict,
  onSubmit,
  onDirtyChange,
  onCancel,
}: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  // A new version from the server (after a move or a save) replaces what is shown, unless the reader is typing.
  useEffect(() => {
    if (!dirty) setValues(initial);
  }, [initial, dirty]);

  const set = (name: keyof EditorValues, value: unknown) => {
    setValues((prev) => ({ ...prev, [name]: value }));
    setDirty(true);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFormError(null);
    try {
      await onSubmit(values);
      setProblems({});
      setDirty(false);
    } catch (err) {
      if (err instanceof ApiError) {
        setFormError(err.message);
        setProblems(Object.fromEntries(Object.entries(err.fields).map(([k, p]) => [k, p.message])));
      } else setFormError(t("app.error"));
    } finally {
      setBusy(false);
    }
  };
  const field = (name: TextFieldName, more: Partial<FieldProps> & { maxLength: number }) => (
    <TextField name={name} values={values} set={set} problem={problems[name]} readOnly={readOnly} {...more} />
  );
  const markdown = t("pressReleases.markdownHint");
  const summary = t("pressReleases.summaryHint");
  return (
    <form onSubmit={submit} className="press-release-form" noValidate aria-label={t("pressReleases.editor")}>
      {readOnly && readOnlyReason && <p className="notice">{readOnlyReason}</p>}
      {formError && (
        <p role="alert" className="error">
          {formError}
        </p>
      )}
      <div className="press-release-meta">
        {field("location", { maxLength: 200, hint: t("pressReleases.locationHint") })}
        {field("slug", { maxLength: 80, hint: t("pressReleases.slugHint") })}
      </div>
      <div className="press-release-columns">
        <fieldset>
          <legend>{t("pressReleases.english")}</legend>
          {field("titleEn", { lang: "en", maxLength: 300 })}
          {field("summaryEn", { lang: "en", rows: 3, maxLength: 1000, hint: summary })}
          {field("bodyEn", { lang: "en", rows: 18, maxLength: 100_000, hint: markdown })}
        </fieldset>
        <fieldset>
          <legend>{t("pressReleases.korean")}</legend>
          {field("titleKo", { lang: "ko", maxLength: 300 })}
          {field("summaryKo", { lang: "ko", rows: 3, maxLength: 1000, hint: summary })}
          {field("bodyKo", { lang: "ko", rows: 18, maxLength: 100_000, hint: markdown })}
        </fieldset>
      </div>
      {!readOnly && (
        <div className="press-release-meta">
          <ConfidentialitySelect
            id="pr-confidentiality"
            value={values.confidentiality}
            defaultLevel="internal"
            onChange={(v) => set("confidentiality", v)}
            problem={problems.confidentiality}
            hint={t("pressReleases.levelHint")}
          />
          {canRestrict && (
            <div>
              <RestrictionInput value={values.restrictedTo} onChange={(v) => set("restrictedTo", v)} />
              {problems.restrictedTo && <small className="field-error">{problems.restrictedTo}</small>}
            </div>
          )}
        </div>
      )}
      {!readOnly && (
        <div className="actions">
          <button type="submit" disabled={busy}>
            {mode === "create" ? t("record.create") : t("record.save")}
          </button>
          {onCancel && (
            <button type="button" className="secondary" onClick={onCancel}>
              {t("record.cancel")}
            </button>
          )}
          <span role="status" className="hint">
            {dirty ? t("pressReleases.unsaved") : ""}
          </span>
        </div>
      )}
    </form>
  );
}
