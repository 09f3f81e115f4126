import type { Confidentiality } from "../platform/access/access.policies.js";
import type { ActKind } from "./demo-vocab.js";

export type PartialDate = { value: string; precision: "day" | "month" | "year" | "approximate" };
export type EventKind = "return" | "holding" | "labour" | "trafficking" | "family" | "case";

/** One act to write: who suffered what, when and where; perpetrators are derived from its kind. */
export interface ActPlan {
  kind: ActKind;
  victimId: string | null;
  actDate: PartialDate;
  placeCode: string;
  consequences?: string;
  victimStatusAfter?: string;
  detentionType?: string;
  whereabouts?: string;
  confidentiality?: Confidentiality;
}

/** One event to write, with its acts. */
export interface EventPlan {
  kind: EventKind;
  title: string;
  description: string;
  startDate: PartialDate;
  endDate?: PartialDate;
  placeCode: string;
  violationStatus: string;
  confidentiality: Confidentiality;
  acts: ActPlan[];
}

/** What was written for one event, for the information links that cite it. */
export interface WrittenEvent {
  id: string;
  kind: EventKind;
  confidentiality: Confidentiality;
  start: string;
  county: string;
  acts: { id: string; victimId: string | null; kind: ActKind; confidentiality: Confidentiality }[];
}

const levels: Confidentiality[] = ["public", "internal", "confidential", "strictly_confidential"];

/** The stricter of two levels: an act is never more open than what it tells. */
export const stricter = (a: Confidentiality, b: Confidentiality): Confidentiality =>
  levels.indexOf(a) >= levels.indexOf(b) ? a : b;
