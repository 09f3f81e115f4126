import { useTranslation } from "react-i18next";
import type { RowError } from "./import-api.js";
import { fieldNameLabel } from "./import-labels.js";

/** Problems of a file, one per line and field, where the user finds them: line, column, field, what is wrong. */
export function ImportErrors({ errors, truncated }: { errors: RowError[]; truncated: boolean }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <>
      <table className="records import-errors">
        <caption>{t("imports.errorsCaption", { count: errors.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("imports.line")}</th>
            <th scope="col">{t("imports.column")}</th>
            <th scope="col">{t("imports.field")}</th>
            <th scope="col">{t("imports.problem")}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e) => (
            <tr key={`${e.line}:${e.field}:${e.code}`}>
              <td>{e.line === null ? "—" : number.format(e.line)}</td>
              <td>{e.column ?? "—"}</td>
              <td>{e.field ? fieldNameLabel(t, e.field) : "—"}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {truncated && <p className="hint">{t("imports.errorsTruncated", { shown: errors.length })}</p>}
    </>
  );
}
