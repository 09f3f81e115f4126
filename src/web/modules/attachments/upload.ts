import type { ApiRecord } from "../../api/types.js";
import { uploadWithProgress } from "../../api/upload.js";

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
  const query = new URLSearchParams({
    mandateId: target.mandateId,
    filename: file.name,
    sourceId: target.sourceId,
    confidentiality: target.confidentiality,
  });
  return uploadWithProgress<ApiRecord>(`/api/v1/attachments?${query.toString()}`, file, 201, onProgress);
}
