import { useTranslation } from "react-i18next";
import type { FieldInfo } from "../../api/types.js";
import { FieldInput } from "../records/field-input.js";
import type { Values } from "./draft.js";

interface FieldProps {
  field: FieldInfo;
  /** Where the field lives ("source", "e0.a1"…), to give it a unique id and find its problem. */
  scope: string;
  value: unknown;
  onChange: (v: unknown) => void;
  problem?: string | undefined;
  label?: string;
}

export const fieldId = (scope: string, name: string) => `t-${scope.replaceAll(".", "-")}-${name}`;

/** One labelled field with its date hint or the problem found with it. */
export function Field({ field, scope, value, onChange, problem, label }: FieldProps) {
  const { t } = useTranslation();
  const id = fieldId(scope, field.name);
  return (
    <div className={`field${problem ? " has-error" : ""}${field.kind === "bool" ? " checkbox" : ""}`}>
      <label htmlFor={id}>
        {label ?? t(`field.${field.name}` as "field.kind")}
        {field.required && <span aria-hidden="true"> *</span>}
      </label>
      <FieldInput
        field={field}
        id={id}
        value={value}
        onChange={onChange}
        describedBy={problem ? `${id}-error` : field.kind === "date" ? `${id}-hint` : undefined}
      />
      {field.kind === "date" && !problem && (
        <small id={`${id}-hint`} className="hint">
          {t("record.dateHint")}
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

interface FieldsProps {
  fields: FieldInfo[];
  scope: string;
  values: Values;
  onChange: (name: string, v: unknown) => void;
  problems: Record<string, string>;
  /** Names the group for assistive technologies. */
  legend: string;
  /** Already saved: shown, no longer editable here. */
  saved?: boolean;
}

/** The fields of one record of the testimony, grouped; locked once the record is saved. */
export function Fields({ fields, scope, values, onChange, problems, legend, saved }: FieldsProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="bare" disabled={saved}>
      <legend className="visually-hidden">{legend}</legend>
      {saved && <p className="saved-mark">{t("testimony.alreadySaved")}</p>}
      {fields.map((f) => (
        <Field
          key={f.name}
          field={f}
          scope={scope}
          value={values[f.name]}
          onChange={(v) => onChange(f.name, v)}
          problem={problems[`${scope}.${f.name}`]}
        />
      ))}
    </fieldset>
  );
}

/** The reliability of what the source tells about an event or act, for its information link. */
export const reliabilityField: FieldInfo = {
  name: "reliability",
  kind: "vocab",
  list: "reliability",
  required: false,
  filter: false,
  sort: false,
  immutable: false,
};
