"""The demo's pre-approval whitelist, through the real service: one rule of demo-lending's product
manager (Shanghai individuals, nothing past due: twice their outstanding, at least 20,000, at most
100,000, valid 30 days) and one run as of the business date. Idempotent: skipped once the rule has a run.

It is seeded last, so no application of the history is fast-pathed by it."""
from __future__ import annotations

from typing import Callable

from chalicelib.customers import whitelists
from chalicelib.customers.whitelists import WhitelistIn
from chalicelib.local.demo.group import DEMO, DemoGroup, staff_context
from chalicelib.shared.tenant import Role

WHITELIST = "沪上优质个人客户预授信 · Shanghai good payers pre-approval"


def seed_demo_whitelists(group: DemoGroup = DEMO, progress: Callable[[str], None] = lambda m: None) -> None:
    manager = staff_context(group.lending, Role.PRODUCT_MANAGER)
    progress("pre-approval whitelist: one rule and its run")
    rule = next((r for r in whitelists.list_rules(manager) if r["name"] == WHITELIST), None)
    if rule is None:
        rule = whitelists.create(manager, WhitelistIn.model_validate({
            "name": WHITELIST, "products": ["CONSUMER-INSTALMENT"], "validity_days": 30,
            "eligibility": {"customer_types": ["individual"], "regions": ["31"], "max_days_past_due": 0},
            "amount": {"kind": "multiple", "factor": "2", "cap": "100000.00", "floor": "20000.00"}}))
    if not whitelists.list_runs(manager, rule["whitelist_id"]):
        whitelists.run(manager, rule["whitelist_id"])
