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
