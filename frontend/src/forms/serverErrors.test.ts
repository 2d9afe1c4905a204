import { describe, expect, it } from "vitest";

import { placeErrors } from "./serverErrors";

const registered = [
  ["code"],
  ["definition", "terms", "amount", "min"],
  ["definition", "terms", "amount", "max"],
  ["definition", "terms", "balloon_rate", "min"],
  ["definition", "channels"],
  ["definition", "fees", 0, "rate"],
];

describe("placing the API's field errors", () => {
  it("puts an error on the field its path names", () => {
    const { placed, unplaced } = placeErrors(
      [{ field: "definition.terms.amount.max", message: "must not be less than min (1000.00)" }, { field: "code", message: "x" }],
      registered,
    );
    expect(placed.get("definition.terms.amount.max")).toEqual(["definition", "terms", "amount", "max"]);
    expect(placed.get("code")).toEqual(["code"]);
    expect(unplaced).toEqual([]);
  });

  it("puts a group's error on its first field and an item's on the list", () => {
    const { placed } = placeErrors(
      [
        { field: "definition.terms.balloon_rate", message: "is required when balloon amortization is allowed" },
        { field: "definition.channels.1", message: "console appears more than once" },
        { field: "definition.fees.0.rate", message: "must be less than 1" },
      ],
      registered,
    );
    expect(placed.get("definition.terms.balloon_rate")).toEqual(["definition", "terms", "balloon_rate", "min"]);
    expect(placed.get("definition.channels.1")).toEqual(["definition", "channels"]);
    expect(placed.get("definition.fees.0.rate")).toEqual(["definition", "fees", 0, "rate"]);
  });

  it("returns what no field on screen shows", () => {
    const { unplaced } = placeErrors([{ field: "definition.arrears_tolerance.days", message: "too many" }], registered);
    expect(unplaced).toEqual([{ field: "definition.arrears_tolerance.days", message: "too many" }]);
  });
});
