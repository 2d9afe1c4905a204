"""What a pre-approval whitelist (``customers.whitelists``, read through ``platform.effects``) does to an application: one seam, like
``facility_effects``.

* at submission, an application whose customer is on an unexpired run (by the business date) for the
  product, in the currency and within the pre-approved amount gets the fast path: its pinned review
  policy asks for one review level (no second review);
* the risk outcome records it: a ``pre_approved`` result naming the whitelist and the run.

An application from a customer on no list is untouched.
"""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from chalicelib.shared.tenant import TenantContext

if TYPE_CHECKING:
    from chalicelib.origination.applications.domain import Application, ProductPin


def pre_approval(ctx: TenantContext, customer_id: str, product_code: str, amount: Decimal | None,
                 currency: str | None) -> dict[str, Any] | None:
    if amount is None:
        return None
    from chalicelib.platform import effects

    return effects.pre_approvals().fast_path(ctx, customer_id, product_code, amount, currency)


def fast_path_pin(pin: "ProductPin", pre: dict[str, Any] | None) -> "ProductPin":
    """The product's pin, with one review level when pre-approved."""
    return pin if pre is None else replace(pin, second_review_required=False, second_review_above=None)


def risk_result(pre: dict[str, Any] | None) -> dict[str, str] | None:
    """The risk outcome's ``pre_approved`` line (which whitelist, which run, up to what, until when)."""
    if pre is None:
        return None
    return {"rule": "pre_approved", "outcome": "pass",
            "reason": f"pre-approved up to {pre['pre_approved_amount']} {pre['currency']} until {pre['expires_on']} "
                      f"by run {pre['run_id']} of whitelist {pre['whitelist_id']}: one review level",
            "whitelist_id": pre["whitelist_id"], "run_id": pre["run_id"]}
