import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client.js";

/** A mailing of a press release with its progress (GET /mailings/:id); never a recipient. */
export interface Mailing {
  id: string;
  mandateId: string;
  pressReleaseId: string;
  status: "sending" | "done" | "withdrawn";
  createdAt: string;
  createdBy: string | null;
  finishedAt: string | null;
  total: number;
  sent: number;
  failed: number;
  skipped: number;
  pending: number;
}

export interface Delivery {
  id: string;
  status: "pending" | "sending" | "sent" | "failed" | "skipped";
  language: string;
  attempts: number;
  sentAt: string | null;
  error: string | null;
  /** For the mandate holder and officers only. */
  recipient: string | null;
  recipientLeft: boolean;
}

export interface DeliveriesPage {
  items: Delivery[];
  recipientsShown: boolean;
  nextCursor: string | null;
}

export interface Subscriber {
  id: string;
  email: string;
  language: "en" | "ko";
  topics: string[];
  status: "pending" | "confirmed";
  createdAt: string;
  confirmedAt: string | null;
}

export interface SubscriberList {
  counts: {
    total: number;
    confirmed: number;
    pending: number;
    byLanguage: { en: number; ko: number };
  };
  /** Null for members who may not see addresses. */
  items: Subscriber[] | null;
  nextCursor: string | null;
}

const whileSending = (items: Mailing[] | undefined) =>
  items?.some((m) => m.status === "sending") ? 2000 : false;

/** The mailings of a press release, refreshed every two seconds while one is going out. */
export const useMailings = (pressReleaseId: string) =>
  useQuery({
    queryKey: ["mailings", pressReleaseId],
    queryFn: async () =>
      (await api.get<{ items: Mailing[] }>(`/mailings?pressReleaseId=${encodeURIComponent(pressReleaseId)}`))
        .items,
    refetchInterval: (q) => whileSending(q.state.data),
  });

/** A page of a mailing's delivery log, refreshed with its progress while it goes out. */
export const useDeliveries = (mailing: Mailing | undefined, cursor: string | null) =>
  useQuery({
    queryKey: ["mailing-deliveries", mailing?.id, cursor],
    enabled: mailing !== undefined,
    queryFn: () =>
      api.get<DeliveriesPage>(
        `/mailings/${mailing?.id}/deliveries?limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      ),
    refetchInterval: mailing?.status === "sending" ? 2000 : false,
  });

/** The mandate's list: counts, and the subscribers for those who may see them. */
export const useSubscribers = (mandateId: string | undefined, cursor: string | null) =>
  useQuery({
    queryKey: ["subscribers", mandateId, cursor],
    enabled: mandateId !== undefined,
    queryFn: () =>
      api.get<SubscriberList>(
        `/subscribers?mandateId=${encodeURIComponent(mandateId ?? "")}&limit=50${
          cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""
        }`,
      ),
  });
