"""The demo history (``chalicelib.local.demo.history``), replayed for a copy of the demo group: every
subsidiary's books hold contracts in several buckets, collections have work, the trial balance is
balanced, and HQ's consolidation of those books alone passes its validation, ledger tie-out included."""
from __future__ import annotations

import json
from decimal import Decimal

from tests.integration.risk.conftest import demo_hash
from tests.support import TEST_BUSINESS_DATE


def _all(api, user: str, path: str) -> list[dict]:
    items, cursor = [], None
    while True:
        r = api.as_(user).get(path + ("&" if "?" in path else "?") + "limit=100" + (f"&next={cursor}" if cursor else ""))
        assert r.status == 200, r.body
        items += r.body["items"]
        cursor = r.body["next"]
        if not cursor:
            return items


def test_each_subsidiary_holds_contracts_in_three_buckets_or_more_and_a_collections_queue(risk_api, history_group):
    for sub in history_group.subsidiaries:
        contracts = _all(risk_api, f"viewer@{sub}", "/v1/contracts")
        assert len({c["bucket"] for c in contracts}) >= 3, (sub, [c["bucket"] for c in contracts])
        queued = {b: _all(risk_api, f"collector@{sub}", f"/v1/collections?bucket={b.replace('+', '%2B')}")
                  for b in ("M1", "M2", "M3", "M4+")}
        assert sum(len(q) for q in queued.values()) > 0, (sub, queued)


def test_each_subsidiary_s_trial_balance_is_balanced_and_not_empty(risk_api, history_group):
    for sub in history_group.subsidiaries:
        tb = risk_api.as_(f"finance@{sub}").get(f"/v1/ledger/trial-balance?date={TEST_BUSINESS_DATE.isoformat()}")
        assert tb.status == 200, tb.body
        assert tb.body["balanced"] and tb.body["rows"], sub
        assert all(Decimal(t["debit"]) == Decimal(t["credit"]) for t in tb.body["totals"]), tb.body["totals"]
        assert any(Decimal(t["debit"]) > 0 for t in tb.body["totals"]), tb.body["totals"]


def test_hq_consolidates_only_the_books_and_its_validation_passes_with_every_ledger_tie_out(risk_api, history_group,
                                                                                          history_run):
    assert history_run["status"] == "SUCCEEDED", history_run
    hq = f"group-risk@{history_group.hq}"
    report = json.loads(risk_api.as_(hq).get(
        f"/v1/group/reports/{history_run['run_id']}/validation-report.json?inline=true").body["content"])
    rules = {x["rule"]: x for x in report["rules"]}
    for sub in history_group.subsidiaries:
        assert rules[f"ledger_tie_out:{sub}"]["status"] == "passed", rules[f"ledger_tie_out:{sub}"]
    # Every check passes; business findings (a large exposure, say) may stand as warnings, never failures
    assert "failed" not in {r["status"] for r in rules.values()}, rules
    assert report["status"] in ("passed", "passed_with_warnings"), report["status"]
    shenjiang = risk_api.as_(hq).get(f"/v1/group/customers/{demo_hash('上海申江精密机械有限公司', history_group.hq)}").body
    assert {c["subsidiary_id"] for c in shenjiang["contracts"]} == {history_group.lending, history_group.factoring}


def test_the_demo_writes_off_and_recovers_only_with_a_second_persons_approval(risk_api, history_group):
    actions = set()
    for sub in history_group.subsidiaries:
        written = _all(risk_api, f"viewer@{sub}", "/v1/contracts?status=written_off")
        assert written, sub
        for c in written:
            requests = _all(risk_api, f"viewer@{sub}", f"/v1/contracts/{c['id']}/approval-requests")
            approved = [r for r in requests if r["status"] == "approved"]
            assert "write_off" in {r["action"] for r in approved}, (sub, c["id"], requests)
            for r in approved:
                assert r["requested_by"] != r["decided_by"] and not r["one_person"] and r["result"], r
                actions.add(r["action"])
    assert actions >= {"write_off", "recovery"}, actions  # recoveries: lending's and factoring's stories
