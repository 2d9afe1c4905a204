"""Pre-approval whitelists through the API on the embedded AWS: a run with amounts and reasons, kept as
it was (point in time), the CSV for marketing, the fast path recorded in the risk outcome, the monthly
run of close of business, and tenant isolation."""
from __future__ import annotations

import csv
import io
from datetime import date

from tests.builders import LOAN_PRODUCT, adult_individual, attach_checklist, loan_application
from tests.integration.customers.conftest import (  # noqa: F401 — fixtures reused as they are
    business_date_of,
    demo_products,
    desk,
    origination,
    origination_routes,
    servicing_routes,
    shared_api,
    staff_context,
)
from tests.integration.origination.flows import ok

PM = "product-manager@demo-lending"
REGION = "542621"  # Nyingchi: customers of these tests only


def rule(**over) -> dict:
    return {"name": "Pre-approved top-up", "products": [LOAN_PRODUCT],
            "eligibility": {"customer_types": ["individual"], "regions": ["5426"]},
            "amount": {"kind": "fixed", "amount": "100000.00"}, "validity_days": 30, **over}


def test_a_run_lists_customers_with_amount_expiry_and_reasons_and_keeps_its_result(desk):
    first = desk.customer(adult_individual(region=REGION))
    made = ok(desk.api.as_(PM).post("/v1/whitelists", rule()), 201)
    wid = made["whitelist_id"]
    run = ok(desk.api.as_(PM).post(f"/v1/whitelists/{wid}/runs"), 201)
    entry = next(e for e in run["entries"] if e["customer_id"] == first)
    assert entry["pre_approved_amount"] == "100000.00"
    assert (run["as_of"], run["expires_on"]) == ("2026-11-23", "2026-12-23")
    assert {r["rule"]: r["passed"] for r in entry["reasons"]} == {"customer_type": True, "region": True, "amount": True}

    later = desk.customer(adult_individual(region=REGION))  # joins after the run: the run does not change
    kept = ok(desk.api.as_("viewer@demo-lending").get(f"/v1/whitelists/{wid}/runs/{run['run_id']}"))
    assert [e["customer_id"] for e in kept["entries"]] == sorted(e["customer_id"] for e in run["entries"])
    assert later not in [e["customer_id"] for e in kept["entries"]]
    again = ok(desk.api.as_(PM).post(f"/v1/whitelists/{wid}/runs"), 201)
    assert later in [e["customer_id"] for e in again["entries"]] and again["run_id"] != run["run_id"]
    listed = ok(desk.api.as_("viewer@demo-lending").get(f"/v1/whitelists/{wid}/runs"))["items"]
    assert {run["run_id"], again["run_id"]} <= {r["run_id"] for r in listed}

    file = ok(desk.api.as_("viewer@demo-lending").get(f"/v1/whitelists/{wid}/runs/{run['run_id']}?format=csv"))
    assert file["content_type"].startswith("text/csv") and file["name"].endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(file["content"].lstrip("\ufeff"))))
    mine = next(r for r in rows if r["customer_id"] == first)
    assert (mine["pre_approved_amount"], mine["expires_on"], mine["products"]) == ("100000.00", "2026-12-23", LOAN_PRODUCT)
    assert "region: 542621 matches 5426" in mine["reasons"]
    assert len(rows) == len(run["entries"])


def test_a_whitelisted_application_within_the_amount_gets_one_review_level_and_the_risk_outcome_names_the_run(desk):
    cid = desk.customer(adult_individual(region=REGION))
    wid = ok(desk.api.as_(PM).post("/v1/whitelists", rule(amount={"kind": "fixed", "amount": "90000.00"})), 201)["whitelist_id"]
    run = ok(desk.api.as_(PM).post(f"/v1/whitelists/{wid}/runs"), 201)

    def submitted(principal: str) -> dict:
        app_id = ok(desk.officer.post("/v1/applications", loan_application(cid, principal=principal)), 201)["id"]
        attach_checklist(desk.officer, app_id, LOAN_PRODUCT)
        ok(desk.officer.post(desk.path(app_id, "submit")))
        return desk.get(app_id)

    fast = submitted("80000.00")  # above the product's 50,000 second-review threshold, within 90,000
    assert fast["second_review_required"] is False
    line = next(r for r in fast["risk"]["rules"] if r["rule"] == "pre_approved")
    assert (line["outcome"], line["run_id"], line["whitelist_id"]) == ("pass", run["run_id"], wid)
    assert ok(desk.review(fast["id"], "first"))["status"] == "approved"  # one level

    slow = submitted("95000.00")  # above the pre-approved amount: the product's two levels
    assert slow["second_review_required"] is True
    assert "pre_approved" not in [r["rule"] for r in slow["risk"]["rules"]]


