import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { detectEncoding, latinPlausibility } from "./table-encoding.js";
import { describeTable, readTableRows, TableError } from "./table-reader.js";

const dir = mkdtempSync(path.join(tmpdir(), "rapporteur-table-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** Writes the bytes as a file and reads it back as the import does: layout, then every row with its line. */
async function read(bytes: Buffer, encoding?: Parameters<typeof describeTable>[1]) {
  const file = path.join(dir, `f${++n}`);
  writeFileSync(file, bytes);
  const layout = describeTable(bytes, encoding);
  const rows: { line: number; cells: string[] }[] = [];
  for await (const row of readTableRows(file, layout)) rows.push(row);
  return { layout, rows };
}

const accented = "Café “Müller” ©";

describe("reading real-world messy files", () => {
  it("a Mac Roman file with bare CR line endings (é, ü, ©, curly quotes) is recognised and read", async () => {
    const text = `name,note\r${accented},Zürich\r"Crème brûlée",“quoted”\r`;
    const bytes = iconv.encode(text, "macintosh");
    const { layout, rows } = await read(bytes);
    expect(layout).toMatchObject({ format: "csv", encoding: "macintosh", lineEnding: "cr", delimiter: "," });
    expect(layout.encodingCertain).toBe(false);
    expect(rows).toEqual([
      { line: 1, cells: ["name", "note"] },
      { line: 2, cells: [accented, "Zürich"] },
      { line: 3, cells: ["Crème brûlée", "“quoted”"] },
    ]);
  });

  it("a Windows-1252 file with CRLF line endings is told apart from Mac Roman", async () => {
    const text = `name,note\r\n${accented},Zürich\r\n"Crème brûlée",“quoted” – ok\r\n`;
    const { layout, rows } = await read(iconv.encode(text, "windows-1252"));
    expect(layout).toMatchObject({ encoding: "windows-1252", lineEnding: "crlf" });
    expect(rows[1]?.cells).toEqual([accented, "Zürich"]);
    expect(rows[2]?.cells).toEqual(["Crème brûlée", "“quoted” – ok"]);
  });

  it("the heuristic prefers the reading where accented letters sit inside words", () => {
    const mac = iconv.encode(accented, "macintosh");
    expect(latinPlausibility(iconv.decode(mac, "macintosh"))).toBeGreaterThan(
      latinPlausibility(iconv.decode(mac, "windows-1252")),
    );
    const windows = iconv.encode(accented, "windows-1252");
    expect(detectEncoding(windows).encoding).toBe("windows-1252");
    expect(detectEncoding(mac).encoding).toBe("macintosh");
  });

  it("the user's choice of encoding overrides the guess", async () => {
    const bytes = iconv.encode(`name\r\n${accented}\r\n`, "macintosh");
    const { layout, rows } = await read(bytes, "windows-1252");
    expect(layout).toMatchObject({ encoding: "windows-1252", detectedEncoding: "macintosh" });
    expect(rows[1]?.cells[0]).toBe(iconv.decode(iconv.encode(accented, "macintosh"), "windows-1252"));
  });

  it.each([
    ["utf-16le", "utf16le"],
    ["utf-16be", "utf16be"],
  ] as const)("UTF-16 with a byte-order mark (%s) is read, Korean included", async (label, codec) => {
    const text = "name\tnote\r\n김영희\t“구금” 2017\r\n";
    const bytes = iconv.encode(text, codec, { addBOM: true });
    const { layout, rows } = await read(bytes);
    expect(layout).toMatchObject({
      encoding: label,
      encodingCertain: true,
      delimiter: "\t",
      lineEnding: "crlf",
    });
    expect(rows[1]?.cells).toEqual(["김영희", "“구금” 2017"]);
    expect(rows[0]?.cells[0]).toBe("name");
  });

  it.each([
    ["with", true],
    ["without", false],
  ])("Korean text in UTF-8 %s a byte-order mark", async (_label, bom) => {
    const text = "이름;메모\n김영희;회령 구금시설\n";
    const bytes = Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text)]);
    const { layout, rows } = await read(bytes);
    expect(layout).toMatchObject({
      encoding: "utf-8",
      lineEnding: "lf",
      delimiter: ";",
      encodingCertain: true,
    });
    expect(rows).toEqual([
      { line: 1, cells: ["이름", "메모"] },
      { line: 2, cells: ["김영희", "회령 구금시설"] },
    ]);
  });

  it("quoted fields keep their line breaks and doubled quotes; lines are counted as in the file", async () => {
    const text = [
      "text,note",
      '"First line\nsecond line\r\nthird line","He said ""stop"", then left"',
      "plain,row",
      "",
      '"a, with comma",last',
      "",
    ].join("\r\n");
    const { layout, rows } = await read(Buffer.from(text));
    expect(layout.lineEnding).toBe("crlf");
    expect(rows.filter((r) => r.cells.some((c) => c !== ""))).toEqual([
      { line: 1, cells: ["text", "note"] },
      { line: 2, cells: ["First line\nsecond line\r\nthird line", 'He said "stop", then left'] },
      { line: 5, cells: ["plain", "row"] },
      { line: 7, cells: ["a, with comma", "last"] },
    ]);
  });

  it("a quote never closed is an error naming the line where its record starts", async () => {
    const text = 'a,b\nok,1\n"never closed,2\nmore,3\n';
    await expect(read(Buffer.from(text))).rejects.toEqual(new TableError("imports.unclosed_quote", 3));
  });

  it("an XLSX workbook is read from its first sheet: text, numbers, dates, formulas by their result", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Recommendations");
    sheet.addRow(["text", "issuedOn", "paragraph", "total"]);
    sheet.addRow([
      "국경 지역의 구금시설을 폐쇄할 것",
      new Date(Date.UTC(2017, 9, 4)),
      74,
      { formula: "1+2", result: 3 },
    ]);
    sheet.addRow([]);
    sheet.addRow([
      { richText: [{ text: "Café " }, { text: "“Müller”", font: { bold: true } }] },
      "2018-03-01",
      "12 (a)",
      null,
    ]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const { layout, rows } = await read(bytes);
    expect(layout).toMatchObject({ format: "xlsx", encoding: null, lineEnding: null });
    expect(rows.filter((r) => r.cells.length)).toEqual([
      { line: 1, cells: ["text", "issuedOn", "paragraph", "total"] },
      { line: 2, cells: ["국경 지역의 구금시설을 폐쇄할 것", "2017-10-04", "74", "3"] },
      { line: 4, cells: ["Café “Müller”", "2018-03-01", "12 (a)"] },
    ]);
  });

  it("an old binary .xls workbook is refused as unsupported", () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(() => describeTable(xls)).toThrow(new TableError("imports.unsupported_format", null));
  });
});
