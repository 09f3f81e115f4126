import { useTranslation } from "react-i18next";
import type { EditorValues, TextFieldName } from "./press-release-api.js";

export interface FieldProps {
  name: TextFieldName;
  values: EditorValues;
  set: (name: TextFieldName, value: string) => void;
  problem: string | undefined;
  readOnly: boolean;
  lang?: "en" | "ko";
  rows?: number;
  hint?: string;
  maxLength: number;
  /** Told where the cursor is in a text area as it moves (an image goes in there). */
  onCursor?: (at: number) => void;
}

/** One text of the release with its label, its hint and the problem the API found with it (all linked). */
export function TextField(props: FieldProps) {
  const { name, values, set, problem, readOnly, lang, rows, hint, maxLength, onCursor } = props;
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
        <textarea
          {...common}
          rows={rows}
          onChange={(e) => set(name, e.target.value)}
          onSelect={(e) => onCursor?.(e.currentTarget.selectionStart)}
        />
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
