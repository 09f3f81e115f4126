import { useTranslation } from "react-i18next";
import type { ListExtraProps } from "../records/record-extras.js";

/** Links to the registry as CSV and XLSX, with the list's own filters and the page's language. */
export default function RegistryExport({ query }: ListExtraProps) {
  const { t, i18n } = useTranslation();
  const params = new URLSearchParams(query);
  for (const k of ["limit", "cursor", "q", "sort", "order", "confidentiality"]) params.delete(k);
  params.set("lang", i18n.language === "ko" ? "ko" : "en");
  return (
    <p className="export-links">
      {t("recommendations.export")}{" "}
      <a href={`/api/v1/recommendations/export.csv?${params}`} download>
        CSV
      </a>{" "}
      <a href={`/api/v1/recommendations/export.xlsx?${params}`} download>
        XLSX
      </a>
    </p>
  );
}
