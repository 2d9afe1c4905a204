"""Monthly grades kept point-in-time, overrides on four eyes, the close-of-business step, and the
customer 360 with its role redaction — through the API on the embedded AWS.

demo-lending's business date is moved for these tests (``TenantCalendar``) to far-future month ends,
so the months graded here are the latest whatever other suites closed before."""
from __future__ import annotations

from datetime import date

import pytest

from tests.integration.customers.conftest import TenantCalendar
from tests.integration.customers.journeys import borrower, disbursed_to, repay
from tests.integration.origination.flows import Desk, ok
from tests.support import TEST_BUSINESS_DATE

JAN, FEB = date(2031, 1, 31), date(2031, 2, 28)
ADMIN, PM = "tenant-admin@demo-lending", "product-manager@demo-lending"


@pytest.fixture(scope="module")
def book(shared_api, servicing_routes):
    """A borrower with a disbursed, partly repaid loan, and a registered customer with nothing."""
    from chalicelib.shared import clock

    desk = Desk(shared_api, "demo-lending")
    cid = borrower(desk)
    ok(desk.officer.post(f"/v1/customers/{cid}/verification/evidence", {"kind": "phone_confirmed", "reference": "otp"}), 201)
    contract = disbursed_to(desk, cid)
    repay(desk, contract["id"], "3000.00", clock.business_date(_ctx()))
    idle = borrower(desk)
    original = clock._calendar
    calendar = TenantCalendar(original, "demo-lending", JAN)
    clock.use(calendar=calendar)
    yield {"desk": desk, "customer": cid, "idle": idle, "contract": contract, "calendar": calendar}
    clock.use(calendar=original)


def _ctx():
    from tests.integration.origination.conftest import staff_context

    return staff_context("demo-lending", "tenant-admin")


def test_a_month_is_graded_once_and_re_running_it_changes_nothing(book):
    api = book["desk"].api
    run = api.as_(ADMIN).post("/v1/customer-grades/runs", {"month": "2031-01"})
    assert run.status == 201 and run.body["rerun"] is False and run.body["customers"] >= 2
    graded = ok(api.as_("viewer@demo-lending").get(f"/v1/customers/{book['customer']}/grades"))
    kept = graded["history"][0]
    assert kept["month"] == "2031-01" and graded["value_grade"] == kept["value_grade"]
    assert kept["facts"]["outstanding"] != "0" and kept["facts"]["products_held"] == 1
    idle = ok(api.as_("viewer@demo-lending").get(f"/v1/customers/{book['idle']}/grades"))["history"][0]
    assert (idle["value_grade"], idle["activity_grade"]) == ("D", "DORMANT")

    # The facts change (another repayment), the month is run again: the kept grade does not move.
    repay(book["desk"], book["contract"]["id"], "500.00", TEST_BUSINESS_DATE)
    again = api.as_(ADMIN).post("/v1/customer-grades/runs", {"month": "2031-01"})
    assert again.status == 200 and again.body["rerun"] is True and again.body["run_at"] == run.body["run_at"]
    after = ok(api.as_("viewer@demo-lending").get(f"/v1/customers/{book['customer']}/grades"))["history"][0]
    assert after == kept

    before = api.as_(ADMIN).post("/v1/customer-grades/runs", {"month": "2030-12"})
    assert (before.status, before.code) == (422, "customers.grades.month_before_latest")
    ahead = api.as_(ADMIN).post("/v1/customer-grades/runs", {"month": "2031-02"})
    assert (ahead.status, ahead.code) == (422, "customers.grades.month_not_ended")
    assert api.as_("collector@demo-lending").post("/v1/customer-grades/runs", {}).code == "auth.role.forbidden"
    assert "2031-01" in [r["month"] for r in ok(api.as_("viewer@demo-lending").get("/v1/customer-grades/runs"))["items"]]

    # HQ sees the subsidiary's grade on the customer's group relationship.
    hash_ = ok(api.as_("viewer@demo-lending").get(f"/v1/customers/{book['customer']}"))["identity_hash"]
    hq = ok(api.as_("group-risk@demo-group").get(f"/v1/group/relationships/{hash_}"))
    assert hq["relationships"][0]["value_grade"] == kept["value_grade"] and hq["group_grade"] == kept["value_grade"]
    assert hq["relationships"][0]["products"] == ["CONSUMER-INSTALMENT"]


