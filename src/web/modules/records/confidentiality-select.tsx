import { useTranslation } from "react-i18next";
import { confidentialityLevels } from "../../api/types.js";

interface Props {
  id: string;
  /** The level chosen, or nothing yet: the record type's default is shown (and is what the API applies). */
  value: unknown;
  defaultLevel: string;
  onChange: (level: string) => void;
  problem?: string | undefined;
  label?: string | undefined;
  hint?: string | undefined;
}

/**
 * The confidentiality level of a record. Every level is offered: which one a role may give is the API's to say,
 * and its refusal shows here as the problem.
 */
export function ConfidentialitySelect({ id, value, defaultLevel, onChange, problem, label, hint }: Props) {
  const { t } = useTranslation();
  const describedBy = problem ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={`field${problem ? " has-error" : ""}`}>
      <label htmlFor={id}>{label ?? t("record.confidentiality")}</label>
      <select
        id={id}
        value={String(value ?? defaultLevel)}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy}
        aria-invalid={problem ? true : undefined}
      >
        {confidentialityLevels.map((c) => (
          <option key={c} value={c}>
            {t(`confidentiality.${c}`)}
          </option>
        ))}
      </select>
      {hint && !problem && (
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
