import { describe, expect, it } from "vitest";

import { customerErrorField, identityProblem, normaliseIdentity } from "./identity";
import { buildNewCustomer, INITIAL } from "./registration";

describe("identity numbers, checked for shape", () => {
  it("accepts numbers of the right shape whatever their spacing and case", () => {
    expect(normaliseIdentity(" 1101 0119 9003 07123x ")).toBe("11010119900307123X");
    expect(identityProblem("resident_id", "11010119900307123x")).toBeNull();
    expect(identityProblem("uscc", "91310000MA1FL4CT3X")).toBeNull();
    expect(identityProblem("passport", "E12345678")).toBeNull();
  });

  it("names what is wrong with the shape", () => {
    expect(identityProblem("resident_id", "")).toBe("cust.valid.identityRequired");
    expect(identityProblem("resident_id", "1101011990030712")).toBe("cust.valid.residentId");
    expect(identityProblem("uscc", "91310000MA1FL4CT3I")).toBe("cust.valid.uscc"); // no I in the alphabet
    expect(identityProblem("hk_macao_permit", "H12")).toBe("cust.valid.document");
  });

  it("puts the API's whole-request identity errors on the identity fields", () => {
    const body = (message: string) => customerErrorField({ field: "body", message });
    expect(body("Value error, the resident ID number's check character does not match")).toBe("identity_number");
    expect(body("Value error, a individual is identified by hk_macao_permit, passport, resident_id")).toBe("identity_type");
    expect(body("Value error, something else")).toBe("body");
    expect(customerErrorField({ field: "contact.phone", message: "String should match pattern" })).toBe("contact.phone");
  });
});

describe("the registration body", () => {
  it("sends what was filled in, normalised, and nothing an individual cannot have", () => {
    const body = buildNewCustomer({
      ...INITIAL,
      name: " 张三 ",
      identity_number: "11010119900307123x",
      contact: { phone: "13800000000", email: " " },
      industry: "c36",
      annual_income: "120,000",
      is_core_enterprise: true,
    });
    expect(body).toEqual({
      type: "individual",
      name: "张三",
      identity_type: "resident_id",
      identity_number: "11010119900307123X",
      contact: { phone: "13800000000" },
      industry: "C36",
      annual_income: "120000",
    });
  });
});
