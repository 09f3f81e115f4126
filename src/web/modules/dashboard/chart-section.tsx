import { type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { downloadBlob, standaloneSvg, svgToPng } from "./chart-export.js";

interface Props {
  /** Prefix of the ids of the section. */
  id: string;
  title: string;
  /** What the chart counts, in a sentence: its caption. */
  caption: ReactNode;
  /** A line on the filters in use, printed under the title of the exported image. */
  filtersLine: string;
  /** The name of the downloaded files, without extension. */
  filename: string;
  csv: string;
  /** The chart, an SVG with role="img". */
  children: ReactNode;
  /** The same numbers as a table. */
  table: ReactNode;
  /** What the reader may change in this chart alone (a year…), under its heading. */
  controls?: ReactNode;
}

/** A blob address for `text`, revoked when the text changes or the page goes. */
function useObjectUrl(text: string, type: string) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const made = URL.createObjectURL(new Blob([text], { type }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [text, type]);
  return url;
}

/** One chart of the dashboard: heading, the chart with its caption, downloads (PNG and CSV), and its data table. */
export function ChartSection({
  id,
  title,
  caption,
  filtersLine,
  filename,
  csv,
  children,
  table,
  controls,
}: Props) {
  const { t } = useTranslation();
  const figure = useRef<HTMLElement>(null);
  const csvUrl = useObjectUrl(csv, "text/csv;charset=utf-8");
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);

  const downloadPng = async () => {
    const svg = figure.current?.querySelector("svg");
    if (!svg) return;
    setBusy(true);
    setStatus("");
    try {
      downloadBlob(await svgToPng(standaloneSvg(svg, title, filtersLine)), `${filename}.png`);
      setStatus(t("dashboard.pngReady"));
    } catch {
      setStatus(t("dashboard.pngFailed"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="chart" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {controls}
      <figure ref={figure}>
        {children}
        <figcaption>{caption}</figcaption>
      </figure>
      <div className="chart-actions">
        <button type="button" className="secondary" onClick={downloadPng} disabled={busy}>
          {t("dashboard.downloadPng")}
        </button>
        {csvUrl && (
          <a className="button secondary" href={csvUrl} download={`${filename}.csv`}>
            {t("dashboard.downloadCsv")}
          </a>
        )}
        <span role="status" className="hint">
          {status}
        </span>
      </div>
      <details className="chart-table">
        <summary>{t("dashboard.showTable")}</summary>
        {table}
      </details>
    </section>
  );
}
