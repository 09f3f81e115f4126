import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ApiError, api } from "../../api/client.js";
import type { ActsOverTime, AnalyticsPeriod, TopPlace } from "../../api/types.js";

// A refused filter (a malformed date) is answered the same way every time: asking again only delays the message.
const retryUnlessRefused = (failures: number, error: Error) =>
  !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 1;

/**
 * Coded acts per period, split by one dimension, for the analytics query of the address (see `actsQuery`).
 * Act types are rolled up to the top of their tree, so a chart has a few broad types rather than dozens.
 */
export function useActsOverTime(
  query: URLSearchParams | null,
  period: AnalyticsPeriod,
  by: ActsOverTime["by"],
) {
  const q = query ? new URLSearchParams(query) : null;
  q?.set("period", period);
  q?.set("by", by);
  if (by === "actType") q?.set("actTypeLevel", "0");
  const text = q?.toString() ?? "";
  return useQuery({
    queryKey: ["analytics", "acts-over-time", text],
    enabled: q !== null,
    queryFn: () => api.get<ActsOverTime>(`/analytics/acts-over-time?${text}`),
    placeholderData: keepPreviousData,
    retry: retryUnlessRefused,
  });
}

/** The places (provinces or counties) with the most matching acts, with their coordinates. */
export function useTopPlaces(query: URLSearchParams | null, level: "province" | "county", limit: number) {
  const q = query ? new URLSearchParams(query) : null;
  q?.set("level", level);
  q?.set("limit", String(limit));
  const text = q?.toString() ?? "";
  return useQuery({
    queryKey: ["analytics", "top-places", text],
    enabled: q !== null,
    queryFn: async () => (await api.get<{ items: TopPlace[] }>(`/analytics/top-places?${text}`)).items,
    placeholderData: keepPreviousData,
    retry: retryUnlessRefused,
  });
}

/** A place's name in the reader's language, falling back to English. */
export const placeLabel = (label: Record<string, string>, language: string) =>
  label[language] ?? label.en ?? Object.values(label)[0] ?? "";

/** The API's refusal of a filter (a malformed date) worded for the reader: its message and each field's problem. */
export const refusal = (error: Error) =>
  [
    error.message,
    ...(error instanceof ApiError ? Object.values(error.fields).map((f) => f.message) : []),
  ].join(" ");
