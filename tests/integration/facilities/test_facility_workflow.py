"""A facility's workflow over HTTP: segregation of duties on the token's sub, the 409 table, bad input,
tenant isolation, and an application drawing on it (block on submission, release on withdrawal)."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from tests.builders import cognito_user, enterprise, loan_application
from tests.integration.facilities.conftest import active_facility, new_customer, staff
from tests.support import TEST_BUSINESS_DATE

D = TEST_BUSINESS_DATE.isoformat()
LATER = TEST_BUSINESS_DATE.replace(year=TEST_BUSINESS_DATE.year + 1).isoformat()


def apply(api, cid, amount="2000000.00", **over):
    return api.post("/v1/facilities", {"customer_id": cid, "amount": amount, "revolving": True,
                                       "valid_from": D, "valid_to": LATER, **over})


@pytest.fixture(scope="module")
def customer_id(local_env, chalice_app):
    return new_customer("demo-lending").customer_id


def test_above_the_threshold_two_different_reviewers_approve_and_the_maker_reviews_nothing(api, customer_id):
    officer = api.as_("loan-officer@demo-lending")
    created = apply(officer, customer_id, sub_limits=[{"product_kind": "loan", "amount": "1500000.00"}])
    assert created.status == 201, created.body
    fid = created.body["facility_id"]
    assert created.body["status"] == "applied" and created.body["available"] == "2000000.00"

    # the maker may not review, even holding a reviewer's role (segregation on the sub, not the role)
    both = cognito_user("demo-lending", ["loan-officer", "first-reviewer"], prefix="maker")
    mine = apply(api.as_(both), customer_id).body["facility_id"]
    r = api.as_(both).post(f"/v1/facilities/{mine}/transitions", {"action": "claim"})
    assert (r.status, r.code) == (403, "facilities.review.own_facility")

    first = api.as_("first-reviewer@demo-lending")
    assert first.post(f"/v1/facilities/{fid}/transitions", {"action": "claim"}).status == 200
    r = first.post(f"/v1/facilities/{fid}/transitions", {"action": "approve"})
    assert (r.status, r.body["status"]) == (200, "second_review")  # 2,000,000 is above the 1,000,000 default

    # the same person cannot be both reviewers
    dual = cognito_user("demo-lending", ["first-reviewer", "second-reviewer"], prefix="dual")
    other = apply(officer, customer_id).body["facility_id"]
    api.as_(dual).post(f"/v1/facilities/{other}/transitions", {"action": "claim"})
    api.as_(dual).post(f"/v1/facilities/{other}/transitions", {"action": "approve"})
    r = api.as_(dual).post(f"/v1/facilities/{other}/transitions", {"action": "approve"})
    assert (r.status, r.code) == (403, "facilities.review.same_reviewer")

    r = api.as_("second-reviewer@demo-lending").post(f"/v1/facilities/{fid}/transitions", {"action": "approve"})
    assert (r.status, r.body["status"]) == (200, "approved")
    r = officer.post(f"/v1/facilities/{fid}/transitions", {"action": "activate"})
    assert r.body["status"] == "active" and r.body["allowed_actions"] == ["freeze", "expire", "close"]
    history = [(h["action"], h["from_status"], h["to_status"]) for h in r.body["history"]]
    assert history == [("apply", None, "applied"), ("claim_first", "applied", "first_review"),
                       ("escalate", "first_review", "second_review"), ("approve_second", "second_review", "approved"),
                       ("activate", "approved", "active")]


def test_an_illegal_transition_is_409_listing_the_allowed_actions_and_changes_nothing(api, customer_id):
    fid = apply(api.as_("loan-officer@demo-lending"), customer_id, amount="1000.00").body["facility_id"]
    r = api.as_("tenant-admin@demo-lending").post(f"/v1/facilities/{fid}/transitions", {"action": "freeze"})
    assert (r.status, r.code) == (409, "facilities.facility.illegal_transition")
    assert r.body["error"]["details"]["allowed_actions"] == ["claim_first", "withdraw"]
    assert api.as_("viewer@demo-lending").get(f"/v1/facilities/{fid}").body["status"] == "applied"
    r = api.as_("viewer@demo-lending").post(f"/v1/facilities/{fid}/transitions", {"action": "claim"})
    assert (r.status, r.code) == (403, "auth.role.forbidden")


@pytest.mark.parametrize("over, code", [
    ({"amount": "1000.001"}, "facilities.amount.invalid"),
    ({"amount": "-5.00"}, "facilities.amount.invalid"),
    ({"valid_to": "2020-01-01"}, "facilities.valid_to.invalid"),
    ({"sub_limits": [{"product_kind": "loan", "amount": "9999999.00"}]}, "facilities.sub_limit.invalid"),
    ({"sub_limits": [{"product_kind": "yacht", "amount": "10.00"}]}, "facilities.sub_limit.invalid"),
    ({"customer_id": "cus_nobody"}, "facilities.customer.not_found"),
    ({"currency": "ZZZ"}, "facilities.currency.invalid"),
])
def test_bad_input_is_a_422_with_a_stable_code_and_creates_nothing(api, customer_id, over, code):
    officer = api.as_("loan-officer@demo-lending")
    before = len(officer.get(f"/v1/facilities?customer_id={customer_id}").body["items"])
    r = apply(officer, customer_id, **over)
    assert r.status == 422 and r.code.startswith(code.rsplit(".", 1)[0]), r.body
    assert len(officer.get(f"/v1/facilities?customer_id={customer_id}").body["items"]) == before


def test_another_tenants_facility_is_404(api, customer_id):
    fid = apply(api.as_("loan-officer@demo-lending"), customer_id, amount="1000.00").body["facility_id"]
    r = api.as_("loan-officer@demo-leasing").get(f"/v1/facilities/{fid}")
    assert (r.status, r.code) == (404, "facilities.facility.not_found")
    r = api.as_("tenant-admin@demo-leasing").post(f"/v1/facilities/{fid}/transitions", {"action": "freeze"})
    assert r.status == 404
    assert all(f["facility_id"] != fid for f in api.as_("viewer@demo-leasing").get("/v1/facilities").body["items"])


def test_an_application_blocks_on_submission_and_releases_on_withdrawal(api, local_env):
    from chalicelib.local.demo.products import seed_demo_products

    seed_demo_products()
    officer = api.as_("loan-officer@demo-lending")
    cid = new_customer("demo-lending", individual=True).customer_id
    fid = active_facility("demo-lending", cid, "50000.00", sub_limits=((None, "loan", Decimal("40000.00")),))
    app = officer.post("/v1/applications", loan_application(cid, facility_id=fid))
    assert app.status == 201, app.body
    app_id = app.body["id"]
    from tests.builders import attach_checklist, LOAN_PRODUCT

    attach_checklist(officer, app_id, LOAN_PRODUCT)
    r = officer.post(f"/v1/applications/{app_id}/submit")
    assert r.status == 200, r.body
    f = officer.get(f"/v1/facilities/{fid}").body
    assert (f["blocked"], f["available"]) == ("30000.00", "20000.00")
    assert f["sub_limits"][0]["available"] == "10000.00"
    assert f["drawdowns"][0]["status"] == "pending"

    # a second application for more than is left is refused at submission and stays a draft
    second = officer.post("/v1/applications", loan_application(cid, facility_id=fid, principal="20000.00")).body
    attach_checklist(officer, second["id"], LOAN_PRODUCT)
    r = officer.post(f"/v1/applications/{second['id']}/submit")
    assert (r.status, r.code) == (422, "facilities.drawdown.exceeds_sub_limit"), r.body
    assert officer.get(f"/v1/applications/{second['id']}").body["status"] == "draft"

    r = officer.post(f"/v1/applications/{app_id}/withdraw", {"reason": "customer changed mind"})
    assert r.status == 200, r.body
    f = officer.get(f"/v1/facilities/{fid}").body
    assert (f["blocked"], f["available"], f["drawdowns"][-1]["status"]) == ("0", "50000.00", "voided") or \
        (f["blocked"], f["available"]) == ("0.00", "50000.00")


def test_a_frozen_facility_refuses_new_drawdowns(api, customer_id, local_env):
    from chalicelib.local.demo.products import seed_demo_products

    seed_demo_products()
    officer = api.as_("loan-officer@demo-lending")
    cid = new_customer("demo-lending", individual=True).customer_id
    fid = active_facility("demo-lending", cid, "50000.00")
    assert api.as_("tenant-admin@demo-lending").post(f"/v1/facilities/{fid}/transitions",
                                                      {"action": "freeze", "reason": "overdue elsewhere"}).status == 200
    r = officer.post("/v1/applications", loan_application(cid, facility_id=fid))
    assert (r.status, r.code) == (422, "facilities.drawdown.facility_frozen"), r.body
    r = officer.post("/v1/applications", loan_application(cid, facility_id="fac_not_ours"))
    assert (r.status, r.code) == (422, "origination.application.facility_not_found"), r.body


def test_close_of_business_expires_a_facility_the_day_after_its_validity_ends(local_env):
    """Given an active facility valid through D, when close of business closes D-1 it stays active; when it
    closes D its status says expired (the drawdown check already refused it from D+1)."""
    from chalicelib.closing import cob
    from chalicelib.credit import service

    tenant, last_day = "demo-lending", TEST_BUSINESS_DATE + timedelta(days=30)
    fid = active_facility(tenant, new_customer(tenant).customer_id, valid_to=last_day)
    ctx = staff(tenant, "tenant-admin")
    cob._TENANT_STEP["expire_facilities"](ctx, last_day - timedelta(days=1), {})
    assert service.get_facility(ctx, fid)["status"] == "active"
    assert cob._TENANT_STEP["expire_facilities"](ctx, last_day, {})["expired"] >= 1
    assert service.get_facility(ctx, fid)["status"] == "expired"
