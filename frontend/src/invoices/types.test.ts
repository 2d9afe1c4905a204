import { describe, expect, it } from "vitest";

import { confirmationBody } from "./types";

describe("confirmationBody", () => {
  it("confirms with or without a note", () => {
    expect(confirmationBody("confirm", "")).toEqual({ decision: "confirm" });
    expect(confirmationBody("confirm", "  goods received ")).toEqual({ decision: "confirm", note: "goods received" });
  });

  it("refuses a dispute without a reason", () => {
    expect(confirmationBody("dispute", "   ")).toBeNull();
    expect(confirmationBody("dispute", "goods returned")).toEqual({ decision: "dispute", note: "goods returned" });
  });
});
