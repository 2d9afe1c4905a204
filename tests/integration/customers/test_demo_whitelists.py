"""The demo's pre-approval whitelist seed: one rule and one run, through the real service, only once."""
from __future__ import annotations

from decimal import Decimal


def test_demo_whitelist_seeds_one_rule_and_one_run_once(local_env, chalice_app, api):
    from chalicelib.local.demo.whitelists import WHITELIST, seed_demo_whitelists

    seed_demo_whitelists()
    seed_demo_whitelists()  # idempotent
    viewer = api.as_("viewer@demo-lending")
    rules = [r for r in viewer.get("/v1/whitelists").body["items"] if r["name"] == WHITELIST]
    assert len(rules) == 1 and rules[0]["amount"]["kind"] == "multiple"
    runs = viewer.get(f"/v1/whitelists/{rules[0]['whitelist_id']}/runs").body["items"]
    assert len(runs) == 1
    run = viewer.get(f"/v1/whitelists/{rules[0]['whitelist_id']}/runs/{runs[0]['run_id']}").body
    assert run["customers"] == len(run["entries"])
    assert all(Decimal("20000") <= Decimal(e["pre_approved_amount"]) <= Decimal("100000") for e in run["entries"])
