import { describe, expect, it } from "vitest";

import { actionsFor, canOpen } from "./permissions";

describe("who may act on an application", () => {
  it("gives the officer submit and withdraw on a draft, nothing to reviewers", () => {
    expect(actionsFor(["loan-officer"], "draft")).toEqual(["submit", "withdraw"]);
    expect(actionsFor(["first-reviewer"], "draft")).toEqual([]);
  });
  it("gives each reviewer only their own stage", () => {
    expect(actionsFor(["first-reviewer"], "risk_checked")).toEqual(["first-review"]);
    expect(actionsFor(["first-reviewer"], "second_review")).toEqual([]);
    expect(actionsFor(["second-reviewer"], "second_review")).toEqual(["second-review"]);
    expect(actionsFor(["loan-officer"], "first_review")).toEqual(["withdraw"]);
  });
  it("lets the officer issue and sign the contract and finance disburse it", () => {
    expect(actionsFor(["loan-officer"], "approved")).toEqual(["issue-contract"]);
    expect(actionsFor(["loan-officer"], "contract_issued")).toEqual(["sign"]);
    expect(actionsFor(["finance"], "signed")).toEqual(["disburse"]);
    expect(actionsFor(["loan-officer"], "signed")).toEqual([]);
    expect(actionsFor(["viewer"], "signed")).toEqual([]);
  });
  it("lets only officers open applications", () => {
    expect(canOpen(["loan-officer"])).toBe(true);
    expect(canOpen(["finance", "viewer"])).toBe(false);
  });
});
