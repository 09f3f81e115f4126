import type { FacetValue, Term } from "../../api/types.js";
import type { FacetOption } from "./checkbox-facet.js";

/** A vocabulary term's label in the reader's language, falling back to English, then to the code. */
export const termLabel = (terms: Term[] | undefined, code: string, language: string) => {
  const term = terms?.find((t) => t.code === code);
  return term ? (term.labels[language] ?? term.labels.en ?? code) : code;
};

/**
 * Act types as a tree: each counted type under the nearest broader type that is counted too (the API counts
 * every broader type of a counted one, with `total` including the narrower ones), in the vocabulary's order.
 */
export function termTree(
  values: (FacetValue & { total?: number })[],
  terms: Term[] | undefined,
  language: string,
): FacetOption[] {
  const byCode = new Map((terms ?? []).map((t, i) => [t.code, { term: t, order: i }]));
  const nodes = new Map<string, FacetOption>(
    values.map((v) => [
      v.value,
      {
        value: v.value,
        label: termLabel(terms, v.value, language),
        code: v.value,
        count: v.total ?? v.count,
        children: [],
      },
    ]),
  );
  const orderOf = (code: string) => byCode.get(code)?.order ?? Number.MAX_SAFE_INTEGER;
  const codes = [...nodes.keys()].sort((a, b) => orderOf(a) - orderOf(b) || a.localeCompare(b));
  const roots: FacetOption[] = [];
  for (const code of codes) {
    const node = nodes.get(code);
    if (!node) continue;
    let parent = byCode.get(code)?.term.parentCode ?? null;
    while (parent && !nodes.has(parent)) parent = byCode.get(parent)?.term.parentCode ?? null;
    const into = parent ? nodes.get(parent)?.children : undefined;
    (into ?? roots).push(node);
  }
  return roots;
}

/** A flat vocabulary facet: labels in the reader's language, with codes. */
export const termOptions = (values: FacetValue[], terms: Term[] | undefined, language: string) =>
  values.map((v) => ({
    value: v.value,
    label: termLabel(terms, v.value, language),
    code: v.value,
    count: v.count,
  }));
