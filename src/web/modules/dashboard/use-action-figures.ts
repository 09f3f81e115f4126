import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client.js";

/** Cases the reader may read, counted by status and by priority. */
export interface CaseFigures {
  total: number;
  byStatus: Record<string, number>;
  byPriority: Record<string, number>;
}

/** One addressee of a year's communications: a state (alpha-3) or `OTH` for every non-state addressee. */
export interface AddresseeFigures {
  code: string;
  kind: string;
  count: number;
  replied: number;
  victims: number;
}

/** The facts and figures of a year's sent communications, as annual reports give them. */
export interface CommunicationFigures {
  year: number;
  /** The years with sent communications, newest first. */
  years: number[];
  total: number;
  joint: number;
  byType: Record<string, number>;
  byAddressee: AddresseeFigures[];
  states: number;
  allegedVictims: number;
  replied: number;
  /** Percent of the year's communications with a reply; null when none was sent. */
  replyRate: number | null;
}

/** The statuses of a case, in the order a case moves through them. */
export const caseStatuses = [
  "open",
  "at_risk",
  "detained",
  "transferred",
  "repatriated",
  "released",
  "disappeared",
  "died",
  "resolved",
];

export const useCaseFigures = (mandateId: string) =>
  useQuery({
    queryKey: ["figures", "cases", mandateId],
    queryFn: () => api.get<CaseFigures>(`/cases/statistics?mandateId=${mandateId}`),
  });

/** A year's figures; without a year, the latest year with a sent communication. */
export const useCommunicationFigures = (mandateId: string, year: number | null) =>
  useQuery({
    queryKey: ["figures", "communications", mandateId, year],
    queryFn: () =>
      api.get<CommunicationFigures>(
        `/communications/statistics?mandateId=${mandateId}${year ? `&year=${year}` : ""}`,
      ),
    placeholderData: keepPreviousData,
  });
