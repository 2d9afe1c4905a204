"""The product's risk rules at submission: decline rejects, refer flags, bounds are 422."""
from __future__ import annotations

from tests.builders import adult_individual, attach_checklist, loan_application
from tests.integration.origination.flows import Desk, ok


def test_a_blacklisted_applicant_is_declined_with_the_rule_that_declined(origination):
    desk = Desk(origination, "demo-lending")
    customer = desk.customer(adult_individual())
    ok(desk.as_("first-reviewer").post("/v1/blacklist", {"customer_id": customer, "reason": "fraud ring"}), 201)
    app_id = ok(desk.officer.post("/v1/applications", loan_application(customer)), 201)["id"]
    rejected = desk.submitted(app_id, "CONSUMER-INSTALMENT")
    assert (rejected["status"], rejected["risk"]["decision"]) == ("rejected", "decline")
    assert "blacklist" in rejected["rejection_reason"]
    rule = next(r for r in rejected["risk"]["rules"] if r["rule"] == "blacklist")
    assert (rule["outcome"], rule["reason"]) == ("decline", "the applicant is on the blacklist")


def test_an_unknown_income_is_referred_to_the_reviewers(origination):
    desk = Desk(origination, "demo-lending")
    body = adult_individual()
    body.pop("annual_income")
    customer = desk.customer(body)
    app_id = ok(desk.officer.post("/v1/applications", loan_application(customer)), 201)["id"]
    checked = desk.submitted(app_id, "CONSUMER-INSTALMENT")
    assert (checked["status"], checked["risk_flag"], checked["risk"]["referred"]) == ("risk_checked", "refer", True)
    listed = ok(desk.as_("first-reviewer").get("/v1/applications?status=risk_checked&limit=200"))["items"]
    assert next(a for a in listed if a["id"] == app_id)["risk_flag"] == "refer"


def test_terms_outside_the_products_bounds_are_422_naming_the_term(origination):
    desk = Desk(origination, "demo-lending")
    app_id = desk.loan_draft(principal="500.00")
    attach_checklist(desk.officer, app_id, "CONSUMER-INSTALMENT")
    r = desk.officer.post(desk.path(app_id, "submit"))
    assert r.status == 422 and "principal" in r.code
    assert desk.get(app_id)["status"] == "draft"


def test_terms_of_another_kind_are_refused_when_the_draft_is_opened(origination):
    desk = Desk(origination, "demo-lending")
    customer = desk.customer(adult_individual())
    r = desk.officer.post("/v1/applications", loan_application(customer, advance_rate="0.8"))
    assert (r.status, r.code) == (422, "origination.application.terms.advance_rate.invalid")


def test_a_blacklist_entry_by_identity_number_is_hashed_and_stays_in_its_tenant(origination):
    from tests.builders import uscc

    number = uscc()
    entry = ok(origination.as_("tenant-admin@demo-lending").post("/v1/blacklist", {
        "identity_type": "uscc", "identity_number": number, "reason": "forged invoices"}), 201)
    assert number not in str(entry) and entry["identity_masked"] == number[:3] + "*" * 12 + number[-3:]
    listed = ok(origination.as_("viewer@demo-lending").get("/v1/blacklist?limit=200"))["items"]
    assert entry["id"] in {e["id"] for e in listed}
    elsewhere = ok(origination.as_("viewer@demo-leasing").get("/v1/blacklist?limit=200"))["items"]
    assert entry["id"] not in {e["id"] for e in elsewhere}
    r = origination.as_("tenant-admin@demo-leasing").call("DELETE", f"/v1/blacklist/{entry['id']}")
    assert (r.status, r.code) == (404, "origination.blacklist.not_found")
    assert origination.as_("tenant-admin@demo-lending").call("DELETE", f"/v1/blacklist/{entry['id']}").status == 204


def test_blacklisting_a_number_never_hands_back_a_hash_to_compare_with_a_customers(origination):
    import re

    from tests.builders import adult_individual

    person = adult_individual()
    customer = ok(origination.as_("loan-officer@demo-lending").post("/v1/customers", person), 201)
    # Given a guess at the customer's number (the right one), blacklisted by number
    entry = ok(origination.as_("tenant-admin@demo-lending").post("/v1/blacklist", {
        "identity_type": person["identity_type"], "identity_number": person["identity_number"],
        "reason": "a guess"}), 201)
    listed = ok(origination.as_("viewer@demo-lending").get("/v1/blacklist?limit=200"))["items"]
    # Then nothing the blacklist answers carries a hash, so nothing matches the customer's
    assert "identity_hash" not in entry and not re.search(r"[0-9a-f]{64}", str(entry) + str(listed))
    assert customer["identity_hash"] not in str(entry) + str(listed)
    origination.as_("tenant-admin@demo-lending").call("DELETE", f"/v1/blacklist/{entry['id']}")
