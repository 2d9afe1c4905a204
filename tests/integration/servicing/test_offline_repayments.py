"""Offline repayment: a bank voucher uploaded by the finance user who records it, confirmed by another."""
from __future__ import annotations

import hashlib
import urllib.error
from decimal import Decimal

import pytest

from tests.builders import cognito_user, put_presigned
from tests.integration.origination.flows import ok
from tests.integration.servicing.flows import contract, disbursed_loan, key

VOUCHER = b"%PDF-1.4 bank transfer voucher " + b"x" * 64


def voucher(body: bytes = VOUCHER) -> dict:
    return {"file_name": "回单 voucher.pdf", "content_type": "application/pdf", "size": len(body),
            "sha256": hashlib.sha256(body).hexdigest()}


@pytest.fixture(scope="module")
def checker() -> str:
    return cognito_user("demo-lending", ["finance"], prefix="checker")


def test_an_offline_repayment_is_applied_only_once_another_finance_user_confirms_its_voucher(desk, api, checker):
    made = disbursed_loan(desk)
    maker, headers = desk.as_("finance"), key()
    path = f"/v1/contracts/{made['id']}/offline-repayments"
    body = {"amount": "250.00", "reference": "BANK-77", "voucher": voucher()}
    for role in ("viewer", "collector"):
        assert desk.as_(role).post(path, body, headers=key()).status == 403
    assert maker.post(path, body).code == "servicing.idempotency_key.required"
    recorded = ok(maker.post(path, body, headers=headers), 201)
    assert recorded["status"] == "awaiting_confirmation" and recorded["recorded_by"].startswith("finance@")
    assert ok(maker.post(path, body, headers=headers), 201)["id"] == recorded["id"]
    clash = maker.post(path, {**body, "amount": "251.00"}, headers=headers)
    assert (clash.status, clash.code) == (409, "servicing.idempotency.mismatch")
    assert Decimal(contract(desk, made["id"])["suspense"]) == 0  # nothing posted yet

    confirm = f"/v1/offline-repayments/{recorded['id']}/confirm"
    not_yet = api.as_(checker).post(confirm)
    assert (not_yet.status, not_yet.code) == (422, "servicing.voucher.not_uploaded")
    assert put_presigned(recorded["upload"], VOUCHER) == 200
    own = maker.post(confirm)
    assert (own.status, own.code) == (403, "servicing.maker_checker")
    assert desk.as_("viewer").post(confirm).status == 403
    done = ok(api.as_(checker).post(confirm))
    assert done["status"] == "confirmed" and done["confirmed_by"] == checker and done["repayment_id"]
    assert ok(api.as_(checker).post(confirm))["repayment_id"] == done["repayment_id"]
    repayment = ok(desk.as_("viewer").get(f"/v1/repayments/{done['repayment_id']}"))
    assert repayment["amount"] == "250.00" and repayment["overpayment"] == "250.00"
    detail = contract(desk, made["id"])
    assert Decimal(detail["suspense"]) == Decimal(detail["balances"]["suspense"]) == Decimal("250.00")
    assert ok(desk.as_("viewer").get(f"/v1/offline-repayments/{recorded['id']}"))["status"] == "confirmed"


def test_a_voucher_that_is_not_the_declared_one_is_refused(desk, api, checker):
    made = disbursed_loan(desk)
    other = b"%PDF-1.4 another file, same size " + b"y" * (len(VOUCHER) - 33)
    recorded = ok(desk.as_("finance").post(f"/v1/contracts/{made['id']}/offline-repayments",
                                           {"amount": "10.00", "voucher": voucher()}, headers=key()), 201)
    try:  # S3 refuses a body whose checksum differs from the signed one; the embedded moto may store it
        uploaded = put_presigned(recorded["upload"], other) == 200
    except urllib.error.HTTPError:
        uploaded = False
    refused = api.as_(checker).post(f"/v1/offline-repayments/{recorded['id']}/confirm")
    expected = "servicing.voucher.mismatch" if uploaded else "servicing.voucher.not_uploaded"
    assert (refused.status, refused.code) == (422, expected)
    assert ok(desk.as_("viewer").get(f"/v1/offline-repayments/{recorded['id']}"))["status"] == "awaiting_confirmation"


