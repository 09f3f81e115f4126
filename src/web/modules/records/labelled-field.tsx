import { useTranslation } from "react-i18next";
import type { FieldInfo } from "../../api/types.js";
import { FieldInput } from "./field-input.js";

interface Props {
  field: FieldInfo;
  id: string;
  value: unknown;
  onChange: (v: unknown) => void;
  problem?: string | undefined;
  label?: string | undefined;
}

/** One field with its label, its date hint, or the problem found with it (linked for screen readers). */
export function LabelledField({ field, id, value, onChange, problem, label }: Props) {
  const { t } = useTranslation();
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
