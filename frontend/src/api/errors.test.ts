import { describe, expect, it } from "vitest";

import { readBody } from "./client";
import { ApiError, fieldMessage } from "./errors";

describe("field messages in the user's language", () => {
  it("translates a message we know word for word", () => {
    expect(fieldMessage("is required", "zh-CN")).toBe("必填");
    expect(fieldMessage("Value error, the resident ID number's check character does not match", "zh-CN")).toBe(
      "身份证号校验位不正确，请核对号码",
    );
  });

  it("translates by the kind of problem, keeping the figures the API gave", () => {
    expect(fieldMessage("must not be less than min (1000.00)", "zh-CN", "range_order")).toBe("不得小于下限（1000.00）");
    expect(fieldMessage("must be between min (1000.00) and max (500.00)", "zh-CN", "default_out_of_range")).toBe(
      "须介于下限（1000.00）与上限（500.00）之间",
    );
  });

  it("keeps the API's own English, which says more than a generic text", () => {
    expect(fieldMessage("must not be less than min (1000.00)", "en-US", "range_order")).toBe(
      "must not be less than min (1000.00)",
    );
    expect(fieldMessage("something new", "zh-CN", "no_such_type")).toBe("something new");
  });
});

describe("an error's details", () => {
  it("keeps what the API said beyond the code, for the page to use", async () => {
    const body = { error: { code: "servicing.eod.out_of_order", message: "…", details: { last_closed_on: "2026-12-23", count: 3 } } };
    const failed = readBody(new Response(JSON.stringify(body), { status: 409 }));
    await expect(failed).rejects.toMatchObject({ status: 409, code: "servicing.eod.out_of_order" });
    const error = (await failed.catch((e: unknown) => e)) as ApiError;
    expect(error.detail("last_closed_on")).toBe("2026-12-23");
    expect(error.detail("count")).toBeNull(); // not a string
    expect(error.detail("missing")).toBeNull();
  });
});
