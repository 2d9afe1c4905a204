"""Cross-sell campaigns: a list with reasons, a journey to a converted application, and group campaigns
that hand sisters' customers over only with the customers' consent."""
from __future__ import annotations

from datetime import timedelta

from tests.builders import adult_individual
from tests.integration.customers.journeys import disbursed_to
from tests.integration.origination.flows import Desk, ok
from tests.support import TEST_BUSINESS_DATE

PM = "product-manager@demo-lending"
REGION = "650102"  # customers of these tests only: no other suite registers anyone in Urumqi


def campaign(audience: str = "own", **eligibility) -> dict:
    return {"name": "Top-up for good payers", "target_products": ["CONSUMER-INSTALMENT"], "channel": "sms",
            "valid_from": TEST_BUSINESS_DATE.isoformat(), "valid_to": (TEST_BUSINESS_DATE + timedelta(days=90)).isoformat(),
            "audience": audience, "eligibility": {"customer_types": ["individual"], "regions": ["6501"], **eligibility}}


def test_a_campaign_lists_customers_with_reasons_and_tracks_a_lead_to_a_converted_application(desk):
    cid = desk.customer(adult_individual(region=REGION))
    made = ok(desk.api.as_(PM).post("/v1/campaigns", campaign(min_verification_level="registered")), 201)
    lead = next(x for x in made["leads"] if x["customer_id"] == cid)
    assert {r["rule"]: r["passed"] for r in lead["reasons"]} == {
        "verification_level": True, "customer_type": True, "region": True}
    assert lead["own_customer"] is True

    contacted = ok(desk.api.as_("loan-officer@demo-lending").post(
        f"/v1/campaigns/{made['campaign_id']}/leads/{lead['lead_id']}/contacted"))
    assert contacted["contacted_by"] == "loan-officer@demo-lending" and contacted["applied"] is False

    disbursed_to(desk, cid)
    results = ok(desk.api.as_("viewer@demo-lending").get(f"/v1/campaigns/{made['campaign_id']}"))
    mine = next(x for x in results["leads"] if x["lead_id"] == lead["lead_id"])
    assert (mine["applied"], mine["converted"]) == (True, True) and mine["applications"][0]["status"] == "disbursed"
    assert results["totals"]["converted"] >= 1 and results["totals"]["contacted"] >= 1
    assert made["campaign_id"] in [c["campaign_id"] for c in ok(desk.api.as_("viewer@demo-lending").get("/v1/campaigns"))["items"]]
    assert desk.api.as_("viewer@demo-leasing").get(f"/v1/campaigns/{made['campaign_id']}").status == 404


def test_a_campaign_across_subsidiaries_without_consent_is_refused_and_nothing_is_kept(desk):
    refused = desk.api.as_(PM).post("/v1/campaigns", {**campaign("group"), "name": "no-consent sweep"})
    assert (refused.status, refused.code) == (422, "customers.campaign.consent_required")
    hq = desk.api.as_("group-admin@demo-group").post("/v1/group/campaigns", {**campaign("group"), "name": "no-consent sweep"})
    assert (hq.status, hq.code) == (422, "customers.campaign.consent_required")
    names = [c["name"] for c in ok(desk.api.as_("viewer@demo-lending").get("/v1/campaigns"))["items"]]
    names += [c["name"] for c in ok(desk.api.as_("group-risk@demo-group").get("/v1/group/campaigns"))["items"]]
    assert "no-consent sweep" not in names


def test_a_group_campaign_gives_each_subsidiary_its_own_customers_and_only_consenting_customers_of_sisters(desk):
    leasing = Desk(desk.api, "demo-leasing")
    consenting, silent = adult_individual(region=REGION), adult_individual(region=REGION)
    y = leasing.customer(consenting)
    z = leasing.customer(silent)
    ok(leasing.officer.post(f"/v1/customers/{y}/consents", {
        "scopes": ["group_marketing"], "given_on": TEST_BUSINESS_DATE.isoformat(), "evidence_kind": "app_checkbox",
        "evidence_reference": "app-consent-77"}), 201)
    ok(leasing.officer.post(f"/v1/customers/{z}/verification/evidence", {"kind": "phone_confirmed", "reference": "otp"}), 201)

    made = ok(desk.api.as_("group-admin@demo-group").post(
        "/v1/group/campaigns", campaign("group", requires_consent=["group_marketing"])), 201)
    assert made["campaign_id"].startswith("gcm_") and made["owner"] == "demo-group"
    hashes = {ok(leasing.as_("viewer").get(f"/v1/customers/{c}"))["identity_hash"]: c for c in (y, z)}
    y_hash = next(h for h, c in hashes.items() if c == y)
    z_hash = next(h for h, c in hashes.items() if c == z)

    lending_view = ok(desk.api.as_("viewer@demo-lending").get(f"/v1/campaigns/{made['campaign_id']}"))
    lending_hashes = {x["identity_hash"]: x for x in lending_view["leads"]}
    assert y_hash in lending_hashes and z_hash not in lending_hashes  # a sister's customer only with consent
    assert lending_hashes[y_hash]["own_customer"] is False and lending_hashes[y_hash]["customer_id"] is None
    assert lending_hashes[y_hash]["source_subsidiary"] == "demo-leasing"
    assert all(x["receiving_subsidiary"] == "demo-lending" for x in lending_view["leads"])

    leasing_view = ok(leasing.as_("viewer").get(f"/v1/campaigns/{made['campaign_id']}"))
    own = {x["identity_hash"]: x for x in leasing_view["leads"]}
    assert own[z_hash]["own_customer"] is True and own[z_hash]["customer_id"] == z  # its own, no consent needed
    assert made["campaign_id"] in [c["campaign_id"] for c in ok(desk.api.as_("viewer@demo-lending").get("/v1/campaigns"))["items"]]
    hq_view = ok(desk.api.as_("group-risk@demo-group").get(f"/v1/group/campaigns/{made['campaign_id']}"))
    assert {x["receiving_subsidiary"] for x in hq_view["leads"]} >= {"demo-lending", "demo-leasing"}


def test_hq_sees_a_group_campaign_lead_applied_and_converted_in_its_subsidiary(desk):
    cid = desk.customer(adult_individual(region=REGION))
    ok(desk.officer.post(f"/v1/customers/{cid}/verification/evidence", {"kind": "phone_confirmed", "reference": "otp"}), 201)
    made = ok(desk.api.as_("group-admin@demo-group").post(
        "/v1/group/campaigns", {**campaign("group", requires_consent=["group_marketing"]), "name": "HQ conversion"}), 201)
    identity = ok(desk.officer.get(f"/v1/customers/{cid}"))["identity_hash"]
    path = f"/v1/group/campaigns/{made['campaign_id']}"

    def hq_lead() -> tuple[dict, dict]:
        view = ok(desk.api.as_("group-risk@demo-group").get(path))
        return next(x for x in view["leads"] if x["identity_hash"] == identity and x["receiving_subsidiary"] == "demo-lending"), view["totals"]

    lead, _ = hq_lead()
    assert (lead["applied"], lead["converted"]) == (False, False)
    disbursed_to(desk, cid)
    lead, totals = hq_lead()
    assert (lead["applied"], lead["converted"]) == (True, True) and lead["applications"][0]["status"] == "disbursed"
    assert totals["applied"] >= 1 and totals["converted"] >= 1
