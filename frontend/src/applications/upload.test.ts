import { describe, expect, it } from "vitest";

import { MAX_DOCUMENT_BYTES, sha256Hex, uploadProblem } from "./upload";

describe("sha256Hex", () => {
  it("gives the FIPS 180-2 test vectors", async () => {
    expect(await sha256Hex(new Blob(["abc"]))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(await sha256Hex(new Blob([""]))).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });
});

describe("uploadProblem", () => {
  it("accepts what the API accepts and names what it would refuse", () => {
    expect(uploadProblem({ size: 10, type: "application/pdf" })).toBeNull();
    expect(uploadProblem({ size: 0, type: "application/pdf" })).toBe("empty");
    expect(uploadProblem({ size: MAX_DOCUMENT_BYTES + 1, type: "image/png" })).toBe("tooLarge");
    expect(uploadProblem({ size: 10, type: "application/x-msdownload" })).toBe("type");
  });
});
