"""A consolidation run of the demo group, on the real ASL in the embedded Step Functions.

The demo group's shared customers are real contracts here (``demo_contracts``: disbursed through
servicing on the session's business date): a company borrowing from demo-lending and factoring with
demo-factoring, and a parent and its subsidiary doing business with demo-lending and demo-leasing.
HQ reads only what servicing projects; the history's figures are checked in ``test_demo_history``.
"""
from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from tests.integration.risk.conftest import demo_hash

HQ = "group-risk@demo-group"
SHENJIANG = "上海申江精密机械有限公司"
HUANAN, HUANAN_SUB = "华南控股集团有限公司", "华南智能装备有限公司"
DEMO_SUBS = {"demo-lending", "demo-leasing", "demo-factoring"}


def _all_exposures(api, query: str = "") -> list[dict]:
    items, cursor = [], None
    while True:
        r = api.as_(HQ).get(f"/v1/group/exposures?limit=7{query}" + (f"&next={cursor}" if cursor else ""))
        assert r.status == 200, r.body
        items += r.body["items"]
        cursor = r.body["next"]
        if not cursor:
            return items


def test_a_run_goes_through_every_step_and_every_subsidiary(demo_run):
    assert demo_run["status"] == "SUCCEEDED" and demo_run["missing_subsidiaries"] == []
    assert [s["step"] for s in demo_run["steps"]] == [
        "list_subsidiaries", "extract", "consolidate", "check_limits", "persist", "raise_warnings"]
    assert {s["status"] for s in demo_run["steps"]} == {"succeeded"}
    progress = {p["subsidiary_id"]: p for p in demo_run["subsidiary_progress"]}
    assert DEMO_SUBS <= set(progress)
    # Every exposure the subsidiary projects is extracted, once. Counted from the projection itself:
    # other suites in the session disburse contracts too, which servicing projects as exposures.
    expected = {k: ("extracted", _projected(k, demo_run["as_of"]), 1) for k in DEMO_SUBS}
    assert {k: (progress[k]["status"], progress[k]["exposures"], progress[k]["attempts"]) for k in DEMO_SUBS} == expected


def _projected(subsidiary_id: str, as_of: str) -> int:
    from datetime import date

    from chalicelib.risk.contexts import subsidiary_context
    from chalicelib.risk.store import DynamoExposureSource

    ctx = subsidiary_context(subsidiary_id, "demo-group")
    return len(DynamoExposureSource().extract(ctx, date.fromisoformat(as_of)))


def test_the_run_is_listed_newest_first(risk_api, demo_run):
    r = risk_api.as_(HQ).get("/v1/group/consolidations?limit=50")
    assert r.status == 200
    ids = [x["run_id"] for x in r.body["items"]]
    assert demo_run["run_id"] in ids and ids == sorted(ids, reverse=True)


def test_the_customer_of_two_subsidiaries_appears_once_with_summed_exposure_and_breakdown(risk_api, demo_run):
    everyone = _all_exposures(risk_api)
    mine = [c for c in everyone if c["identity_hash"] == demo_hash(SHENJIANG)]
    assert len(mine) == 1
    assert set(mine[0]["by_subsidiary"]) == {"demo-lending", "demo-factoring"}
    assert sum(Decimal(v) for v in mine[0]["by_subsidiary"].values()) == Decimal(mine[0]["exposure"])
    detail = risk_api.as_(HQ).get(f"/v1/group/customers/{demo_hash(SHENJIANG)}").body
    assert detail["label"] == SHENJIANG and detail["run"]["run_id"] == demo_run["run_id"]
    assert {c["subsidiary_id"] for c in detail["contracts"]} == {"demo-factoring", "demo-lending"}
    assert len({c["identity_hash"] for c in everyone}) == len(everyone)  # nobody twice


