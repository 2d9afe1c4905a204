import { describe, expect, it } from "vitest";

import { canCheck, canPost, canSeeClearing } from "./permissions";

describe("ledger permissions", () => {
  it("follow the API's role lists", () => {
    expect([canPost(["finance"]), canPost(["tenant-admin"]), canPost(["viewer"])]).toEqual([true, false, false]);
    expect([canCheck(["finance"]), canCheck(["tenant-admin"]), canCheck(["viewer"])]).toEqual([true, true, false]);
    expect([canSeeClearing(["tenant-admin"]), canSeeClearing(["viewer"])]).toEqual([true, false]);
  });
});
