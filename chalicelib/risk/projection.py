"""The subsidiaries' side of group risk: each keeps its contracts' exposure projection current.

Servicing calls ``project_exposure`` after every change to a contract's figures (disbursement,
repayment, close of business); it never touches risk's store itself. The projection holds facts only
(outstanding, accrued interest, days past due, the customer's profile): HQ classifies.
"""
from __future__ import annotations

from typing import Any

from chalicelib.risk import store
from chalicelib.shared.tenant import TenantContext


def project_exposure(ctx: TenantContext, **facts: Any) -> None:
    """Write this subsidiary's projection of one contract (keyword facts as ``store.upsert_exposure``)."""
    store.upsert_exposure(ctx, **facts)