def test_overrides_need_a_reason_an_expiry_and_a_second_person_upgrades_at_once_downgrades_at_month_end(book):
    api, cid = book["desk"].api, book["idle"]
    path = f"/v1/customers/{cid}/grade-overrides"
    no_reason = api.as_(ADMIN).post(path, {"grade": "A", "expires_on": "2031-06-30"})
    assert (no_reason.status, no_reason.code) == (422, "customers.reason.required")
    past = api.as_(ADMIN).post(path, {"grade": "A", "reason": "strategic client", "expires_on": "2031-01-31"})
    assert (past.status, past.code) == (422, "customers.override.expires_on.invalid")
    unknown = api.as_(ADMIN).post(path, {"grade": "Z", "reason": "strategic client", "expires_on": "2031-06-30"})
    assert (unknown.status, unknown.code) == (422, "customers.override.grade.invalid")

    up = ok(api.as_(ADMIN).post(path, {"grade": "A", "reason": "strategic client", "expires_on": "2031-06-30"}), 201)
    assert up["direction"] == "upgrade" and up["status"] == "pending"
    own = api.as_(ADMIN).post(f"{path}/{up['override_id']}/approve", {})
    assert (own.status, own.code) == (403, "customers.override.self_approval")
    assert ok(api.as_("viewer@demo-lending").get(f"/v1/customers/{cid}/grades"))["value_grade"] == "D"
    ok(api.as_(PM).post(f"{path}/{up['override_id']}/approve", {"note": "agreed"}))
    now = ok(api.as_("viewer@demo-lending").get(f"/v1/customers/{cid}/grades"))
    assert now["value_grade"] == "A" and now["source"] == f"override:{up['override_id']}"  # at once
    again = api.as_(PM).post(f"{path}/{up['override_id']}/approve", {})
    assert (again.status, again.code) == (409, "customers.override.illegal_transition")

    # A downgrade approved in February waits for February's run, which close of business makes.
    book["calendar"].on = date(2031, 2, 10)
    down = ok(api.as_(PM).post(path, {"grade": "C", "reason": "arrears elsewhere", "expires_on": "2031-12-31"}), 201)
    assert down["direction"] == "downgrade"
    ok(api.as_(ADMIN).post(f"{path}/{down['override_id']}/approve", {}))
    assert ok(api.as_("viewer@demo-lending").get(f"/v1/customers/{cid}/grades"))["value_grade"] == "A"

    from chalicelib.closing import cob

    book["calendar"].on = FEB
    assert cob._TENANT_STEP["customer_grades"](_ctx(), date(2031, 2, 27), {}) == {"graded": 0, "month": None}
    step = cob._TENANT_STEP["customer_grades"](_ctx(), FEB, {})
    assert step["month"] == "2031-02" and step["graded"] >= 2 and step["rerun"] is False
    graded = ok(api.as_("viewer@demo-lending").get(f"/v1/customers/{cid}/grades"))
    assert graded["value_grade"] == "C" and graded["history"][0]["computed_value_grade"] == "D"
    assert graded["history"][0]["override_id"] == down["override_id"]
    assert [m["month"] for m in graded["history"]] == ["2031-02", "2031-01"]
    assert graded["history"][1]["value_grade"] == "D"  # January as it was graded
    assert cob._TENANT_STEP["customer_grades"](_ctx(), FEB, {})["rerun"] is True


