"""Builders for common test objects: valid identity numbers, customers."""
from __future__ import annotations

import random

from chalicelib.shared.identity import resident_id_check_digit, uscc_check_char
from tests.support import TEST_BUSINESS_DATE

_rng = random.Random()


def resident_id(birth: str = "19850315", region: str = "310101") -> str:
    """A resident ID number with a valid check digit (random sequence part)."""
    first17 = f"{region}{birth}{_rng.randrange(1000):03d}"
    return first17 + resident_id_check_digit(first17)


def uscc() -> str:
    """A unified social credit code with a valid check character."""
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    first17 = "91310000" + "".join(_rng.choice(alphabet) for _ in range(9))
    return first17 + uscc_check_char(first17)


def individual(**over) -> dict:
    body = {"type": "individual", "name": "张三", "identity_type": "resident_id", "identity_number": resident_id(),
            "contact": {"phone": "+86 138 0000 0000"}, "region": "310000",
            "annual_income": "240000.00"}
    return {**body, **over}


def enterprise(**over) -> dict:
    body = {"type": "enterprise", "name": "上海示例制造有限公司", "identity_type": "uscc", "identity_number": uscc(),
            "industry": "C36", "region": "310000", "established_on": "2015-06-01"}
    return {**body, **over}


# --- origination: applications, documents, users -------------------------------------------------

DOCUMENT_BYTES = b"%PDF-1.4\n% Jinkong test document\n"

LOAN_PRODUCT = "CONSUMER-INSTALMENT"  # demo-lending, individuals, second review above 50,000
SME_PRODUCT = "SME-OPERATING"  # demo-lending, enterprises, always a second review
LEASE_PRODUCT = "DIRECT-LEASE"  # demo-leasing, always a second review
FACTORING_PRODUCT = "RECOURSE-FACTORING"  # demo-factoring, second review above 5,000,000

CHECKLISTS = {
    LOAN_PRODUCT: ("ID_CARD", "INCOME_PROOF"),
    SME_PRODUCT: ("BUSINESS_LICENCE", "LEGAL_REP_ID", "FINANCIAL_STATEMENTS", "TAX_RECORDS"),
    LEASE_PRODUCT: ("BUSINESS_LICENCE", "EQUIPMENT_QUOTATION", "PURCHASE_CONTRACT", "FINANCIAL_STATEMENTS"),
    "SALE-LEASEBACK": ("BUSINESS_LICENCE", "ASSET_OWNERSHIP", "VALUATION_REPORT", "FINANCIAL_STATEMENTS"),
    FACTORING_PRODUCT: ("BUSINESS_LICENCE", "INVOICES", "TRADE_CONTRACT", "ASSIGNMENT_NOTICE"),
    "REVERSE-FACTORING": ("INVOICES", "CONFIRMATION", "TRADE_CONTRACT"),
}


def loan_application(customer_id: str, **over) -> dict:
    """A consumer instalment loan: 30,000 over 12 months (terms at the top level, as a form posts them)."""
    return {"product_code": LOAN_PRODUCT, "customer_id": customer_id, "principal": "30000.00", "term": 12,
            "annual_rate": "0.1280", **over}


def asset(**over) -> dict:
    return {"description": "数控加工中心 CNC machining centre", "supplier": "沈阳机床股份有限公司",
            "price": "1200000.00", "serial": f"SN-{_rng.randrange(10**8):08d}", "quantity": 1, **over}


def lease_application(customer_id: str, **over) -> dict:
    """A direct finance lease of one machine: 1,000,000 financed over 12 quarters."""
    return {"product_code": LEASE_PRODUCT, "customer_id": customer_id,
            "terms": {"principal": "1000000.00", "term": 12, "frequency": "quarterly"}, "assets": [asset()], **over}


def invoice(debtor_customer_id: str, **over) -> dict:
    """An invoice issued a week ago, due in 60 days (within the factoring products' tenors)."""
    from datetime import timedelta

    today = TEST_BUSINESS_DATE
    return {"number": f"INV-{_rng.randrange(10**10):010d}", "debtor_customer_id": debtor_customer_id,
            "face_amount": "600000.00", "issue_date": (today - timedelta(days=7)).isoformat(),
            "due_date": (today + timedelta(days=60)).isoformat(), **over}


def factoring_application(customer_id: str, debtor_customer_id: str, **over) -> dict:
    return {"product_code": FACTORING_PRODUCT, "customer_id": customer_id, "terms": {"advance_rate": "0.80"},
            "invoices": [invoice(debtor_customer_id)], **over}


def upload_body(type_: str, body: bytes = DOCUMENT_BYTES, **over) -> dict:
    import hashlib

    return {"type": type_, "file_name": f"{type_.lower()}.pdf", "content_type": "application/pdf",
            "size": len(body), "sha256": hashlib.sha256(body).hexdigest(), **over}


def put_presigned(upload: dict, body: bytes = DOCUMENT_BYTES) -> int:
    """PUT the bytes to a presigned URL (the embedded S3, on loopback), with the headers it demands."""
    import urllib.request

    req = urllib.request.Request(upload["url"], data=body, method=upload["method"], headers=upload["headers"])
    with urllib.request.urlopen(req, timeout=30) as resp:  # noqa: S310 — loopback emulator
        return resp.status


def attach(api, application_id: str, type_: str, body: bytes = DOCUMENT_BYTES) -> str:
    """Request an upload, upload, confirm; returns the document id. ``api`` is already ``as_(user)``."""
    r = api.post(f"/v1/applications/{application_id}/documents", upload_body(type_, body))
    assert r.status == 201, r.body
    put_presigned(r.body["upload"], body)
    doc_id = r.body["document"]["id"]
    c = api.post(f"/v1/applications/{application_id}/documents/{doc_id}/confirm")
    assert c.status == 200, c.body
    return doc_id


def attach_checklist(api, application_id: str, product_code: str) -> list[str]:
    return [attach(api, application_id, t) for t in CHECKLISTS[product_code]]


def cognito_user(tenant_id: str, roles: list[str], prefix: str = "user") -> str:
    """A user of ``tenant_id`` with these roles (and the demo password), for segregation tests."""
    from chalicelib.local.seed import demo_password
    from chalicelib.shared.tenant import Role
    from chalicelib.tenancy.identity import CognitoDirectory

    username = f"{prefix}-{_rng.randrange(10**8):08d}@{tenant_id}"
    CognitoDirectory().create_user(username, tenant_id, [Role(r) for r in roles], password=demo_password(),
                                   permanent=True)
    return username


def adult_individual(**over) -> dict:
    """An individual of 30 to 50 (inside every demo product's age band), unlikely to collide with another."""

    year = TEST_BUSINESS_DATE.year - _rng.randrange(30, 50)
    birth = f"{year}{_rng.randrange(1, 13):02d}{_rng.randrange(1, 29):02d}"
    return individual(identity_number=resident_id(birth=birth), **over)
