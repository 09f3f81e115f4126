/** Shapes of the staff API as the web client uses them (see /api/v1/openapi.json). */

export type Abilities = Record<
  "read" | "update" | "export" | "readIdentity" | "updateIdentity" | "restrict" | "viewAudit",
  boolean
>;

export interface ApiRecord {
  id: string;
  type: string;
  mandateId: string | null;
  confidentiality: string;
  restrictedTo: string[] | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  abilities: Abilities;
  [field: string]: unknown;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface FieldInfo {
  name: string;
  kind:
    | "text"
    | "enum"
    | "int"
    | "number"
    | "bool"
    | "vocab"
    | "ref"
    | "date"
    | "stringList"
    | "country"
    | "day";
  required: boolean;
  filter: boolean;
  sort: boolean;
  immutable: boolean;
  /** Set by the server only: shown, never sent. */
  readOnly?: boolean;
  values?: string[];
  list?: string;
  refTable?: string;
  min?: number;
  max?: number;
}

export interface RecordType {
  type: string;
  plural: string;
  defaultConfidentiality: string;
  quickSearch: boolean;
  fields: FieldInfo[];
}

export interface Session {
  user: { id: string; email: string; displayName: string; isAdmin: boolean; locale: string };
  memberships: { mandateId: string; role: string }[];
  csrfToken: string | null;
  /** The role requires a second factor and none is set up: only enrolment is open. */
  enrolmentRequired?: boolean;
}

export interface Mandate {
  id: string;
  code: string;
  nameEn: string;
  nameKo: string | null;
  myRole: string | null;
  /** What the signed-in user may do in the mandate, decided by the API's rule table. */
  abilities: {
    update: boolean;
    manageMembers: boolean;
    createRecords: boolean;
    export: boolean;
    restrict: boolean;
    viewAudit: boolean;
    /** Sends published press releases to the mailing list. */
    sendMailing: boolean;
    /** Sees the list's addresses, exports them and erases one on request. */
    manageSubscribers: boolean;
  };
}

export interface Term {
  list: string;
  code: string;
  parentCode: string | null;
  level: number;
  labels: Record<string, string>;
  retired: boolean;
}

export const confidentialityLevels = ["public", "internal", "confidential", "strictly_confidential"] as const;

/** Where a search hit matched: a piece of one field, with the ranges to mark (UTF-16 offsets into `text`). */
export interface SearchSnippet {
  field: string;
  text: string;
  marks: [number, number][];
  cutBefore: boolean;
  cutAfter: boolean;
}

export const searchRecordTypes = [
  "source",
  "event",
  "act",
  "person",
  "case",
  "communication",
  "report",
  "recommendation",
  "press_release",
] as const;
export type SearchRecordType = (typeof searchRecordTypes)[number];

export interface SearchHit {
  id: string;
  recordType: SearchRecordType;
  title: string;
  date: string | null;
  actType: string | null;
  placeId: string | null;
  confidentiality: string;
  snippet: SearchSnippet | null;
}

export interface FacetValue {
  value: string;
  count: number;
}

/** A province or county counted by a search, named in every language the gazetteer has. */
export interface PlaceFacetValue extends FacetValue {
  label: Record<string, string>;
}

export interface SearchFacets {
  recordType: FacetValue[];
  /** `count`: acts of exactly this type; `total`: with every narrower type (what a filter on it finds). */
  actType: (FacetValue & { total: number })[];
  province: PlaceFacetValue[];
  county: PlaceFacetValue[];
  year: FacetValue[];
  victimSex: FacetValue[];
  perpetratorType: FacetValue[];
  confidentiality: FacetValue[];
}

/** GET /search: one page of hits, the total, and facet counts over every match. */
export interface SearchResponse {
  total: number;
  items: SearchHit[];
  facets: SearchFacets;
}

export interface SavedSearch {
  id: string;
  mandateId: string;
  name: string;
  /** The query string of the search page (without `?`). */
  query: string;
  createdAt: string;
}

export const analyticsPeriods = ["month", "quarter", "year"] as const;
export type AnalyticsPeriod = (typeof analyticsPeriods)[number];

/** One line of GET /analytics/acts-over-time: a code, a place id, null (not recorded) or `~other` (the rest). */
export interface ActsSeries {
  key: string | null;
  /** Names of a place, by language (places only). */
  label?: Record<string, string>;
  total: number;
  /** One count per entry of the answer's `periods`. */
  counts: number[];
}

/** GET /analytics/acts-over-time: coded acts per period, split by one dimension, under the search's filters. */
export interface ActsOverTime {
  period: AnalyticsPeriod;
  by: "none" | "actType" | "province" | "county" | "victimSex" | "perpetratorType";
  /** Every period from the first to the last (2016, 2016-Q1, 2016-05), gaps included. */
  periods: string[];
  series: ActsSeries[];
  total: number;
  /** Acts whose date is not precise enough for the period. */
  undated: number;
}

/** One place of GET /analytics/top-places, with its number of matching acts. */
export interface TopPlace {
  placeId: string;
  level: string;
  label: Record<string, string>;
  latitude: number | null;
  longitude: number | null;
  count: number;
}
