"""HQ's group customer view follows the money: servicing refreshes the customer's relationship record on
disbursement and on repayment (through its ``customer_effects`` seam), with no grade run in between."""
from __future__ import annotations

from decimal import Decimal

from tests.integration.customers.journeys import borrower, disbursed_to, repay
from tests.integration.origination.flows import Desk, ok

HQ = "group-risk@demo-group"


def _card(api, identity_hash: str) -> dict:
    rows = ok(api.as_(HQ).get(f"/v1/group/relationships/{identity_hash}"))["relationships"]
    assert [r["subsidiary_id"] for r in rows] == ["demo-lending"]
    return rows[0]


def test_disbursement_and_repayment_republish_the_customer_s_relationship_record_for_hq(shared_api, servicing_routes):
    from chalicelib.shared import clock
    from tests.integration.origination.conftest import staff_context

    desk = Desk(shared_api, "demo-lending")
    cid = borrower(desk)
    identity = ok(desk.officer.get(f"/v1/customers/{cid}"))["identity_hash"]
    ok(desk.officer.post(f"/v1/customers/{cid}/verification/evidence", {"kind": "phone_confirmed", "reference": "otp"}), 201)
    before = _card(desk.api, identity)  # published by the level change
    assert before["exposure"] == "0" and before["products"] == []

    contract = disbursed_to(desk, cid)
    outstanding = ok(desk.as_("finance").get(f"/v1/contracts/{contract['id']}"))
    disbursed = _card(desk.api, identity)
    assert disbursed["products"] == [outstanding["product_code"]]
    assert Decimal(disbursed["exposure"]) > 0
    assert Decimal(disbursed["outstanding_principal"]) == Decimal(outstanding["principal"])

    paid = repay(desk, contract["id"], "3000.00", clock.business_date(staff_context("demo-lending", "finance")))
    repaid = _card(desk.api, identity)
    # received before the first due date, the money waits in suspense: the record is republished at
    # once (no grade run between) with the books' figures as they now stand
    assert paid["status"] == "posted" and paid["overpayment"] == "3000.00"
    assert repaid["published_at"] > disbursed["published_at"] > before["published_at"]
    assert repaid["exposure"] == outstanding["outstanding"]
