import { textWidth } from "./chart-data.js";

/** The colours of a chart's words and lines: text at 8.9:1 on white, grid lines that stay in the background. */
export const ink = "#1b1b1b";
export const muted = "#4a4a4a";
export const gridLine = "#d9d9d9";

/** A label cut to fit `width` at `fontSize`, with an ellipsis. */
export function fitText(text: string, width: number, fontSize: number) {
  if (textWidth(text, fontSize) <= width) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join("")}…`, fontSize) > width) chars.pop();
  return `${chars.join("")}…`;
}
