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
  kind: "text" | "enum" | "int" | "number" | "bool" | "vocab" | "ref" | "date" | "stringList" | "country";
  required: boolean;
  filter: boolean;
  sort: boolean;
  immutable: boolean;
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
}

export interface Mandate {
  id: string;
  code: string;
  nameEn: string;
  nameKo: string | null;
  myRole: string | null;
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