def test_after_expiry_by_the_business_date_the_fast_path_is_gone(desk, business_date_of):
    cid = desk.customer(adult_individual(region=REGION))
    wid = ok(desk.api.as_(PM).post("/v1/whitelists", rule(validity_days=1)), 201)["whitelist_id"]
    ok(desk.api.as_(PM).post(f"/v1/whitelists/{wid}/runs"), 201)
    business_date_of("demo-lending", date(2026, 11, 25))  # the run expired on the 24th
    app_id = ok(desk.officer.post("/v1/applications", loan_application(cid, principal="80000.00")), 201)["id"]
    attach_checklist(desk.officer, app_id, LOAN_PRODUCT)
    ok(desk.officer.post(desk.path(app_id, "submit")))
    assert desk.get(app_id)["second_review_required"] is True


def test_the_monthly_run_happens_on_a_months_last_day_once(desk, business_date_of):
    from chalicelib.customers import whitelists

    cid = desk.customer(adult_individual(region=REGION))
    wid = ok(desk.api.as_(PM).post("/v1/whitelists", rule()), 201)["whitelist_id"]
    ctx = staff_context("demo-lending", "product-manager")
    assert whitelists.month_end_runs(ctx, date(2026, 11, 23)) == {"runs": 0, "month": None}
    business_date_of("demo-lending", date(2026, 11, 30))
    done = whitelists.month_end_runs(ctx, date(2026, 11, 30))
    assert done["month"] == "2026-11" and done["runs"] >= 1
    monthly = ok(desk.api.as_("viewer@demo-lending").get(f"/v1/whitelists/{wid}/runs/M2026-11"))
    assert cid in [e["customer_id"] for e in monthly["entries"]] and monthly["as_of"] == "2026-11-30"
    desk.customer(adult_individual(region=REGION))
    assert whitelists.month_end_runs(ctx, date(2026, 11, 30))["rerun"] == done["runs"]  # the first result stands
    assert ok(desk.api.as_("viewer@demo-lending").get(f"/v1/whitelists/{wid}/runs/M2026-11"))["entries"] == monthly["entries"]


def test_bad_input_roles_and_other_tenants(desk):
    bad = desk.api.as_(PM).post("/v1/whitelists", rule(amount={"kind": "multiple", "factor": "2"}))
    assert bad.status == 422
    assert desk.api.as_("loan-officer@demo-lending").post("/v1/whitelists", rule()).status == 403
    wid = ok(desk.api.as_(PM).post("/v1/whitelists", rule()), 201)["whitelist_id"]
    rid = ok(desk.api.as_(PM).post(f"/v1/whitelists/{wid}/runs"), 201)["run_id"]
    assert desk.api.as_("loan-officer@demo-lending").post(f"/v1/whitelists/{wid}/runs").status == 403
    other = desk.api.as_("viewer@demo-leasing")
    for path in (f"/v1/whitelists/{wid}", f"/v1/whitelists/{wid}/runs", f"/v1/whitelists/{wid}/runs/{rid}",
                 f"/v1/whitelists/{wid}/runs/{rid}?format=csv"):
        missing = other.get(path)
        assert (missing.status, missing.code) == (404, "credit.whitelist.not_found")
    assert wid not in [w["whitelist_id"] for w in ok(other.get("/v1/whitelists"))["items"]]
    gone = desk.api.as_("viewer@demo-lending").get(f"/v1/whitelists/{wid}/runs/nope")
    assert (gone.status, gone.code) == (404, "credit.whitelist.run.not_found")
