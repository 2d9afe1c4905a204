import { describe, expect, it } from "vitest";

import { actionsFor, canAuthor, canEdit } from "./permissions";
import type { VersionStatus, VersionSummary } from "./types";

const PM = { user_id: "u-pm", username: "product-manager@demo-lending" };
const ADMIN = { user_id: "u-admin", username: "tenant-admin@demo-lending" };

function version(status: VersionStatus, authors = [PM]): VersionSummary {
  const allowed: Record<VersionStatus, VersionSummary["allowed_actions"]> = {
    draft: ["submit"],
    submitted: ["approve", "reject"],
    approved: ["activate", "retire"],
    active: ["suspend", "retire"],
    suspended: ["activate", "retire"],
    retired: [],
  };
  return {
    version: 3, status, based_on: 2, name: { "zh-CN": "贷", "en-US": "Loan" }, authors,
    created: { by: PM, at: "2026-01-12T01:30:00Z" }, updated_at: "2026-01-12T01:30:00Z", submitted: null,
    approved: null, activated_at: null, suspended_at: null, retired_at: null, last_rejection: null,
    allowed_actions: allowed[status],
  };
}

const names = (offers: { action: string; enabled: boolean }[]) => offers.map((o) => `${o.action}${o.enabled ? "" : " (disabled)"}`);

describe("who may move a product version", () => {
  it("lets a product manager submit a draft but never approve", () => {
    expect(names(actionsFor(version("draft"), ["product-manager"], PM.user_id))).toEqual(["submit"]);
    expect(actionsFor(version("submitted"), ["product-manager"], PM.user_id)).toEqual([]);
  });

  it("lets a tenant admin who did not write the version approve or reject it", () => {
    expect(names(actionsFor(version("submitted"), ["tenant-admin"], ADMIN.user_id))).toEqual(["approve", "reject"]);
  });

  it("shows the author's approve button disabled, saying why (maker-checker)", () => {
    const offers = actionsFor(version("submitted", [ADMIN]), ["tenant-admin"], ADMIN.user_id);
    expect(offers).toEqual([
      { action: "approve", enabled: false, reason: "maker_checker" },
      { action: "reject", enabled: true },
    ]);
  });

  it("offers shelving actions by status to the tenant admin only", () => {
    expect(names(actionsFor(version("approved"), ["tenant-admin"], ADMIN.user_id))).toEqual(["activate", "retire"]);
    expect(names(actionsFor(version("active"), ["tenant-admin"], ADMIN.user_id))).toEqual(["suspend", "retire"]);
    expect(actionsFor(version("active"), ["product-manager"], PM.user_id)).toEqual([]);
  });

  it("gives readers nothing to press", () => {
    for (const status of ["draft", "submitted", "approved", "active"] as const) {
      expect(actionsFor(version(status), ["viewer", "loan-officer"], "u-viewer")).toEqual([]);
    }
    expect(canAuthor(["viewer"])).toBe(false);
    expect(canEdit(version("draft"), ["viewer"])).toBe(false);
    expect(canEdit(version("draft"), ["product-manager"])).toBe(true);
    expect(canEdit(version("submitted"), ["product-manager"])).toBe(false);
  });
});
