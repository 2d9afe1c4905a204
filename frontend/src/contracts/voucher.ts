/**
 * The bank voucher of an offline repayment: its SHA-256 (declared to the API before the upload,
 * checked by S3 on arrival) and the PUT to the presigned URL, reporting progress.
 */
import type { UploadTicket } from "./types";

export const VOUCHER_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;
export type VoucherType = (typeof VOUCHER_TYPES)[number];
export const VOUCHER_MAX_BYTES = 20 * 1024 * 1024;

export function isVoucherType(type: string): type is VoucherType {
  return (VOUCHER_TYPES as readonly string[]).includes(type);
}

export function hex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function sha256Hex(file: Blob): Promise<string> {
  if (typeof crypto === "undefined" || !crypto.subtle) throw new Error("crypto.subtle unavailable (not a secure context)");
  return hex(await crypto.subtle.digest("SHA-256", await file.arrayBuffer()));
}

// The browser sets these itself and refuses to be told.
const BROWSER_OWNED = new Set(["content-length", "host", "connection"]);

/** The ticket's headers a page may set on the PUT. */
export function uploadHeaders(ticket: UploadTicket): [string, string][] {
  return Object.entries(ticket.headers).filter(([name]) => !BROWSER_OWNED.has(name.toLowerCase()));
}

export class UploadError extends Error {
  constructor(readonly status: number) {
    super(`upload failed (${status})`);
    this.name = "UploadError";
  }
}

/** PUT `file` as the ticket says; `onProgress` gets 0–100. */
export function uploadVoucher(ticket: UploadTicket, file: Blob, onProgress: (percent: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(ticket.method || "PUT", ticket.url);
    for (const [name, value] of uploadHeaders(ticket)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve();
      } else reject(new UploadError(xhr.status));
    };
    xhr.onerror = () => reject(new UploadError(0));
    xhr.send(file);
  });
}
