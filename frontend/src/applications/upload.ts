/**
 * An application document's way to S3 (../api/upload.ts): declared with its SHA-256, PUT to the
 * presigned URL with progress, then confirmed by the API, which checks size and hash.
 */
import type { ApiClient } from "../api/client";
import { putPresigned, sha256Hex, type PresignedUpload } from "../api/upload";
import type { ApplicationDocument } from "./types";

export const ALLOWED_CONTENT_TYPES = [
  "application/pdf", "image/jpeg", "image/png", "image/tiff", "application/ofd", "application/zip", "text/plain",
] as const;
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** Why a file cannot go up, before anything is sent; null when it can. */
export function uploadProblem(file: { size: number; type: string }): "empty" | "tooLarge" | "type" | null {
  if (file.size <= 0) return "empty";
  if (file.size > MAX_DOCUMENT_BYTES) return "tooLarge";
  if (!(ALLOWED_CONTENT_TYPES as readonly string[]).includes(file.type)) return "type";
  return null;
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
  await putPresigned(requested.upload, file, onProgress);
  return api.post<ApplicationDocument>(`${base}/${encodeURIComponent(requested.document.id)}/confirm`, undefined);
}
