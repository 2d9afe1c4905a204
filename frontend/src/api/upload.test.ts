import { describe, expect, it } from "vitest";

import { hex, sha256Hex, uploadHeaders } from "./upload";

describe("sha256Hex", () => {
  it("writes a digest in lower-case hex", () => {
    expect(hex(new Uint8Array([0, 15, 255]).buffer)).toBe("000fff");
  });
  it("gives the FIPS 180-2 test vectors", async () => {
    expect(await sha256Hex(new Blob(["abc"]))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(await sha256Hex(new Blob([""]))).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });
});

describe("uploadHeaders", () => {
  it("keeps the signed headers but those the browser sets itself", () => {
    const headers = { "Content-Type": "application/pdf", "Content-Length": "10", "x-amz-checksum-sha256": "abc=" };
    expect(uploadHeaders({ headers })).toEqual([["Content-Type", "application/pdf"], ["x-amz-checksum-sha256", "abc="]]);
  });
});
