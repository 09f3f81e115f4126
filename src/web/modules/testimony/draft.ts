/** The testimony being recorded, kept on this device until every record of it is saved. */

/**
 * A record's fields as the API takes them, with its `confidentiality` (absent: the record type's default) and, for
 * the source and a new person, its `restrictedTo` list (null or absent: not restricted).
 */
export type Values = Record<string, unknown>;

export interface PerpetratorDraft {
  key: string;
  values: Values;
  /** Set once the involvement exists on the server, so a retry does not create it twice. */
  id?: string;
}

export interface ActDraft {
  key: string;
  /** The victim is the person interviewed unless another person is picked. */
  victimIsInterviewee: boolean;
  values: Values;
  reliability: string | null;
  perpetrators: PerpetratorDraft[];
  id?: string;
  linkId?: string;
}

export interface EventDraft {
  key: string;
  /** Its `confidentiality` is given to its acts and their perpetrators too. */
  values: Values;
  reliability: string | null;
  acts: ActDraft[];
  id?: string;
  linkId?: string;
}

export interface TestimonyDraft {
  source: Values;
  sourceId?: string;
  person: { mode: "existing" | "new"; existingId: string | null; values: Values; id?: string };
  events: EventDraft[];
}

export const draftKey = "rapporteur.testimony.draft";

const newKey = () => Math.random().toString(36).slice(2, 10);

export const emptyPerpetrator = (): PerpetratorDraft => ({ key: newKey(), values: {} });

export const emptyAct = (): ActDraft => ({
  key: newKey(),
  victimIsInterviewee: true,
  values: {},
  reliability: null,
  perpetrators: [],
});

export const emptyEvent = (): EventDraft => ({
  key: newKey(),
  values: {},
  reliability: null,
  acts: [emptyAct()],
});

export const emptyDraft = (): TestimonyDraft => ({
  source: { consentScope: "internal", reprisalRisk: "none" },
  person: { mode: "new", existingId: null, values: { kind: "individual" } },
  events: [emptyEvent()],
});

/** The draft kept on this device, or null when there is none (or it cannot be read). */
export function readDraft(): TestimonyDraft | null {
  try {
    const d = JSON.parse(localStorage.getItem(draftKey) ?? "null") as TestimonyDraft | null;
    return d && Array.isArray(d.events) && d.person && d.source ? d : null;
  } catch {
    return null;
  }
}

export function storeDraft(d: TestimonyDraft) {
  try {
    localStorage.setItem(draftKey, JSON.stringify(d));
  } catch {
    // Storage full or refused: the page still works, only the device copy is missing.
  }
}

export const clearDraft = () => localStorage.removeItem(draftKey);

/** The level chosen for a record of the testimony, or `fallback` (its type's default) when none was. */
export const levelOf = (values: Values, fallback: string) =>
  typeof values.confidentiality === "string" ? values.confidentiality : fallback;

/** The restricted-to list chosen for a record of the testimony; null when it is not restricted. */
export const restrictionOf = (values: Values) =>
  Array.isArray(values.restrictedTo) ? (values.restrictedTo as string[]) : null;

/** Scopes name where a field lives: "source", "person", "e0", "e0.a1", "e0.a1.p0". */
export const eventScope = (e: number) => `e${e}`;
export const actScope = (e: number, a: number) => `e${e}.a${a}`;
export const perpetratorScope = (e: number, a: number, p: number) => `e${e}.a${a}.p${p}`;
