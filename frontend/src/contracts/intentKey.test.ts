import { describe, expect, it } from "vitest";

import { IntentKey } from "./intentKey";

function counter() {
  let n = 0;
  return () => `k${++n}`;
}

describe("one Idempotency-Key per intent", () => {
  it("reuses the key when the same request is sent again (double click, retry)", () => {
    const key = new IntentKey(counter());
    expect(key.for('{"amount":"100.00"}')).toBe("k1");
    expect(key.for('{"amount":"100.00"}')).toBe("k1");
  });
  it("takes a new key when the request changes or after the server answered", () => {
    const key = new IntentKey(counter());
    key.for('{"amount":"100.00"}');
    expect(key.for('{"amount":"200.00"}')).toBe("k2");
    key.renew();
    expect(key.for('{"amount":"200.00"}')).toBe("k3");
  });
});
