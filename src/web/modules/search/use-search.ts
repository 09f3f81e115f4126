import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client.js";
import type { SavedSearch, SearchFacets, SearchResponse } from "../../api/types.js";
import { apiQuery, type FacetGroup, isActive } from "./search-params.js";

/** A value that follows `value` once it has stopped changing for `ms` milliseconds. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

// A refused query (a malformed date) is answered the same way every time: asking again only delays the message.
const retryUnlessRefused = (failures: number, error: Error) =>
  !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 1;

/**
 * One page of results for the address. The previous page stays on screen while the next loads; the language is
 * part of the key because the API words its field errors in it.
 */
export function useSearchResults(params: URLSearchParams, mandateId: string | undefined) {
  const { i18n } = useTranslation();
  const query = mandateId ? apiQuery(params, mandateId).toString() : "";
  return useQuery({
    queryKey: ["search", query, i18n.language],
    enabled: Boolean(mandateId),
    queryFn: () => api.get<SearchResponse>(`/search?${query}`),
    placeholderData: keepPreviousData,
    retry: retryUnlessRefused,
  });
}

const groups: FacetGroup[] = [
  "recordType",
  "actType",
  "province",
  "county",
  "year",
  "victimSex",
  "perpetratorType",
  "confidentiality",
];

/**
 * The values to offer in each facet group. A group with a choice of its own is counted without that choice, so
 * its other values stay on offer (values within a group are alternatives); other groups use the main counts.
 */
export function useFacetOptions(
  params: URLSearchParams,
  mandateId: string | undefined,
  main: SearchFacets | undefined,
): Partial<SearchFacets> {
  const active = groups.filter((g) => isActive(params, g));
  const results = useQueries({
    queries: active.map((group) => {
      const query = mandateId ? apiQuery(params, mandateId, { omit: group, page: false }) : null;
      query?.set("limit", "1");
      return {
        queryKey: ["search-facet", group, query?.toString()],
        enabled: Boolean(query),
        queryFn: () => api.get<SearchResponse>(`/search?${query?.toString()}`),
        placeholderData: keepPreviousData,
        retry: false,
      };
    }),
  });
  const out: Partial<SearchFacets> = { ...main };
  active.forEach((group, i) => {
    const facets = results[i]?.data?.facets;
    // Every facet group is named as the API's facet it counts.
    if (facets) Object.assign(out, { [group]: facets[group] });
  });
  return out;
}

/** The signed-in user's saved searches in the mandate, with saving and deleting. */
export function useSavedSearches(mandateId: string | undefined) {
  const queryClient = useQueryClient();
  const key = ["saved-searches", mandateId];
  const list = useQuery({
    queryKey: key,
    enabled: Boolean(mandateId),
    queryFn: async () =>
      (await api.get<{ items: SavedSearch[] }>(`/saved-searches?mandateId=${mandateId}`)).items,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const save = useMutation({
    mutationFn: (input: { name: string; query: string }) =>
      api.post<SavedSearch>("/saved-searches", { mandateId, ...input }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (s: SavedSearch) => api.delete<void>(`/saved-searches/${s.id}`),
    onSuccess: refresh,
  });
  return { list, save, remove };
}
