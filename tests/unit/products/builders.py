"""Builders for product definitions and actors: valid by default, override only what a test is about."""
from __future__ import annotations

import copy
import uuid
from datetime import datetime, timezone
from typing import Any

from chalicelib.products.definition import ProductKind, check_definition, merge_patch
from chalicelib.products.domain import Actor
from chalicelib.shared.tenant import Role, TenantContext, TenantKind

ACCOUNTS = {"principal": "1303", "interest_receivable": "1132", "interest_income": "6011", "fee_income": "6021",
            "penalty_income": "6013", "suspense": "2203"}

_COMMON: dict[str, Any] = {
    "name": {"zh-CN": "测试产品", "en-US": "Test product"},
    "currency": "CNY",
    "channels": ["console"],
    "penalty": {"basis": "multiplier", "multiplier": "1.5"},
    "prepayment": {"allowed": True, "after_periods": 3, "penalty_rate": "0.01"},
    "arrears_tolerance": {"amount": "1.00", "days": 3},
    "workflow": {"second_review_required": False, "second_review_above": "50000.00",
                 "documents": [{"code": "ID_CARD", "name": {"zh-CN": "身份证", "en-US": "ID card"}}]},
}

LOAN: dict[str, Any] = {
    **_COMMON,
    "segment": "individual",
    "terms": {
        "amount": {"min": "1000.00", "max": "200000.00", "default": "50000.00"},
        "term_months": {"min": 3, "max": 36, "default": 12},
        "frequency": {"allowed": ["monthly"], "default": "monthly"},
        "amortization": {"allowed": ["annuity", "equal_principal"], "default": "annuity"},
        "day_count": {"allowed": ["period"], "default": "period"},
    },
    "rate": {"mode": "fixed", "annual_rate": {"min": "0.0720", "max": "0.2400", "default": "0.1080"}},
    "risk": {"applicant_age": {"min": 22, "max": 60}, "max_debt_to_income": "0.5"},
    "accounting": ACCOUNTS,
}

LEASE: dict[str, Any] = {
    **_COMMON,
    "segment": "enterprise",
    "terms": {
        "structure": "direct",
        "amount": {"min": "500000.00", "max": "50000000.00", "default": "5000000.00"},
        "term_months": {"min": 12, "max": 60, "default": 36},
        "frequency": {"allowed": ["monthly", "quarterly"], "default": "quarterly"},
        "amortization": {"allowed": ["annuity"], "default": "annuity"},
        "day_count": {"allowed": ["period"], "default": "period"},
        "timing": {"allowed": ["advance", "arrears"], "default": "arrears"},
        "residual_value_rate": {"min": "0", "max": "0.05", "default": "0"},
        "security_deposit_rate": {"min": "0", "max": "0.20", "default": "0.10"},
        "down_payment_rate": {"min": "0", "max": "0.30", "default": "0"},
        "deposit_settlement": "offset",
    },
    "rate": {"mode": "fixed", "annual_rate": {"min": "0.05", "max": "0.12", "default": "0.075"}},
    "workflow": {"second_review_required": True},
    "accounting": {**ACCOUNTS, "principal": "1531", "unearned_income": "1532", "deposit_held": "2241.01"},
}

FACTORING: dict[str, Any] = {
    **_COMMON,
    "segment": "enterprise",
    "terms": {
        "arrangement": "reverse",
        "recourse": False,
        "debtor_confirmation_required": True,
        "approved_debtors": ["Core Enterprise Co."],
        "amount": {"min": "10000.00", "max": "10000000.00"},
        "advance_rate": {"min": "0.80", "max": "1.00", "default": "0.90"},
        "tenor_days": {"min": 7, "max": 180},
        "grace_days": {"min": 0, "max": 10, "default": 0},
        "interest_collection": {"allowed": ["upfront"], "default": "upfront"},
        "day_count": {"allowed": ["ACT/360"], "default": "ACT/360"},
    },
    "rate": {"mode": "floating", "benchmark": "LPR1Y", "spread_bps": {"min": 50, "max": 300, "default": 120},
             "repricing": "none", "floor": "0.03"},
    "fees": [{"code": "SERVICE", "name": {"zh-CN": "服务费", "en-US": "Service fee"}, "timing": "on_disbursement",
              "basis": "percent", "rate": "0.001", "of": "face_amount"}],
    "prepayment": {"allowed": False},
    "workflow": {"second_review_required": False},
    "accounting": {**ACCOUNTS, "principal": "1122", "reserve_payable": "2241.02"},
}

DEFINITIONS = {ProductKind.LOAN: LOAN, ProductKind.LEASE: LEASE, ProductKind.FACTORING: FACTORING}


def definition_data(kind: ProductKind | str = ProductKind.LOAN, **patch: Any) -> dict[str, Any]:
    """A valid definition of ``kind`` as JSON data, with ``patch`` merged in (RFC 7386)."""
    return merge_patch(copy.deepcopy(DEFINITIONS[ProductKind(kind)]), patch)


def definition(kind: ProductKind | str = ProductKind.LOAN, **patch: Any):
    return check_definition(ProductKind(kind), definition_data(kind, **patch))


def product_code(stem: str = "TEST") -> str:
    return f"{stem}-{uuid.uuid4().hex[:8].upper()}"


MAKER = Actor("user-maker", "product-manager@demo-lending")
CHECKER = Actor("user-checker", "tenant-admin@demo-lending")
AT = datetime(2026, 1, 15, 2, 0, tzinfo=timezone.utc)


def context(role: Role = Role.PRODUCT_MANAGER, tenant_id: str = "demo-lending", user_id: str | None = None) -> TenantContext:
    username = f"{role.value}@{tenant_id}"
    return TenantContext(tenant_id=tenant_id, kind=TenantKind.LENDING, user_id=user_id or f"sub-{username}",
                         username=username, roles=frozenset({role}), group_id="demo-group")
