import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.js";
import { problemsOf } from "../admin/field-problems.js";
import { ConfidentialitySelect } from "../records/confidentiality-select.js";
import { RestrictionInput } from "../records/restriction-input.js";
import { TextField, type TextFieldProps } from "../records/text-field.js";
import type { EditorValues, TextFieldName } from "./press-release-api.js";
import { InsertImage } from "./press-release-image-insert.js";
import { insertBlock } from "./press-release-values.js";

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
  /** A saved release: its texts take uploaded images while they may be changed (not read-only). */
  imagesOf?: string | undefined;
}

/**
 * A press release's editor: dateline and address, then English and Korean side by side (title, plain-text summary,
 * Markdown body, and under it, for a saved release whose text is open, a control that inserts an uploaded image), so
 * a translation is written and checked against its original. Problems the API names appear next to their field, in
 * the reader's language.
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
  imagesOf,
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

  // Where the cursor last was in each body: an image goes in there (at the end when it has not been in the text).
  const cursor = useRef<Partial<Record<TextFieldName, number>>>({});

  const set = (name: keyof EditorValues, value: unknown) => {
    setValues((prev) => ({ ...prev, [name]: value }));
    setDirty(true);
  };
  // The text as it is when an upload ends (the writer may have typed meanwhile).
  const latest = useRef(values);
  latest.current = values;
  const insertImage = (name: "bodyEn" | "bodyKo", markdown: string) => {
    const body = latest.current[name];
    const placed = insertBlock(body, cursor.current[name] ?? body.length, markdown);
    cursor.current[name] = placed.at;
    set(name, placed.text);
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
        setProblems(problemsOf(err));
      } else setFormError(t("app.error"));
    } finally {
      setBusy(false);
    }
  };
  const field = (
    name: TextFieldName,
    more: Pick<TextFieldProps, "lang" | "rows" | "hint"> & { maxLength: number },
  ) => (
    <TextField
      id={`pr-${name}`}
      label={t(`field.${name}`)}
      value={values[name]}
      onChange={(v) => set(name, v)}
      problem={problems[name]}
      readOnly={readOnly}
      onCursor={(at) => {
        cursor.current[name] = at;
      }}
      {...more}
    />
  );
  const images = (lang: "en" | "ko") =>
    imagesOf && !readOnly ? (
      <InsertImage
        releaseId={imagesOf}
        lang={lang}
        onInsert={(markdown) => insertImage(lang === "en" ? "bodyEn" : "bodyKo", markdown)}
      />
    ) : null;
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
          {images("en")}
        </fieldset>
        <fieldset>
          <legend>{t("pressReleases.korean")}</legend>
          {field("titleKo", { lang: "ko", maxLength: 300 })}
          {field("summaryKo", { lang: "ko", rows: 3, maxLength: 1000, hint: summary })}
          {field("bodyKo", { lang: "ko", rows: 18, maxLength: 100_000, hint: markdown })}
          {images("ko")}
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