def test_checkers_find_offline_repayments_in_the_queue_and_on_the_contract(desk, api, checker):
    made, other = disbursed_loan(desk), disbursed_loan(desk)
    maker = desk.as_("finance")
    path = f"/v1/contracts/{made['id']}/offline-repayments"
    first = ok(maker.post(path, {"amount": "11.00", "voucher": voucher()}, headers=key()), 201)
    second = ok(maker.post(path, {"amount": "12.00", "voucher": voucher()}, headers=key()), 201)
    elsewhere = ok(maker.post(f"/v1/contracts/{other['id']}/offline-repayments",
                              {"amount": "13.00", "voucher": voucher()}, headers=key()), 201)

    def ids(res) -> list[str]:
        return [r["id"] for r in ok(res)["items"]]

    queue = ids(api.as_(checker).get("/v1/offline-repayments?limit=200"))  # pending is the default
    assert queue.index(elsewhere["id"]) < queue.index(second["id"]) < queue.index(first["id"])  # newest first
    listed = next(r for r in ok(api.as_(checker).get("/v1/offline-repayments?status=pending&limit=200"))["items"]
                  if r["id"] == second["id"])
    assert listed["amount"] == "12.00" and listed["contract_id"] == made["id"] and listed["recorded_at"]
    assert listed["upload"] is None and listed["status"] == "awaiting_confirmation"
    assert ids(desk.as_("viewer").get(path)) == [second["id"], first["id"]]  # only this contract's

    page = ok(api.as_(checker).get("/v1/offline-repayments?limit=1"))
    assert len(page["items"]) == 1 and page["next"]
    assert ids(api.as_(checker).get(f"/v1/offline-repayments?limit=1&next={page['next']}")) != \
        [page["items"][0]["id"]]
    assert ids(desk.as_("viewer").get(f"{path}?limit=1")) == [second["id"]]

    assert put_presigned(second["upload"], VOUCHER) == 200
    ok(api.as_(checker).post(f"/v1/offline-repayments/{second['id']}/confirm"))
    pending = ids(api.as_(checker).get("/v1/offline-repayments?limit=200"))
    assert second["id"] not in pending and first["id"] in pending
    assert second["id"] in ids(api.as_(checker).get("/v1/offline-repayments?status=confirmed&limit=200"))
    on_contract = ok(desk.as_("viewer").get(path))["items"]
    assert [(r["id"], r["status"]) for r in on_contract] == [(second["id"], "confirmed"),
                                                            (first["id"], "awaiting_confirmation")]
    bogus = api.as_(checker).get("/v1/offline-repayments?status=awaiting")
    assert bogus.status in (400, 422)


def test_another_subsidiary_sees_none_of_this_ones_offline_repayments(desk, api):
    made = disbursed_loan(desk)
    path = f"/v1/contracts/{made['id']}/offline-repayments"
    recorded = ok(desk.as_("finance").post(path, {"amount": "5.00", "voucher": voucher()}, headers=key()), 201)
    stranger = api.as_("finance@demo-leasing")
    for status in ("pending", "confirmed"):
        seen = {r["id"] for r in ok(stranger.get(f"/v1/offline-repayments?status={status}&limit=200"))["items"]}
        assert recorded["id"] not in seen
    assert stranger.get(path).status == 404
    assert stranger.get(f"/v1/offline-repayments/{recorded['id']}").status == 404
    page = ok(api.as_("finance@demo-lending").get("/v1/offline-repayments?limit=1"))
    assert stranger.get(f"/v1/offline-repayments?next={page['next']}").code == "request.cursor.invalid"


def test_one_person_holding_several_roles_confirms_others_offline_repayments_never_its_own(desk, api):
    # Given a finance user who is also collector and tenant admin
    both = api.as_(cognito_user("demo-lending", ["finance", "collector", "tenant-admin"], prefix="finance-multi"))
    made = disbursed_loan(desk)
    path = f"/v1/contracts/{made['id']}/offline-repayments"
    others = ok(desk.as_("finance").post(path, {"amount": "10.00", "voucher": voucher()}, headers=key()), 201)
    put_presigned(others["upload"], VOUCHER)
    assert ok(both.post(f"/v1/offline-repayments/{others['id']}/confirm"))["status"] == "confirmed"  # roles allow it
    # When it confirms what it recorded itself, the segregation rule refuses
    own = ok(both.post(path, {"amount": "11.00", "voucher": voucher()}, headers=key()), 201)
    put_presigned(own["upload"], VOUCHER)
    r = both.post(f"/v1/offline-repayments/{own['id']}/confirm")
    assert (r.status, r.code) == (403, "servicing.maker_checker")
    assert ok(desk.as_("viewer").get(f"/v1/offline-repayments/{own['id']}"))["status"] == "awaiting_confirmation"
