import { describe, expect, it } from "vitest";
import { buildCsv, csvCell } from "./csv.js";
import { contrast, notRecordedColour, otherColour, seriesColours } from "./palette.js";

describe("a chart's numbers as CSV", () => {
  it("starts with a byte order mark and ends lines with CRLF, so a spreadsheet reads Korean labels", () => {
    const csv = buildCsv(["도", "행위"], [["함경북도", 166]]);
    expect(csv).toBe("\uFEFF도,행위\r\n함경북도,166\r\n");
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("quotes commas, quotes and line breaks, and keeps a formula-looking label as text", () => {
    expect(csvCell("Detention, imprisonment")).toBe('"Detention, imprisonment"');
    expect(csvCell('the "camp"')).toBe('"the ""camp"""');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("-5")).toBe("'-5");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(null)).toBe("");
  });
});

describe("series colours", () => {
  it("each stands out from the white background at 3:1 at least (WCAG 1.4.11)", () => {
    for (const colour of [...seriesColours, otherColour, notRecordedColour])
      expect(contrast(colour, "#ffffff"), colour).toBeGreaterThanOrEqual(3);
  });

  it("are all different", () => {
    expect(new Set(seriesColours).size).toBe(seriesColours.length);
  });
});
