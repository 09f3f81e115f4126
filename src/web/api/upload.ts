import i18next from "i18next";
import { ApiError, type FieldProblem, getCsrfToken } from "./client.js";

/**
 * Sends one file as the raw body of a POST, reporting upload progress (fetch cannot), with the session's CSRF token
 * and the user's language; resolves to the JSON the server answers with `okStatus`, rejects with an ApiError.
 */
export function uploadWithProgress<T>(
  url: string,
  file: File,
  okStatus: number,
  onProgress: (loaded: number, total: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.setRequestHeader("content-type", file.type || "application/octet-stream");
    xhr.setRequestHeader("accept-language", i18next.language || "en");
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader("x-csrf-token", csrf);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      if (xhr.status === okStatus && xhr.response) {
        onProgress(file.size, file.size);
        resolve(xhr.response as T);
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
