/**
 * The one role → navigation table. A page appears in the side menu, and its route opens, only for
 * the roles listed here.
 */
import type { Role } from "../api/types";
import type { MessageKey } from "../i18n";

export type Section = "tools" | "business" | "finance" | "hq" | "system";
export type PageKind =
  | "calculator" | "tenants" | "products" | "customers" | "applications" | "contracts" | "collections"
  | "invoices" | "hq" | "ledger" | "webhooks" | "admin" | "users" | "partners" | "facilities"
  | "customerGrades" | "campaigns" | "groupCustomers" | "whitelists";

export interface NavItem {
  key: string;
  path: string;
  label: MessageKey;
  section: Section;
  roles: readonly Role[];
  page: PageKind;
  /** the page has pages of its own under its path (`/products/:code`) */
  nested?: boolean;
}

const STAFF: readonly Role[] = [
  "platform-admin", "group-admin", "group-risk", "tenant-admin", "product-manager", "loan-officer",
  "first-reviewer", "second-reviewer", "finance", "collector", "viewer",
];
const GROUP: readonly Role[] = ["group-admin", "group-risk"];
/** Every role of a subsidiary's staff: all of them may read products and customers. */
const SUBSIDIARY: readonly Role[] = [
  "tenant-admin", "product-manager", "loan-officer", "first-reviewer", "second-reviewer", "finance", "collector", "viewer",
];

export const SECTIONS: { key: Section; label: MessageKey }[] = [
  { key: "tools", label: "nav.section.tools" },
  { key: "hq", label: "nav.section.hq" },
  { key: "business", label: "nav.section.business" },
  { key: "finance", label: "nav.section.finance" },
  { key: "system", label: "nav.section.system" },
];

export const NAV: readonly NavItem[] = [
  { key: "calculator", path: "/calculator", label: "nav.calculator", section: "tools", roles: STAFF, page: "calculator" },
  { key: "hq-dashboard", path: "/hq/dashboard", label: "nav.hqDashboard", section: "hq", roles: GROUP,
    page: "hq", nested: true },
  { key: "warnings", path: "/hq/warnings", label: "nav.warnings", section: "hq", roles: GROUP,
    page: "hq", nested: true },
  { key: "limits", path: "/hq/limits", label: "nav.limits", section: "hq", roles: GROUP,
    page: "hq", nested: true },
  { key: "consolidation", path: "/hq/consolidation", label: "nav.consolidation", section: "hq", roles: GROUP,
    page: "hq", nested: true },
  { key: "reports", path: "/hq/reports", label: "nav.reports", section: "hq", roles: GROUP,
    page: "hq", nested: true },
  // Onboarding a subsidiary is a group admin's act (POST /v1/tenants refuses group-risk).
  { key: "onboarding", path: "/hq/onboarding", label: "nav.onboarding", section: "hq", roles: ["group-admin"],
    page: "hq", nested: true },
  { key: "products", path: "/products", label: "nav.products", section: "business", roles: SUBSIDIARY,
    page: "products", nested: true },
  { key: "customers", path: "/customers", label: "nav.customers", section: "business", roles: SUBSIDIARY,
    page: "customers", nested: true },
  { key: "applications", path: "/applications", label: "nav.applications", section: "business",
    // finance opens a signed application to disburse it
    roles: ["loan-officer", "first-reviewer", "second-reviewer", "finance", "tenant-admin", "viewer"],
    page: "applications", nested: true },
  { key: "contracts", path: "/contracts", label: "nav.contracts", section: "business",
    roles: ["finance", "collector", "tenant-admin", "viewer"], page: "contracts", nested: true },
  { key: "collections", path: "/collections", label: "nav.collections", section: "business",
    roles: ["finance", "collector", "tenant-admin", "viewer"], page: "collections", nested: true },
  { key: "invoices", path: "/invoices", label: "nav.invoices", section: "business", roles: ["debtor"],
    page: "invoices" },
  { key: "ledger", path: "/ledger", label: "nav.ledger", section: "finance",
    roles: ["finance", "tenant-admin", "viewer"], page: "ledger", nested: true },
  { key: "webhooks", path: "/webhooks", label: "nav.webhooks", section: "system", roles: ["tenant-admin"],
    page: "webhooks", nested: true },
  { key: "admin", path: "/admin", label: "nav.admin", section: "system", roles: ["tenant-admin"],
    page: "admin", nested: true },
  // Each tenant's admin administers its staff: a subsidiary's tenant admin, HQ's group admin, the platform admin.
  { key: "users", path: "/users", label: "nav.users", section: "system",
    roles: ["tenant-admin", "group-admin", "platform-admin"], page: "users" },
  { key: "tenants", path: "/tenants", label: "nav.tenants", section: "system",
    roles: ["platform-admin", "group-admin"], page: "tenants" },
  { key: "partners", path: "/partners", label: "nav.partners", section: "system", roles: ["tenant-admin"],
    page: "partners" },
  { key: "facilities", path: "/facilities", label: "nav.facilities", section: "business", roles: SUBSIDIARY,
    page: "facilities", nested: true },
  { key: "group-facilities", path: "/hq/facilities", label: "nav.groupFacilities", section: "hq", roles: GROUP,
    page: "hq", nested: true },
  // issue 23: grades, cross-sell campaigns, HQ's group customers
  { key: "customer-grades", path: "/customer-grades", label: "nav.customerGrades", section: "business",
    roles: SUBSIDIARY, page: "customerGrades" },
  { key: "campaigns", path: "/campaigns", label: "nav.campaigns", section: "business",
    roles: ["product-manager", "tenant-admin", "loan-officer", "viewer"], page: "campaigns", nested: true },
  { key: "group-campaigns", path: "/hq/campaigns", label: "nav.campaigns", section: "hq", roles: GROUP,
    page: "campaigns", nested: true },
  { key: "group-customers", path: "/hq/customers", label: "nav.groupCustomers", section: "hq", roles: GROUP,
    page: "groupCustomers" },
  // issue 18: pre-approval whitelists
  { key: "whitelists", path: "/whitelists", label: "nav.whitelists", section: "business",
    roles: ["product-manager", "tenant-admin", "loan-officer", "viewer"], page: "whitelists" },
];

export function allows(item: NavItem, roles: readonly string[]): boolean {
  return item.roles.some((role) => roles.includes(role));
}

/** The navigation a user with these roles sees, in menu order. */
export function navFor(roles: readonly string[]): NavItem[] {
  return NAV.filter((item) => allows(item, roles));
}

/** Where a user lands after signing in: the first page they may open. */
export function homePath(roles: readonly string[]): string {
  return navFor(roles)[0]?.path ?? "/forbidden";
}

export function itemForPath(pathname: string): NavItem | undefined {
  return NAV.find((item) => pathname === item.path || pathname.startsWith(item.path + "/"));
}
