import { type Phrase, tokenize } from "./search-tokens.js";

/** A piece of a field's text around the first match, with the matched ranges to mark (offsets into `text`). */
export interface Snippet {
  field: string;
  text: string;
  marks: [number, number][];
  cutBefore: boolean;
  cutAfter: boolean;
}

const lead = 60;

/** Where the phrases occur in a text, found with the tokenisation the index uses, so marks match what matched. */
export function matchRanges(text: string, phrases: readonly Phrase[]): [number, number][] {
  const tokens = tokenize(text);
  const ranges: [number, number][] = [];
  for (const p of phrases) {
    const n = p.terms.length;
    for (let i = 0; i + n <= tokens.length; i++) {
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        const term = tokens[i + k]?.term ?? "";
        const want = p.terms[k] ?? "";
        ok = p.prefix && k === n - 1 ? term.startsWith(want) : term === want;
      }
      if (ok) ranges.push([tokens[i]?.start ?? 0, tokens[i + n - 1]?.end ?? 0]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** The snippet of the first field that matches; with no phrases, the start of the first non-empty field. */
export function snippetOf(
  fields: [string, string | null | undefined][],
  phrases: readonly Phrase[],
  width = 220,
): Snippet | null {
  for (const [field, value] of fields) {
    if (!value) continue;
    const ranges = phrases.length ? matchRanges(value, phrases) : [];
    if (phrases.length && !ranges.length) continue;
    const first = ranges[0]?.[0] ?? 0;
    let start = Math.max(0, first - lead);
    if (start > 0 && /[\uDC00-\uDFFF]/.test(value[start] ?? "")) start--;
    let end = Math.min(value.length, start + width);
    if (end < value.length && /[\uDC00-\uDFFF]/.test(value[end] ?? "")) end++;
    const marks = ranges
      .filter(([a, b]) => a < end && b > start)
      .map(([a, b]) => [Math.max(a, start) - start, Math.min(b, end) - start] as [number, number]);
    return {
      field,
      text: value.slice(start, end),
      marks,
      cutBefore: start > 0,
      cutAfter: end < value.length,
    };
  }
  return null;
}
