import { describe, expect, it, vi } from "vitest";

import type { ApiClient } from "../api/client";
import { ApiError } from "../api/errors";
import { fetchReport, reportBlob, reportPath } from "./download";

describe("report downloads", () => {
  it("gives a CSV a BOM so spreadsheets read its Chinese as UTF-8", async () => {
    const blob = reportBlob({ name: "exposures.csv", content_type: "text/csv" }, "客户,敞口\n");
    expect(blob.type).toBe("text/csv;charset=utf-8");
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("keeps JSON as it came", async () => {
    const blob = reportBlob({ name: "validation-report.json", content_type: "application/json" }, '{"status":"passed"}');
    expect(blob.type).toBe("application/json");
    expect(await blob.text()).toBe('{"status":"passed"}');
  });

  it("asks the API (with its token) for the text", async () => {
    const get = vi.fn().mockResolvedValue({ name: "portfolio.csv", content_type: "text/csv", content: "a,b\n", url: "u" });
    const { blob } = await fetchReport({ get } as unknown as ApiClient, "csr_1", "portfolio.csv");
    expect(get).toHaveBeenCalledWith("/v1/group/reports/csr_1/portfolio.csv?inline=true");
    expect(await blob.text()).toContain("a,b");
  });

  it("passes on any error but too-large", async () => {
    const get = vi.fn().mockRejectedValue(new ApiError(404, "risk.report.not_found", "no"));
    await expect(fetchReport({ get } as unknown as ApiClient, "csr_1", "x.csv")).rejects.toMatchObject({ status: 404 });
    expect(reportPath("csr 1", "a.csv", false)).toBe("/v1/group/reports/csr%201/a.csv");
  });
});
