import { describe, expect, it } from "vitest";

import { MAX_DOCUMENT_BYTES, uploadProblem } from "./upload";

describe("uploadProblem", () => {
  it("accepts what the API accepts and names what it would refuse", () => {
    expect(uploadProblem({ size: 10, type: "application/pdf" })).toBeNull();
    expect(uploadProblem({ size: 0, type: "application/pdf" })).toBe("empty");
    expect(uploadProblem({ size: MAX_DOCUMENT_BYTES + 1, type: "image/png" })).toBe("tooLarge");
    expect(uploadProblem({ size: 10, type: "application/x-msdownload" })).toBe("type");
  });
});
