import { describedBy, FieldProblem } from "../admin/field-problems.js";

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The problem the API found with it, in the reader's language. */
  problem: string | undefined;
  /** Marked with an asterisk, and required of the browser too. */
  required?: boolean;
  readOnly?: boolean;
  lang?: "en" | "ko" | undefined;
  /** A text area of this many rows; a one-line input without. */
  rows?: number | undefined;
  hint?: string | undefined;
  maxLength?: number;
  /** Told where the cursor is in a text area as it moves (an image goes in there). */
  onCursor?: (at: number) => void;
}

/**
 * One text with its label, its hint and the problem the API found with it, all linked: the problem comes first in
 * what describes the field, so it is what a screen reader says first.
 */
export function TextField(props: TextFieldProps) {
  const { id, label, value, onChange, problem, required, readOnly, lang, rows, hint, maxLength, onCursor } =
    props;
  const tied = describedBy(id, problem);
  const ids = [tied["aria-describedby"], hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  const common = {
    id,
    lang,
    value,
    readOnly,
    required,
    maxLength,
    "aria-invalid": tied["aria-invalid"],
    "aria-describedby": ids || undefined,
  } as const;
  return (
    <div className={`field${problem ? " has-error" : ""}`}>
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {rows ? (
        <textarea
          {...common}
          rows={rows}
          onChange={(e) => onChange(e.target.value)}
          onSelect={(e) => onCursor?.(e.currentTarget.selectionStart)}
        />
      ) : (
        <input {...common} type="text" onChange={(e) => onChange(e.target.value)} />
      )}
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      <FieldProblem id={id} problem={problem} />
    </div>
  );
}
