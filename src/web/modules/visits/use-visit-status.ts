import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client.js";

/** One visit or mission in the status table. */
export interface StatusVisit {
  id: string;
  kind: string;
  startOn: string | null;
  endOn: string | null;
  status: string;
  reportSymbol: string | null;
}

/** One request to a state, or a visit made without one (a mission), as the status table gives it. */
export interface VisitStatusRow {
  requestId: string | null;
  country: string;
  countryName: { en: string; ko: string };
  firstRequestedOn: string | null;
  /** The days reminders were sent, oldest first. */
  reminders: string[];
  status: string;
  statusOn: string | null;
  visits: StatusVisit[];
}

/** The mandate's status of country visits. */
export const useVisitStatus = (mandateId: string | undefined) =>
  useQuery({
    queryKey: ["visit-status", mandateId],
    enabled: Boolean(mandateId),
    queryFn: () =>
      api.get<{ items: VisitStatusRow[] }>(`/visit-requests/status-table?mandateId=${mandateId}`),
  });

/** The address of the table as CSV, with its headings and statuses in `language` (English or Korean). */
export const statusCsvHref = (mandateId: string, language: string) =>
  `/api/v1/visit-requests/status-table.csv?mandateId=${encodeURIComponent(mandateId)}&lang=${
    language === "ko" ? "ko" : "en"
  }`;
