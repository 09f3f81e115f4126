import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReportBody, StatisticQuery } from "../../../shared/report-body.js";
import { api } from "../../api/client.js";
import type { Abilities } from "../../api/types.js";

export type {
  ParagraphBlock,
  QuotationBlock,
  ReportBody,
  ReportBodyBlock,
  ReportSection,
  StatisticBlock,
  StatisticQuery,
} from "../../../shared/report-body.js";

export type ReportAction = "submit" | "return" | "finalise" | "reopen" | "publish";

export interface QuotationView {
  readable: boolean;
  text: string | null;
  changed: boolean;
  source: {
    id: string;
    title: string;
    consentScope: string;
    confidentiality: string;
    reprisalRisk: string;
  } | null;
}

/** GET /reports/:id/content */
export interface ReportContent {
  reportId: string;
  version: number;
  status: string;
  language: string;
  symbol: string | null;
  editable: boolean;
  abilities: Abilities;
  actions: ReportAction[];
  body: ReportBody;
  numbers: {
    paragraphs: Record<string, number>;
    footnotes: Record<string, number>;
    recommendationsStart: number;
  };
  quotations: Record<string, QuotationView>;
  refreshedBy: Record<string, string>;
  recommendations: {
    id: string;
    addresseeKind: string;
    addresseeCountry: string | null;
    addresseeName: string | null;
    text: string;
    paragraph: string | null;
  }[];
}

export interface ReportVersion {
  id: string;
  number: number;
  kind: "manual" | "finalised" | "restored";
  label: string | null;
  restoredFrom: number | null;
  status: string;
  createdAt: string;
  createdBy: string | null;
}

export interface DiffEntry {
  change: "added" | "removed" | "changed";
  part: string;
  id: string | null;
  numberBefore: number | null;
  numberAfter: number | null;
  before: string | null;
  after: string | null;
}

export interface PublicationProblem {
  key: string;
  rule: string;
  part: string | null;
  blockId: string | null;
  paragraph: number | null;
  personCode: string | null;
  identityKind: string | null;
  sourceId: string | null;
  recommendationId: string | null;
  count: number | null;
  link: string;
  override: { reason: string; by: string | null; at: string } | null;
}

export interface PublicationCheck {
  reportId: string;
  checkedAt: string;
  problems: PublicationProblem[];
  blocking: number;
  canOverride: boolean;
}

export const contentKey = (id: string) => ["report-content", id];

export const useReportContent = (id: string) =>
  useQuery({ queryKey: contentKey(id), queryFn: () => api.get<ReportContent>(`/reports/${id}/content`) });

export const useReportVersions = (id: string) =>
  useQuery({
    queryKey: ["report-versions", id],
    queryFn: async () => (await api.get<{ items: ReportVersion[] }>(`/reports/${id}/versions`)).items,
  });

/** After a change to the report, what shows it again: its content, record, history and versions. */
export function useReportRefresh(id: string) {
  const queryClient = useQueryClient();
  return async (content?: ReportContent) => {
    if (content) queryClient.setQueryData(contentKey(id), content);
    else await queryClient.invalidateQueries({ queryKey: contentKey(id) });
    await queryClient.invalidateQueries({ queryKey: ["record", "reports", id] });
    await queryClient.invalidateQueries({ queryKey: ["report-versions", id] });
    await queryClient.invalidateQueries({ queryKey: ["history", id] });
  };
}

/** A short id for a new block of the body. */
export const newId = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export const emptyQuery = (): StatisticQuery => ({
  actType: [],
  place: [],
  victimSex: [],
  perpetratorType: [],
  dateFrom: null,
  dateTo: null,
  period: "year",
  by: "none",
});