def test_the_360_shows_everything_to_the_desk_and_what_collections_needs_to_a_collector(book):
    api, cid = book["desk"].api, book["customer"]
    full = ok(api.as_(ADMIN).get(f"/v1/customers/{cid}/360"))
    assert full["profile"]["annual_income"] == "240000.00" and full["redacted"] == []
    assert full["verification"]["level"] == "phone_verified" and full["verification"]["evidence"]
    assert full["applications"][0]["documents"] and full["grades"]["history"]
    contract = full["contracts"][0]
    assert contract["contract_id"] == book["contract"]["id"] and contract["bucket"] == "current"
    assert contract["outstanding_principal"] != "0"
    assert full["repayments"]["by_channel"] == [{"channel": "api", "count": 2, "amount": "3500.00"}]
    kinds = {row["kind"] for row in full["timeline"]}
    assert {"evidence", "level", "application", "disbursement", "repayment", "grade"} <= kinds

    collector = ok(api.as_("collector@demo-lending").get(f"/v1/customers/{cid}/360"))
    assert "annual_income" not in collector["profile"] and collector["profile"]["contact"]["phone"]
    assert all("documents" not in a for a in collector["applications"])
    assert collector["grades"] is None and collector["consents"] is None
    assert "evidence" not in collector["verification"] and collector["verification"]["level"] == "phone_verified"
    assert collector["contracts"] == full["contracts"] and collector["repayments"] == full["repayments"]
    assert "profile.annual_income" in collector["redacted"]

    viewer = ok(api.as_("viewer@demo-lending").get(f"/v1/customers/{cid}/360"))
    assert "contact" not in viewer["profile"] and viewer["grades"] is not None


def test_the_plain_customer_read_applies_the_360s_redaction_table(book):
    api, cid = book["desk"].api, book["customer"]
    assert ok(api.as_(ADMIN).get(f"/v1/customers/{cid}"))["annual_income"] == "240000.00"
    collector = ok(api.as_("collector@demo-lending").get(f"/v1/customers/{cid}"))
    assert collector["annual_income"] is None and collector["contact"]["phone"]
    listed = ok(api.as_("collector@demo-lending").get("/v1/customers?limit=200"))["items"]
    assert listed and all(c["annual_income"] is None for c in listed)
    viewer = ok(api.as_("viewer@demo-lending").get(f"/v1/customers/{cid}"))
    assert viewer["annual_income"] is None and viewer["contact"] == {}


def test_the_360_lists_the_customer_s_facilities_with_balances_and_a_timeline_entry_per_event(book):
    from chalicelib.shared import clock
    from tests.integration.facilities.conftest import active_facility

    api, cid = book["desk"].api, book["idle"]
    assert ok(api.as_(ADMIN).get(f"/v1/customers/{cid}/360"))["facilities"] == []
    clock.use(calendar=book["calendar"].inner)  # the facility is applied for on the suite's business date
    try:
        fid = active_facility("demo-lending", cid, "50000.00")
    finally:
        clock.use(calendar=book["calendar"])
    view = ok(api.as_("collector@demo-lending").get(f"/v1/customers/{cid}/360"))
    assert view["facilities"] == [{
        "facility_id": fid, "status": "active", "currency": "CNY", "revolving": False, "amount": "50000.00",
        "utilized": "0", "blocked": "0", "available": "50000.00",
        "valid_from": TEST_BUSINESS_DATE.isoformat(), "valid_to": view["facilities"][0]["valid_to"],
        "drawable": view["facilities"][0]["drawable"], "history": view["facilities"][0]["history"]}]
    events = [row for row in view["timeline"] if row["kind"] == "facility"]
    actions = [h["action"] for h in view["facilities"][0]["history"]]
    assert len(events) == len(actions) >= 4 and actions[0] == "apply" and actions[-1] == "activate"
    assert any(row["summary"] == f"{fid} activate → active" for row in events)
