/** Shapes of the administration endpoints as the staff application uses them. */

export const mandateRoles = ["mandate_holder", "officer", "analyst", "readonly"] as const;
export type MandateRole = (typeof mandateRoles)[number];

export interface Account {
  id: string;
  email: string;
  displayName: string;
  isAdmin: boolean;
  disabled: boolean;
  locale: string;
  /** Roles in the mandates the caller may see. */
  memberships: { mandateId: string; role: string }[];
}

export interface VocabList {
  name: string;
  number: number;
  labels: Record<string, string>;
}

export interface ImportResult {
  lists: number;
  added: number;
  updated: number;
}
