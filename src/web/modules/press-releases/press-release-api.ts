import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  isTextLocked,
  type PressReleaseStatus,
  type PressReleaseTransition,
} from "../../../shared/press-releases.js";
import { api } from "../../api/client.js";
import type { ApiRecord } from "../../api/types.js";
import { uploadWithProgress } from "../../api/upload.js";

/** The words of a release the editor changes, per field of the API. */
export const textFieldNames = [
  "location",
  "slug",
  "titleEn",
  "summaryEn",
  "bodyEn",
  "titleKo",
  "summaryKo",
  "bodyKo",
] as const;
export type TextFieldName = (typeof textFieldNames)[number];

/** What the editor holds: the texts as typed, the level and the restriction. */
export type EditorValues = Record<TextFieldName, string> & {
  confidentiality: string;
  restrictedTo: string[] | null;
};

/** A press release as the staff API returns it. */
export interface PressRelease extends ApiRecord {
  status: PressReleaseStatus;
  slug: string;
  location: string | null;
  titleEn: string | null;
  titleKo: string | null;
  summaryEn: string | null;
  summaryKo: string | null;
  bodyEn: string | null;
  bodyKo: string | null;
  publishAt: string | null;
  publishedAt: string | null;
}

/** Whether the release's text is fixed in its status (the API refuses changes to it then). */
export const isLocked = (r: PressRelease) => isTextLocked(r.status);

/** The title in the reader's language, else in the other one, with the language it is in. */
export function titleOf(r: PressRelease, language: string): { text: string; lang: "en" | "ko" } | null {
  const ko = r.titleKo ? { text: r.titleKo, lang: "ko" as const } : null;
  const en = r.titleEn ? { text: r.titleEn, lang: "en" as const } : null;
  return language === "ko" ? (ko ?? en) : (en ?? ko);
}

export const pressReleaseKey = (id: string | undefined) => ["record", "press-releases", id];

/** One press release, shared by the editor, the lifecycle panel and the preview. */
export const usePressRelease = (id: string | undefined) =>
  useQuery({
    queryKey: pressReleaseKey(id),
    enabled: Boolean(id),
    queryFn: () => api.get<PressRelease>(`/press-releases/${id}`),
    retry: false,
  });

/** The lifecycle moves the API says the reader may make now. */
export const usePressReleaseActions = (id: string) =>
  useQuery({
    queryKey: ["press-release-actions", id],
    queryFn: async () =>
      (await api.get<{ actions: PressReleaseTransition[] }>(`/press-releases/${id}/actions`)).actions,
  });

/** After a change: the record as the API answered, and everything that depends on it read again. */
export function useRefreshPressRelease() {
  const queryClient = useQueryClient();
  return async (updated: PressRelease) => {
    queryClient.setQueryData(pressReleaseKey(updated.id), updated);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ["list", "press-releases"] }),
      queryClient.invalidateQueries({ queryKey: ["press-release-actions", updated.id] }),
      queryClient.invalidateQueries({ queryKey: ["history", updated.id] }),
    ]);
  };
}

/** An image of a press release, as the API answers its upload. */
export interface PressReleaseImage {
  id: string;
  markdown: string;
  url: string;
  filename: string;
  mimeType: string;
  size: number;
}

/** Sends one image to a release (a draft or in review), reporting progress; rejects with an ApiError. */
export const uploadImage = (
  releaseId: string,
  file: File,
  onProgress: (loaded: number, total: number) => void,
) =>
  uploadWithProgress<PressReleaseImage>(
    `/api/v1/press-releases/${encodeURIComponent(releaseId)}/images?${new URLSearchParams({ filename: file.name })}`,
    file,
    201,
    onProgress,
  );
