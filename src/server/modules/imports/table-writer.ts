import ExcelJS from "exceljs";

/** A text cell a spreadsheet would run as a formula, written as text instead (the same guard as our CSV). */
export const formulaSafe = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

/**
 * An XLSX workbook of one sheet: a bold header row, every cell a text cell made formula-safe.
 * @example const bytes = await xlsxOf("persons", ["id", "code"], [["p1", "W-2017-014"]]);
 */
export async function xlsxOf(
  sheetName: string,
  header: readonly string[],
  rows: readonly string[][],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Rapporteur";
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header.map(formulaSafe)).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  for (const row of rows) sheet.addRow(row.map(formulaSafe));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
