import { describe, expect, it } from "vitest";

import { homePath, navFor } from "./menu";

const keys = (roles: string[]) => navFor(roles).map((item) => item.key);

describe("role → navigation", () => {
  it("gives every staff role the calculator", () => {
    for (const role of ["platform-admin", "group-risk", "loan-officer", "viewer", "collector"]) {
      expect(keys([role])).toContain("calculator");
      expect(homePath([role])).toBe("/calculator");
    }
  });

  it("shows a loan officer products, customers and origination", () => {
    expect(keys(["loan-officer"])).toEqual(["calculator", "products", "customers", "applications", "facilities",
                                           "customer-grades", "campaigns", "whitelists"]);
  });

  it("shows products and customers to every subsidiary role, and to no HQ or platform role", () => {
    for (const role of ["tenant-admin", "product-manager", "first-reviewer", "finance", "collector", "viewer"]) {
      expect(keys([role])).toEqual(expect.arrayContaining(["products", "customers"]));
    }
    for (const role of ["platform-admin", "group-admin", "group-risk", "debtor"]) {
      expect(keys([role])).not.toContain("products");
      expect(keys([role])).not.toContain("customers");
    }
  });

  it("shows a tenant admin every subsidiary page but no HQ or tenant registry", () => {
    expect(keys(["tenant-admin"])).toEqual([
      "calculator", "products", "customers", "applications", "contracts", "collections", "ledger", "webhooks", "admin",
      "users", "partners", "facilities", "customer-grades", "campaigns", "whitelists",
    ]);
  });

  it("shows HQ pages to group roles, onboarding and tenants to the group admin only", () => {
    expect(keys(["group-risk"])).toEqual(["calculator", "hq-dashboard", "warnings", "limits", "consolidation", "reports",
      "group-facilities", "group-campaigns", "group-customers"]);
    expect(keys(["group-admin"])).toEqual([
      "calculator", "hq-dashboard", "warnings", "limits", "consolidation", "reports", "onboarding", "users", "tenants",
      "group-facilities", "group-campaigns", "group-customers",
    ]);
  });

  it("shows users and roles to each kind of tenant's admin only", () => {
    for (const role of ["tenant-admin", "group-admin", "platform-admin"]) expect(keys([role])).toContain("users");
    for (const role of ["group-risk", "loan-officer", "first-reviewer", "finance", "viewer", "debtor"]) {
      expect(keys([role])).not.toContain("users");
    }
  });

  it("unions the pages of several roles", () => {
    expect(keys(["finance", "product-manager"])).toEqual([
      "calculator", "products", "customers", "applications", "contracts", "collections", "ledger", "facilities",
      "customer-grades", "campaigns", "whitelists",
    ]);
  });

  it("shows nothing to a caller with no known role", () => {
    expect(keys([])).toEqual([]);
    expect(homePath([])).toBe("/forbidden");
  });
});
