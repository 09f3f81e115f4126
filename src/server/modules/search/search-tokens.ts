import { stemmer } from "stemmer";

/**
 * The one tokenisation of the search, used to index and to query on both SQLite and PostgreSQL.
 *
 * Korean writes particles and compounds without spaces (`구금시설에서`), so runs of Hangul, Han and kana are
 * indexed as overlapping character bigrams (`구금 금시 시설 설에 에서`, as Lucene's CJK bigram filter does) and
 * a query's run is searched as the phrase of its bigrams: `구금` and `강제송환` find `구금시설에서` and
 * `강제송환된`. Other words are lowercased, stripped of diacritics and stemmed (Porter), so `detain` finds
 * `detained`.
 */

export interface Token {
  term: string;
  /** Character offsets in the text, for highlighting. */
  start: number;
  end: number;
}

const cjk = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const runs = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+|[\p{L}\p{N}\p{M}]+/gu;
const marks = /\p{M}/gu;
const latin = /^[a-z]+$/;

/** The longest word kept; longer runs (hashes, base64) are cut so no term blows up the index. */
const maxWord = 40;

/** Words recur (a corpus of 50,000 records has a few thousand distinct ones): each is normalised once. */
const normalised = new Map<string, string>();
const maxRemembered = 100_000;

function normaliseWord(word: string): string {
  const known = normalised.get(word);
  if (known !== undefined) return known;
  const plain = word.normalize("NFD").replace(marks, "").toLowerCase().slice(0, maxWord);
  const term = latin.test(plain) ? stemmer(plain) : plain;
  if (normalised.size >= maxRemembered) normalised.clear();
  normalised.set(word, term);
  return term;
}

/** The tokens of a text, in order, with their offsets. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const source = text.normalize("NFC");
  for (const m of source.matchAll(runs)) {
    const run = m[0];
    const at = m.index ?? 0;
    if (cjk.test(run[0] ?? "")) {
      const chars = [...run];
      if (chars.length === 1) {
        out.push({ term: run, start: at, end: at + run.length });
        continue;
      }
      let offset = at;
      for (let i = 0; i + 1 < chars.length; i++) {
        const a = chars[i] ?? "";
        const b = chars[i + 1] ?? "";
        out.push({ term: a + b, start: offset, end: offset + a.length + b.length });
        offset += a.length;
      }
    } else {
      const term = normaliseWord(run);
      if (term) out.push({ term, start: at, end: at + run.length });
    }
  }
  return out;
}

/** A query part: tokens that must appear next to each other, in order; `prefix` matches terms that start with it. */
export interface Phrase {
  terms: string[];
  prefix: boolean;
}

/**
 * Turns what a user typed into phrases that must all match. Each run of Korean is one phrase of bigrams; a single
 * Korean or Chinese character matches bigrams that start with it; text in double quotes is one phrase.
 */
export function parseQuery(q: string): Phrase[] {
  const phrases: Phrase[] = [];
  const parts = q.normalize("NFC").split('"');
  parts.forEach((part, i) => {
    const quoted = i % 2 === 1 && i < parts.length - 1;
    if (quoted) {
      const terms = tokenize(part).map((t) => t.term);
      if (terms.length) phrases.push({ terms, prefix: false });
      return;
    }
    for (const m of part.matchAll(runs)) {
      const run = m[0];
      if (cjk.test(run[0] ?? "") && [...run].length === 1) {
        phrases.push({ terms: [run], prefix: true });
        continue;
      }
      const terms = tokenize(run).map((t) => t.term);
      if (terms.length) phrases.push({ terms, prefix: false });
    }
  });
  const seen = new Set<string>();
  return phrases
    .filter((p) => {
      const key = `${p.prefix ? "*" : ""}${p.terms.join(" ")}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, 16);
}

/** Tokens longer than this are indexed in overlapping chunks (PostgreSQL keeps positions only up to 16,383). */
export const chunkSize = 2000;
const chunkOverlap = 24;

/** Splits a document's terms into the chunks stored in the index; a phrase of up to 25 terms never falls between two. */
export function chunkTerms(terms: readonly string[]): string[][] {
  if (terms.length <= chunkSize) return [terms.slice()];
  const chunks: string[][] = [];
  for (let start = 0; start < terms.length; start += chunkSize - chunkOverlap) {
    chunks.push(terms.slice(start, start + chunkSize));
    if (start + chunkSize >= terms.length) break;
  }
  return chunks;
}
