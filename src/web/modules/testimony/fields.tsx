import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { FieldInfo } from "../../api/types.js";
import { ConfidentialitySelect } from "../records/confidentiality-select.js";
import { LabelledField } from "../records/labelled-field.js";
import { RestrictionInput } from "../records/restriction-input.js";
import { restrictionOf, type Values } from "./draft.js";

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

/** One labelled field of the testimony form, its id derived from where it lives. */
export function Field({ field, scope, ...rest }: FieldProps) {
  return <LabelledField field={field} id={fieldId(scope, field.name)} {...rest} />;
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
  /** More controls of the same record (its level, its restriction), locked with it. */
  children?: ReactNode;
}

/** The fields of one record of the testimony, grouped; locked once the record is saved. */
export function Fields({ fields, scope, values, onChange, problems, legend, saved, children }: FieldsProps) {
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
      {children}
    </fieldset>
  );
}

interface AccessProps {
  scope: string;
  values: Values;
  onChange: (name: "confidentiality" | "restrictedTo", v: unknown) => void;
  problems: Record<string, string>;
  defaultLevel: string;
  /** Offer the restricted-to list; one already in the draft is shown anyway, so it can be lifted. */
  canRestrict?: boolean;
  hint?: string;
}

/** Who may see one record of the testimony: its confidentiality level and, when offered, its restricted-to list. */
export function RecordAccess({
  scope,
  values,
  onChange,
  problems,
  defaultLevel,
  canRestrict,
  hint,
}: AccessProps) {
  const restrictedTo = restrictionOf(values);
  const restrictionProblem = problems[`${scope}.restrictedTo`];
  return (
    <>
      <ConfidentialitySelect
        id={fieldId(scope, "confidentiality")}
        value={values.confidentiality}
        defaultLevel={defaultLevel}
        onChange={(v) => onChange("confidentiality", v)}
        problem={problems[`${scope}.confidentiality`]}
        hint={hint}
      />
      {(canRestrict || restrictedTo) && (
        <RestrictionInput value={restrictedTo} onChange={(v) => onChange("restrictedTo", v)} />
      )}
      {restrictionProblem && (
        <small id={fieldId(scope, "restrictedTo-error")} className="field-error">
          {restrictionProblem}
        </small>
      )}
    </>
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
