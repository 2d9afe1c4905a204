"""What servicing's money movements do to the customer's group relationship: one seam, the pattern of
``origination.applications.group_effects``.

A disbursement and a posted repayment change what HQ's group customer view shows of the customer
(products held, exposure, days past due). Servicing tells the customers context through the
``relationships`` port (``platform.effects``, wired in ``chalicelib.bootstrap``): customers reads
servicing, so servicing may not import it.

The business change is committed already: a failure to refresh is logged, not raised, and the next
disbursement, repayment, grade run, level change, consent or override republishes the card (the card is
rebuilt from the books each time, so a repeat is harmless). A subsidiary with no holding group has no
directory: nothing is published.
"""
from __future__ import annotations

from chalicelib.platform import effects
from chalicelib.platform.observability import log
from chalicelib.shared.tenant import TenantContext


def in_a_group(ctx: TenantContext) -> bool:
    return bool(ctx.kind.is_subsidiary and ctx.group_id)


def relationship_changed(ctx: TenantContext, customer_id: str, why: str) -> None:
    """Refresh the customer's relationship record in HQ's directory after ``why`` (best effort)."""
    if not in_a_group(ctx):
        return
    try:
        effects.relationships().changed(ctx, customer_id)
    except Exception:  # noqa: BLE001 — the money moved; HQ's view catches up at the next change or run
        log.exception("relationship of %s not refreshed after %s", customer_id, why)
