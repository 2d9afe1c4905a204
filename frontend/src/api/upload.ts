/**
 * Files straight to S3: the SHA-256 computed in the browser (declared to the API first, so S3 holds
 * the upload to it) and the PUT to a presigned URL with progress (fetch cannot report upload
 * progress; XMLHttpRequest can). Used for application documents and repayment vouchers alike.
 */

export interface PresignedUpload {
  url: string;
  method: string;
  headers: Record<string, string>;
  expires_at: string;
}

export function hex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");
}

export async function sha256Hex(data: Blob): Promise<string> {
  if (typeof crypto === "undefined" || !crypto.subtle) throw new Error("crypto.subtle unavailable (not a secure context)");
  return hex(await crypto.subtle.digest("SHA-256", await data.arrayBuffer()));
}

// The browser sets these itself and refuses to be told.
const BROWSER_OWNED = new Set(["content-length", "host", "connection"]);

/** The signed headers a page may set on the PUT (all it was signed with, but the browser's own). */
export function uploadHeaders(upload: Pick<PresignedUpload, "headers">): [string, string][] {
  return Object.entries(upload.headers).filter(([name]) => !BROWSER_OWNED.has(name.toLowerCase()));
}

export class UploadError extends Error {
  constructor(readonly status: number) {
    super(`upload failed (${status})`);
    this.name = "UploadError";
  }
}

/** PUT `file` as the presigned upload says; `onProgress` gets 0–100. */
export function putPresigned(upload: Pick<PresignedUpload, "url" | "method" | "headers">, file: Blob,
                             onProgress: (percent: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(upload.method || "PUT", upload.url);
    for (const [name, value] of uploadHeaders(upload)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.floor((e.loaded / e.total) * 100));
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
