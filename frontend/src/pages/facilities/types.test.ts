import { describe, expect, it } from "vitest";

import { buttonActions, usedPercent } from "./types";

describe("facility helpers", () => {
  it("folds the reviewers' table actions into approve and reject", () => {
    expect(buttonActions(["approve_first", "escalate", "reject_first", "withdraw"])).toEqual(["approve", "reject", "withdraw"]);
    expect(buttonActions(["freeze", "expire", "close"])).toEqual(["freeze", "expire", "close"]);
  });

  it("turns the utilization ratio into a bar percentage, capped at 100", () => {
    expect(usedPercent({ utilization: "0.6000" })).toBe(60);
    expect(usedPercent({ utilization: "0.1234" })).toBe(12.3);
    expect(usedPercent({ utilization: "1.5" })).toBe(100);
  });
});
