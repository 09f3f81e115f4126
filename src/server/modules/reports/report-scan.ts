/**
 * Finding a person in a report's text without ever returning what was found: values are normalised and looked up
 * in sets built in memory, so a text is read once whatever the number of persons, and only "who" and "what kind"
 * come out, never the matching words.
 */

export type IdentityKind = "legal_name" | "alias" | "id_number" | "contact" | "address" | "code";

export interface ScanEntry {
  personId: string;
  kind: IdentityKind;
  value: string;
}

export interface ScanHit {
  personId: string;
  kind: IdentityKind;
}

const cjk = /[\p{Script=Hangul}\p{Script=Han}]+/gu;
const edge = /^[^\p{L}\p{N}@+]+|[^\p{L}\p{N}]+$/gu;
const digitRun = /\d[\d\s+\-()./]{4,}\d/g;
const numberLike = /^[\d\s+\-()./#]+$/;

const normalise = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
const tokensOf = (s: string) =>
  normalise(s)
    .split(" ")
    .map((t) => t.replace(edge, ""))
    .filter(Boolean);
/** A token without what Korean or English glue to a name: particles (`W-2017-014는`), a possessive. */
const bare = (t: string) =>
  t
    .replace(/\p{Script=Hangul}+$/u, "")
    .replace(/['’]s$/u, "")
    .replace(edge, "");

/**
 * A matcher over identifying values (and pseudonymous codes). Values too short to mean anything are left out:
 * one Latin word under three letters, one Korean syllable, numbers under six digits.
 * @example createMatcher([{ personId, kind: "legal_name", value: "Kim Chol-su" }]).find("… Kim Chol-su said …")
 */
export function createMatcher(entries: ScanEntry[]) {
  const words = new Map<string, ScanHit[]>();
  const glued = new Map<string, ScanHit[]>();
  const digits = new Map<string, ScanHit[]>();
  const add = (map: Map<string, ScanHit[]>, key: string, hit: ScanHit) =>
    map.set(key, [...(map.get(key) ?? []), hit]);
  let maxWords = 1;
  let maxGlued = 0;
  const digitLengths = new Set<number>();
  for (const e of entries) {
    const hit = { personId: e.personId, kind: e.kind };
    const value = normalise(e.value);
    if (!value) continue;
    if (e.kind !== "code" && numberLike.test(value)) {
      const d = value.replace(/\D/g, "");
      if (d.length >= 6) {
        add(digits, d, hit);
        digitLengths.add(d.length);
      }
      continue;
    }
    const tokens = tokensOf(value);
    const joined = tokens.join(" ");
    if (!tokens.length) continue;
    if (tokens.length === 1 && /^[\p{Script=Hangul}\p{Script=Han}]+$/u.test(joined)) {
      if (joined.length >= 2) {
        add(glued, joined, hit);
        maxGlued = Math.max(maxGlued, joined.length);
      }
      continue;
    }
    if (tokens.length === 1 && joined.length < 3) continue;
    add(words, joined, hit);
    maxWords = Math.max(maxWords, Math.min(tokens.length, 16));
  }

  return {
    /** Who is named in the text and how; each person and kind once. */
    find(text: string): ScanHit[] {
      const found = new Map<string, ScanHit>();
      const take = (hits: ScanHit[] | undefined) => {
        for (const h of hits ?? []) found.set(`${h.personId}|${h.kind}`, h);
      };
      const tokens = tokensOf(text);
      for (let i = 0; i < tokens.length; i++) {
        const first = tokens[i] as string;
        take(words.get(bare(first)));
        let phrase = first;
        take(words.get(phrase));
        for (let n = 2; n <= maxWords && i + n <= tokens.length; n++) {
          phrase = `${phrase} ${tokens[i + n - 1]}`;
          take(words.get(phrase));
          take(words.get(`${phrase.slice(0, phrase.lastIndexOf(" "))} ${bare(tokens[i + n - 1] as string)}`));
        }
        if (maxGlued)
          for (const run of first.match(cjk) ?? [])
            for (let a = 0; a < run.length; a++)
              for (let b = a + 2; b <= Math.min(run.length, a + maxGlued); b++)
                take(glued.get(run.slice(a, b)));
      }
      if (digitLengths.size)
        for (const run of text.normalize("NFKC").match(digitRun) ?? []) {
          const d = run.replace(/\D/g, "");
          for (const len of digitLengths)
            for (let a = 0; a + len <= d.length; a++) take(digits.get(d.slice(a, a + len)));
        }
      return [...found.values()];
    },
  };
}
