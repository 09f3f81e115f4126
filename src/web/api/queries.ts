import { useQuery } from "@tanstack/react-query";
import { ApiError, api, setCsrfToken } from "./client.js";
import type { Mandate, RecordType, Session, Term } from "./types.js";

/** The signed-in session, or null when nobody is signed in. */
export function useSession() {
  return useQuery({
    queryKey: ["session"],
    queryFn: async () => {
      try {
        const s = await api.get<Session>("/auth/session");
        setCsrfToken(s.csrfToken);
        return s;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

export const useRecordTypes = () =>
  useQuery({
    queryKey: ["record-types"],
    queryFn: async () => (await api.get<{ items: RecordType[] }>("/record-types")).items,
    staleTime: Number.POSITIVE_INFINITY,
  });

export const useMandates = () =>
  useQuery({
    queryKey: ["mandates"],
    queryFn: async () => (await api.get<{ items: Mandate[] }>("/mandates")).items,
    staleTime: 300_000,
  });

/** Terms of a vocabulary list, in tree order, cached for the session. */
export const useTerms = (list: string | undefined) =>
  useQuery({
    queryKey: ["terms", list],
    enabled: Boolean(list),
    queryFn: async () =>
      (await api.get<{ items: Term[] }>(`/vocabularies/${list}/terms?includeRetired=true`)).items,
    staleTime: Number.POSITIVE_INFINITY,
  });
