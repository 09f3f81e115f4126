import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CasesChart } from "./cases-chart.js";
import { CommunicationsChart } from "./communications-chart.js";
import { useCaseFigures, useCommunicationFigures } from "./use-action-figures.js";
import { refusal } from "./use-analytics.js";

/** The mandate's casework in charts: cases by status, and a year's communications by addressee. */
export function ActionCharts({ mandateId }: { mandateId: string }) {
  const { t } = useTranslation();
  const [year, setYear] = useState<number | null>(null);
  const cases = useCaseFigures(mandateId);
  const letters = useCommunicationFigures(mandateId, year);
  const error = cases.error ?? letters.error;
  return (
    <>
      <p className="hint action-charts-note">{t("dashboard.casesAndCommunications")}</p>
      {error && (
        <p role="alert" className="error">
          {refusal(error)}
        </p>
      )}
      <div className="charts">
        {cases.data && <CasesChart figures={cases.data} />}
        {letters.data && <CommunicationsChart figures={letters.data} onYear={setYear} />}
      </div>
    </>
  );
}
