/** One run of a snippet's text, marked where the search matched. */
export interface TextPart {
  text: string;
  marked: boolean;
}

/**
 * Splits a text at the marked ranges the API gives (UTF-16 offsets), so the page can wrap matches in `<mark>`
 * without ever treating the text as HTML. Ranges out of bounds are clipped; overlapping ones are merged.
 * @example splitMarks("강제송환 경험", [[2, 4]]) // → 강제 | <송환> | " 경험"
 */
export function splitMarks(text: string, marks: readonly (readonly [number, number])[]): TextPart[] {
  const ranges = marks
    .map(([a, b]) => [Math.max(0, Math.min(a, text.length)), Math.max(0, Math.min(b, text.length))] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const parts: TextPart[] = [];
  let at = 0;
  for (const [a, b] of ranges) {
    const start = Math.max(a, at);
    if (b <= start) continue;
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    parts.push({ text: text.slice(start, b), marked: true });
    at = b;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}
