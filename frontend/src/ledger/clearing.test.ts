import { describe, expect, it } from "vitest";

import { nettingCsv, nettingFileName } from "./clearing";

describe("nettingCsv", () => {
  it("writes the API's columns with amounts exactly as sent, quoting what needs it", () => {
    const csv = nettingCsv([
      { channel: "stripe", counterparty: "acct, \"A\"", currency: "CNY", count: 2, gross_in: "100.10", gross_out: "0.00", net: "100.10", instruction: "receive" },
    ]);
    expect(csv).toBe(
      "channel,counterparty,currency,count,gross_in,gross_out,net,instruction\n" +
        'stripe,"acct, ""A""",CNY,2,100.10,0.00,100.10,receive\n',
    );
  });

  it("writes a counterparty named like a formula as text, and a net outflow as a number", () => {
    const csv = nettingCsv([
      { channel: "bank_transfer", counterparty: "=HYPERLINK(\"http://x\")", currency: "CNY", count: 1, gross_in: "0.00", gross_out: "12.50", net: "-12.50", instruction: "pay" },
    ]);
    expect(csv.split("\n")[1]).toBe('bank_transfer,"\'=HYPERLINK(""http://x"")",CNY,1,0.00,12.50,-12.50,pay');
  });

  it("has a header even with nothing to net", () => {
    expect(nettingCsv([])).toBe("channel,counterparty,currency,count,gross_in,gross_out,net,instruction\n");
    expect(nettingFileName("demo-leasing", "2026-05-01")).toBe("netting-demo-leasing-2026-05-01.csv");
  });
});
