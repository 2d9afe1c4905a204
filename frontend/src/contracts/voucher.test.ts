import { describe, expect, it } from "vitest";

import { hex, isVoucherType, uploadHeaders } from "./voucher";

describe("voucher upload", () => {
  it("writes a digest in lower-case hex", () => {
    expect(hex(new Uint8Array([0, 15, 255]).buffer)).toBe("000fff");
  });
  it("sets the ticket's headers except those the browser owns", () => {
    const ticket = { url: "u", method: "PUT", expires_at: "", headers: {
      "Content-Type": "application/pdf", "x-amz-checksum-sha256": "abc=", "Content-Length": "10" } };
    expect(uploadHeaders(ticket)).toEqual([["Content-Type", "application/pdf"], ["x-amz-checksum-sha256", "abc="]]);
  });
  it("accepts the types the API takes", () => {
    expect(isVoucherType("image/png")).toBe(true);
    expect(isVoucherType("text/plain")).toBe(false);
  });
});
