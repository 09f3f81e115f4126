/**
 * Colours of chart series: each has a contrast of at least 3:1 with the white background (WCAG 1.4.11), and each
 * series also gets its own fill pattern, so that no series is told from another by colour alone.
 */
export const seriesColours = [
  "#0b5cad",
  "#b34700",
  "#2e7d32",
  "#7b1fa2",
  "#a4161a",
  "#00695c",
  "#6d4c41",
  "#ad1457",
  "#3949ab",
  "#5f6a00",
  "#37474f",
] as const;

/** Neutral colours for the rest (`~other`) and for acts where the value is not recorded. */
export const otherColour = "#616161";
export const notRecordedColour = "#757575";

/** Patterns of the series in turn; the rest and "not recorded" have their own, not used by any other series. */
export const patterns = ["solid", "diagonal", "dots", "horizontal", "vertical"] as const;
export const otherPattern = "crosshatch";
export const notRecordedPattern = "backslash";
export type Pattern = (typeof patterns)[number] | typeof otherPattern | typeof notRecordedPattern;

/** Relative luminance of an sRGB colour `#rrggbb` (WCAG 2.1). */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/**
 * Contrast ratio of two colours, from 1 to 21.
 * @example contrast("#0b5cad", "#ffffff") // ≈ 6.6
 */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
