import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client.js";
import type { ApiRecord, Page } from "../../api/types.js";
import { pickRepliesDue, pickUrgentCases, urgentPriorities } from "./home-lists.js";

// The list API filters on one value per field: each priority is asked for apart, ended cases dropped here.
const perPriority = 30;

/** The mandate's urgent and high-priority open cases, soonest next action first (at most 10). */
export const useUrgentCases = (mandateId: string | undefined) =>
  useQuery({
    queryKey: ["home", "urgent-cases", mandateId],
    enabled: Boolean(mandateId),
    queryFn: async () =>
      pickUrgentCases(
        await Promise.all(
          urgentPriorities.map(
            async (p) =>
              (
                await api.get<Page<ApiRecord>>(
                  `/cases?mandateId=${mandateId}&priority=${p}&sort=nextActionOn&order=asc&limit=${perPriority}`,
                )
              ).items,
          ),
        ),
      ),
  });

/** Sent communications awaiting the state's reply, the earliest deadline first (at most 10). */
export const useRepliesDue = (mandateId: string | undefined) =>
  useQuery({
    queryKey: ["home", "replies-due", mandateId],
    enabled: Boolean(mandateId),
    queryFn: async () =>
      pickRepliesDue(
        (
          await api.get<Page<ApiRecord>>(
            `/communications?mandateId=${mandateId}&status=sent&sort=replyDueOn&order=asc&limit=10`,
          )
        ).items,
      ),
  });
