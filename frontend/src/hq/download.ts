/**
 * Report downloads that carry the bearer token: the dataset is fetched through the API client (its
 * text, `inline=true`) and handed to the browser as a Blob, never as a bare link to open.
 */
import type { ApiClient } from "../api/client";
import { ApiError } from "../api/errors";
import type { ReportDownload } from "./types";

/** The file a downloaded dataset becomes. CSV gets a BOM so spreadsheet programs read it as UTF-8. */
export function reportBlob(report: Pick<ReportDownload, "name" | "content_type">, content: string): Blob {
  const csv = report.name.endsWith(".csv") || report.content_type.startsWith("text/csv");
  const type = csv ? "text/csv;charset=utf-8" : report.content_type || "application/octet-stream";
  return new Blob([csv && !content.startsWith("\ufeff") ? "\ufeff" + content : content], { type });
}

export function reportPath(runId: string, name: string, inline: boolean): string {
  return `/v1/group/reports/${encodeURIComponent(runId)}/${encodeURIComponent(name)}${inline ? "?inline=true" : ""}`;
}

/** Fetch a run's dataset as a Blob (a file too large to return inline comes through its short-lived link). */
export async function fetchReport(api: ApiClient, runId: string, name: string): Promise<{ blob: Blob; report: ReportDownload }> {
  try {
    const report = await api.get<ReportDownload>(reportPath(runId, name, true));
    return { blob: reportBlob(report, report.content ?? ""), report };
  } catch (error) {
    if (!(error instanceof ApiError && error.code === "risk.report.too_large")) throw error;
  }
  const report = await api.get<ReportDownload>(reportPath(runId, name, false));
  const response = await fetch(report.url);
  if (!response.ok) throw new ApiError(response.status, `http.${response.status}`, "");
  return { blob: await response.blob(), report };
}

/** Hand a Blob to the browser as a file download. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
