import i18next from "i18next";
import { ApiError, type FieldProblem, getCsrfToken } from "../../api/client.js";
import type { ApiRecord } from "../../api/types.js";

/** Where an uploaded file goes: a mandate, the source it belongs to, and the level it is stored at. */
export interface UploadTarget {
  mandateId: string;
  sourceId: string;
  confidentiality: string;
}

/** The SHA-256 of a file as lowercase hex, computed in the browser; null where Web Crypto is unavailable (plain HTTP). */
export async function sha256Hex(file: Blob): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = await subtle.digest("SHA-256", await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Sends one file as the raw body of `POST /attachments`, reporting upload progress (fetch cannot), with the
 * session's CSRF token and the user's language; resolves to the attachment record the server made.
 */
export function uploadFile(
  file: File,
  target: UploadTarget,
  onProgress: (loaded: number, total: number) => void,
): Promise<ApiRecord> {
  return new Promise((resolve, reject) => {
    const query = new URLSearchParams({
      mandateId: target.mandateId,
      filename: file.name,
      sourceId: target.sourceId,
      confidentiality: target.confidentiality,
    });
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/attachments?${query.toString()}`);
    xhr.responseType = "json";
    xhr.setRequestHeader("content-type", file.type || "application/octet-stream");
    xhr.setRequestHeader("accept-language", i18next.language || "en");
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader("x-csrf-token", csrf);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      if (xhr.status === 201 && xhr.response) {
        onProgress(file.size, file.size);
        resolve(xhr.response as ApiRecord);
        return;
      }
      const e = (
        xhr.response as {
          error?: { code: string; message: string; fields?: Record<string, FieldProblem> };
        } | null
      )?.error;
      reject(
        new ApiError(
          xhr.status,
          e?.code ?? (xhr.status === 413 ? "request.too_large" : "internal"),
          e?.message ?? i18next.t("app.error"),
          e?.fields ?? {},
        ),
      );
    };
    // The server may answer a too-large body early and close the connection: the browser then reports only an error.
    xhr.onerror = () => reject(new ApiError(0, "network", i18next.t("app.error")));
    xhr.onabort = () => reject(new ApiError(0, "aborted", i18next.t("app.error")));
    xhr.send(file);
  });
}
