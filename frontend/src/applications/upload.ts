/**
 * A document's way to S3: its SHA-256 computed in the browser (the API makes S3 hold the upload to
 * it), a presigned PUT with progress (fetch cannot report upload progress; XMLHttpRequest can),
 * then the API's confirmation, which checks size and hash against what was declared.
 */
import type { ApiClient } from "../api/client";
import { ApiError } from "../api/errors";
import type { ApplicationDocument } from "./types";

export interface PresignedUpload {
  url: string;
  method: string;
  headers: Record<string, string>;
  expires_at: string;
}

export const ALLOWED_CONTENT_TYPES = [
  "application/pdf", "image/jpeg", "image/png", "image/tiff", "application/ofd", "application/zip", "text/plain",
] as const;
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export function hex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");
}

export async function sha256Hex(data: Blob): Promise<string> {
  return hex(await crypto.subtle.digest("SHA-256", await data.arrayBuffer()));
}

/** Why a file cannot go up, before anything is sent; null when it can. */
export function uploadProblem(file: { size: number; type: string }): "empty" | "tooLarge" | "type" | null {
  if (file.size <= 0) return "empty";
  if (file.size > MAX_DOCUMENT_BYTES) return "tooLarge";
  if (!(ALLOWED_CONTENT_TYPES as readonly string[]).includes(file.type)) return "type";
  return null;
}

/** PUT the file to the presigned URL with exactly the headers it was signed with. */
export function putWithProgress(upload: PresignedUpload, file: Blob, onProgress: (percent: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(upload.method, upload.url);
    for (const [name, value] of Object.entries(upload.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.floor((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve();
      } else {
        reject(new ApiError(xhr.status, "origination.document.upload_failed", `storage answered ${xhr.status}`));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, "network", "network error"));
    xhr.send(file);
  });
}

/** Request, upload and confirm one document; returns it confirmed. */
export async function uploadDocument(
  api: ApiClient,
  applicationId: string,
  type: string,
  file: File,
  onProgress: (percent: number) => void,
): Promise<ApplicationDocument> {
  const base = `/v1/applications/${encodeURIComponent(applicationId)}/documents`;
  const requested = await api.post<{ document: ApplicationDocument; upload: PresignedUpload }>(base, {
    type,
    file_name: file.name,
    content_type: file.type,
    size: file.size,
    sha256: await sha256Hex(file),
  });
  await putWithProgress(requested.upload, file, onProgress);
  return api.post<ApplicationDocument>(`${base}/${encodeURIComponent(requested.document.id)}/confirm`, undefined);
}
