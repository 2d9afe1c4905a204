"""The ledger's side of the tie-out: a subsidiary's receivable balances from its trial balance.

Read by the extract step, inside the subsidiary's own (read-only) scope, and written into the extract
file beside the exposures, so HQ's steps can tie the datasets to the books without reading them.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from chalicelib.risk.exposures import LedgerControlTotals
from chalicelib.shared.tenant import TenantContext, TenantKind

# Outstanding principal: loans, net lease investment (the unearned-income contra account nets off by
# its credit balance), factored receivables, guarantee compensation receivable.
PRINCIPAL_CODES = frozenset({"1303", "1531", "1532", "1122", "1221.02"})
INTEREST_CODES = frozenset({"1132"})


class LedgerControlTotalsSource:
    def control_totals(self, subsidiary: TenantContext, as_of: date) -> tuple[LedgerControlTotals | None, str]:
        try:
            from chalicelib.ledger import service
            from chalicelib.ledger.wiring import ledger_store, tenant_books
        except ImportError:
            return None, "no ledger is deployed"
        currency = tenant_books(subsidiary).currency
        try:
            tb = service.trial_balance(subsidiary, as_of, store=ledger_store())
        except Exception as exc:  # noqa: BLE001 — the exposures still count; the report says the tie-out could not be made
            return None, f"the ledger could not be read ({type(exc).__name__})"
        # A GL control account alone (accounts == 1) means no contract has been booked under it.
        if not any(r.code in PRINCIPAL_CODES and r.accounts > 1 for r in tb.rows):
            return None, "the subsidiary's ledger holds no contracts yet"
        principal = sum((r.debit - r.credit for r in tb.rows if r.code in PRINCIPAL_CODES and r.currency == currency),
                        Decimal(0))
        interest = sum((r.debit - r.credit for r in tb.rows if r.code in INTEREST_CODES and r.currency == currency),
                       Decimal(0))
        return LedgerControlTotals(principal, interest, currency, f"trial balance of {as_of.isoformat()}",
                                   interest_in_principal=subsidiary.kind is TenantKind.LEASING), ""
