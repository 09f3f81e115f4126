import { type FormEvent, Fragment, lazy, Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.js";
import type { ApiRecord, FieldInfo, RecordType } from "../../api/types.js";
import { ConfidentialitySelect } from "./confidentiality-select.js";
import { LabelledField } from "./labelled-field.js";
import { RestrictionInput } from "./restriction-input.js";

type Values = Record<string, unknown>;

// Loaded with the first place form only: the map code stays out of every other form.
const CoordinatePicker = lazy(() => import("../map/coordinate-picker.js"));

interface Props {
  recordType: RecordType;
  initial: Values;
  /** Creating shows every field; editing leaves out those fixed at creation. */
  mode: "create" | "edit";
  onSubmit: (values: Values) => Promise<ApiRecord>;
  onCancel?: () => void;
  /** Offer the restricted-to list (holders and officers). */
  canRestrict?: boolean;
  /** Where unsaved values are kept on this device, so a reload or a network error loses nothing. */
  draftKey?: string;
  onValuesChange?: (values: Values) => void;
}

const readDraft = (key: string | undefined): Values | null => {
  if (!key) return null;
  try {
    return JSON.parse(localStorage.getItem(key) ?? "null") as Values | null;
  } catch {
    return null;
  }
};

const label = (t: (k: string) => string, f: FieldInfo) => t(`field.${f.name}`);

/**
 * The form of any record type, built from its spec. Errors the API names appear next to their field, in the
 * user's language; a date the reader cannot parse is flagged before anything is sent.
 */
export function RecordForm({
  recordType,
  initial,
  mode,
  onSubmit,
  onCancel,
  canRestrict,
  draftKey,
  onValuesChange,
}: Props) {
  const { t } = useTranslation();
  const [restored] = useState(() => readDraft(draftKey));
  const [values, setValues] = useState<Values>(() => ({ ...initial, ...(restored ?? {}) }));
  const [showRestored, setShowRestored] = useState(restored !== null);
  useEffect(() => {
    onValuesChange?.(values);
  }, [values, onValuesChange]);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = recordType.fields
    .filter((f) => !f.readOnly && (mode === "create" || !f.immutable))
    .filter((f) => f.name !== "sha256");

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    for (const f of fields) {
      const v = values[f.name] as { invalid?: string } | null;
      if (f.kind === "date" && v && typeof v === "object" && "invalid" in v)
        local[f.name] = t("record.badDate");
    }
    setProblems(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    setFormError(null);
    try {
      await onSubmit(values);
      if (draftKey) localStorage.removeItem(draftKey);
    } catch (err) {
      if (err instanceof ApiError) {
        setFormError(err.message);
        const byField: Record<string, string> = {};
        for (const [name, p] of Object.entries(err.fields)) byField[name.split(".")[0] ?? name] = p.message;
        setProblems(byField);
      } else setFormError(t("app.error"));
    } finally {
      setBusy(false);
    }
  };

  const set = (name: string) => (v: unknown) =>
    setValues((prev) => {
      const next = { ...prev, [name]: v };
      if (draftKey) localStorage.setItem(draftKey, JSON.stringify(next));
      return next;
    });
  const discardDraft = () => {
    if (draftKey) localStorage.removeItem(draftKey);
    setValues(initial);
    setShowRestored(false);
  };
  return (
    <form onSubmit={submit} className="record-form" noValidate>
      {showRestored && (
        <p role="status" className="notice">
          {t("record.draftRestored")}{" "}
          <button type="button" className="secondary" onClick={discardDraft}>
            {t("record.discardDraft")}
          </button>
        </p>
      )}
      {formError && (
        <p role="alert" className="error">
          {formError}
        </p>
      )}
      {fields.map((f) => {
        const id = `f-${f.name}`;
        const problem = problems[f.name];
        return (
          <Fragment key={f.name}>
            <LabelledField
              field={f}
              id={id}
              value={values[f.name]}
              onChange={set(f.name)}
              problem={problem}
              label={label(t, f)}
            />
            {recordType.plural === "places" && f.name === "longitude" && (
              <Suspense fallback={null}>
                <CoordinatePicker
                  latitude={values.latitude}
                  longitude={values.longitude}
                  onPick={(lat, lon) => {
                    set("latitude")(lat);
                    set("longitude")(lon);
                  }}
                />
              </Suspense>
            )}
          </Fragment>
        );
      })}
      <ConfidentialitySelect
        id="f-confidentiality"
        value={values.confidentiality}
        defaultLevel={recordType.defaultConfidentiality}
        onChange={set("confidentiality")}
        problem={problems.confidentiality}
      />
      {canRestrict && (
        <RestrictionInput
          value={(values.restrictedTo as string[] | null | undefined) ?? null}
          onChange={set("restrictedTo")}
        />
      )}
      {problems.restrictedTo && <small className="field-error">{problems.restrictedTo}</small>}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {mode === "create" ? t("record.create") : t("record.save")}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            {t("record.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
