import type { RecordColumns } from "./schema.types.js";

export interface RecommendationsTable extends RecordColumns {
  source_body: string;
  report_id: string | null;
  paragraph: string | null;
  addressee_kind: string;
  addressee_country: string | null;
  addressee_name: string | null;
  theme: string | null;
  text: string;
  recommending_state: string | null;
  response: string | null;
  session: string | null;
  issued_on: string | null;
  status: string;
  status_on: string | null;
}

export interface RecommendationFollowUpsTable extends RecordColumns {
  recommendation_id: string;
  status: string;
  assessed_on: string;
  evidence: string | null;
  links: string;
}

/** Tables of the recommendations registry (migration 0006-recommendations). */
export interface RecommendationTables {
  recommendations: RecommendationsTable;
  recommendation_follow_ups: RecommendationFollowUpsTable;
}
