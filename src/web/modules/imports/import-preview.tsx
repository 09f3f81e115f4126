import { useTranslation } from "react-i18next";
import { importEncodings, type Preview } from "./import-api.js";

const delimiterNames: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe" };

/**
 * What the server found in the file: format, encoding (which the user may change, the file is then read again),
 * line endings, delimiter, the number of rows, and the first rows under their headers.
 */
export function ImportPreview({
  preview,
  busy,
  onEncoding,
}: {
  preview: Preview;
  busy: boolean;
  onEncoding: (encoding: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const encodingName = (e: string) => t(`imports.encodingName.${e}` as "imports.encodingName.utf-8");
  return (
    <section aria-labelledby="import-preview-title">
      <h2 id="import-preview-title">{t("imports.stepPreview")}</h2>
      <dl className="fields import-facts">
        <div>
          <dt>{t("imports.format")}</dt>
          <dd>{preview.format.toUpperCase()}</dd>
        </div>
        {preview.format === "csv" && (
          <>
            <div>
              <dt>
                <label htmlFor="import-encoding">{t("imports.encoding")}</label>
              </dt>
              <dd>
                <select
                  id="import-encoding"
                  value={preview.encoding ?? ""}
                  disabled={busy}
                  aria-describedby="import-encoding-hint"
                  onChange={(e) => onEncoding(e.target.value)}
                >
                  {importEncodings.map((e) => (
                    <option key={e} value={e}>
                      {e === preview.detectedEncoding
                        ? t("imports.encodingDetected", { name: encodingName(e) })
                        : encodingName(e)}
                    </option>
                  ))}
                </select>
                <p className="hint" id="import-encoding-hint">
                  {preview.encodingCertain ? t("imports.encodingCertain") : t("imports.encodingGuess")}
                </p>
              </dd>
            </div>
            <div>
              <dt>{t("imports.lineEnding")}</dt>
              <dd>
                {t(`imports.lineEndingName.${preview.lineEnding ?? "lf"}` as "imports.lineEndingName.lf")}
              </dd>
            </div>
            <div>
              <dt>{t("imports.delimiter")}</dt>
              <dd>
                {t(
                  `imports.delimiterName.${delimiterNames[preview.delimiter ?? ","] ?? "comma"}` as "imports.delimiterName.comma",
                )}
              </dd>
            </div>
          </>
        )}
        <div>
          <dt>{t("imports.rowCount")}</dt>
          <dd>{number.format(preview.rowCount)}</dd>
        </div>
      </dl>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls; the keyboard must reach it. */}
      <section className="table-scroll" aria-label={t("imports.previewRegion")} tabIndex={0}>
        <table className="records import-preview">
          <caption>{t("imports.previewCaption", { file: preview.filename })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("imports.line")}</th>
              {preview.headers.map((h, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: headers may repeat; their position is their identity.
                <th scope="col" key={i}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.line}>
                <th scope="row">{number.format(row.line)}</th>
                {preview.headers.map((_, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                  <td key={i}>{row.cells[i] ?? ""}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}
