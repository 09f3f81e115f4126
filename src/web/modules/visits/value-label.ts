import { useTranslation } from "react-i18next";

/**
 * Names a code of the record types (a status, a priority, a kind of visit) in the reader's language, as record
 * pages do; an unlabelled code reads as its words.
 */
export function useValueLabel() {
  const { t } = useTranslation();
  return (code: unknown) =>
    t(`value.${String(code)}` as "value.none", { defaultValue: String(code).replace(/_/g, " ") });
}