def test_the_connected_group_appears_once_with_summed_exposure_and_breakdown(risk_api, demo_run):
    sub = risk_api.as_(HQ).get(f"/v1/group/customers/{demo_hash(HUANAN_SUB)}").body
    group_id = sub["group_customer_id"]
    assert sub["group_customer"]["label"] == HUANAN
    group = risk_api.as_(HQ).get(f"/v1/group/customers/{group_id}").body
    assert group["level"] == "group_customer" and group["label"] == HUANAN
    assert set(group["by_subsidiary"]) == {"demo-lending", "demo-leasing"}
    assert {m["identity_hash"] for m in group["members"]} == {demo_hash(HUANAN), demo_hash(HUANAN_SUB)}
    dashboard = risk_api.as_(HQ).get("/v1/group/dashboard").body
    assert [g["group_customer_id"] for g in dashboard["top10_groups"]].count(group_id) == 1
    members = _all_exposures(risk_api, f"&group_customer_id={group_id}")
    assert sum(Decimal(m["exposure"]) for m in members) == Decimal(group["total"]["exposure"])


def test_the_dashboard_has_every_figure_the_hq_charts_draw(risk_api, demo_run):
    d = risk_api.as_(HQ).get("/v1/group/dashboard").body
    assert d["run"]["run_id"] == demo_run["run_id"]
    total = Decimal(d["totals"]["exposure"])
    for dim in ("subsidiary", "product_kind", "industry", "region", "classification", "delinquency_bucket"):
        assert sum(Decimal(v["exposure"]) for v in d["portfolio"][dim].values()) == total, dim
    assert set(d["portfolio"]["classification"]) <= {"normal", "special_mention", "substandard", "doubtful", "loss"}
    npl = sum(Decimal(d["portfolio"]["classification"].get(k, {}).get("principal", "0"))
              for k in ("substandard", "doubtful", "loss"))
    assert Decimal(d["npl_ratio"]) == (npl / Decimal(d["totals"]["principal"])).quantize(Decimal("0.000001"))
    assert 1 <= len(d["top10"]) <= 10 and d["top10"][0]["rank"] == 1
    top = d["top10"][0]
    assert risk_api.as_(HQ).get(top["customer_path"]).body["total"]["exposure"] == top["exposure"]
    assert d["labels"]["classification"]["substandard"] == "次级"
    assert Decimal("0") < Decimal(d["concentration"]["hhi"]) <= Decimal("1")
    assert d["trend"][-1]["run_id"] == demo_run["run_id"]
    by_date = risk_api.as_(HQ).get(f"/v1/group/dashboard?as_of={demo_run['as_of']}").body
    assert by_date["run"]["as_of"] == demo_run["as_of"]


def test_report_datasets_are_downloadable_and_tie_out(risk_api, demo_run):
    run_id = demo_run["run_id"]
    assert set(demo_run["reports"]) == {"exposures.csv", "classification.csv", "portfolio.csv", "large-exposures.csv",
                                        "related-party.csv", "validation-report.json"}
    r = risk_api.as_(HQ).get(f"/v1/group/reports/{run_id}/exposures.csv?inline=true")
    assert r.status == 200 and r.body["url"].startswith("http://127.0.0.1:")
    rows = list(csv.DictReader(io.StringIO(r.body["content"])))
    assert len(rows) == demo_run["headline"]["contracts"]
    assert sum(Decimal(x["exposure"]) for x in rows) == Decimal(demo_run["headline"]["exposure"])
    report = json.loads(risk_api.as_(HQ).get(f"/v1/group/reports/{run_id}/validation-report.json?inline=true")
                        .body["content"])
    rules = {x["rule"]: x for x in report["rules"]}
    assert rules["datasets_tie"]["status"] == "passed" and rules["completeness"]["status"] == "passed"
    # Other suites of the session book contracts in demo-lending too: the tie-out covers them all.
    for sub in DEMO_SUBS:
        assert rules[f"ledger_tie_out:{sub}"]["status"] == "passed", rules[f"ledger_tie_out:{sub}"]
    assert risk_api.as_(HQ).get(f"/v1/group/reports/{run_id}/secrets.txt").status == 404


def test_exposures_filter_and_page_without_repeats(risk_api, demo_run):
    factoring = _all_exposures(risk_api, "&subsidiary=demo-factoring")
    assert factoring and all("demo-factoring" in c["by_subsidiary"] for c in factoring)
    everyone = _all_exposures(risk_api)
    assert [Decimal(c["exposure"]) for c in everyone] == sorted((Decimal(c["exposure"]) for c in everyone), reverse=True)
    assert len({c["identity_hash"] for c in everyone}) == len(everyone)
