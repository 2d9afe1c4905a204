import { describe, expect, it } from "vitest";

import { canApprove, canSeeCollections, canSeePayments, contractActions } from "./permissions";

const sorted = (s: Set<string>) => [...s].sort();

describe("what a role may do on a contract", () => {
  it("lets finance move money on an active contract, but not log collection actions or write off", () => {
    expect(sorted(contractActions(["finance"], "active"))).toEqual(
      ["offline", "payLink", "prepay", "quote", "repay", "reverse"],
    );
  });
  it("lets a collector send a payment link and log actions, and only quote a prepayment", () => {
    expect(sorted(contractActions(["collector"], "active"))).toEqual(["collect", "payLink", "quote"]);
  });
  it("lets the tenant admin write off an active contract and finance record recoveries after", () => {
    expect(contractActions(["tenant-admin"], "active").has("writeOff")).toBe(true);
    expect(contractActions(["tenant-admin"], "written_off").has("writeOff")).toBe(false);
    expect(sorted(contractActions(["finance"], "written_off"))).toEqual(["recover"]);
  });
  it("gives a viewer nothing but the quote, and nothing at all on a closed contract", () => {
    expect(sorted(contractActions(["viewer"], "active"))).toEqual(["quote"]);
    expect(sorted(contractActions(["viewer"], "closed"))).toEqual([]);
  });
  it("shows payments and the collections queue only to the roles the API admits", () => {
    expect(canSeePayments(["loan-officer"])).toBe(false);
    expect(canSeePayments(["viewer"])).toBe(true);
    expect(canSeeCollections(["finance"])).toBe(false);
    expect(canSeeCollections(["collector"])).toBe(true);
  });
});

describe("canApprove", () => {
  it("lets another user with an approving role decide, never the one who asked", () => {
    expect(canApprove(["tenant-admin"], "sub-b", "sub-a")).toBe(true);
    expect(canApprove(["finance", "tenant-admin"], "sub-a", "sub-a")).toBe(false);
    expect(canApprove(["collector", "viewer"], "sub-b", "sub-a")).toBe(false);
    expect(canApprove(["finance"], undefined, "sub-a")).toBe(false);
  });
});
