import { describe, expect, it } from "vitest";

import { isVoucherType } from "./voucher";

describe("voucher upload", () => {
  it("accepts the types the API takes", () => {
    expect(isVoucherType("image/png")).toBe(true);
    expect(isVoucherType("text/plain")).toBe(false);
  });
});
