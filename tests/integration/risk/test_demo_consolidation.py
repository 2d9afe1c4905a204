"""A consolidation run of the demo group, on the real ASL in the embedded Step Functions.

The demo data (``chalicelib.risk.seed``) holds a company borrowing from demo-lending and factoring with
demo-factoring, and a parent and its subsidiary doing business with demo-lending and demo-leasing.
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
    assert all(count >= seeded for (_, count, _), seeded in zip(
        (expected[k] for k in ("demo-lending", "demo-leasing", "demo-factoring")), (14, 6, 4)))


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
    assert mine[0]["exposure"] == "1608866.67"
    assert mine[0]["by_subsidiary"] == {"demo-lending": "803266.67", "demo-factoring": "805600.00"}
    detail = risk_api.as_(HQ).get(f"/v1/group/customers/{demo_hash(SHENJIANG)}").body
    assert detail["label"] == SHENJIANG and detail["run"]["run_id"] == demo_run["run_id"]
    assert sorted((c["subsidiary_id"], c["contract_id"]) for c in detail["contracts"]) == [
        ("demo-factoring", "FT-REV-SHENJIANG-01"), ("demo-lending", "LN-SME-SHENJIANG-01")]
    assert len({c["identity_hash"] for c in everyone}) == len(everyone)  # nobody twice


def test_the_connected_group_appears_once_with_summed_exposure_and_breakdown(risk_api, demo_run):
    sub = risk_api.as_(HQ).get(f"/v1/group/customers/{demo_hash(HUANAN_SUB)}").body
    group_id = sub["group_customer_id"]
    assert sub["group_customer"]["label"] == HUANAN
    group = risk_api.as_(HQ).get(f"/v1/group/customers/{group_id}").body
    assert group["level"] == "group_customer" and group["label"] == HUANAN
    assert group["total"]["exposure"] == "9741650.00"
    assert {k: v["exposure"] for k, v in group["by_subsidiary"].items()} == {
        "demo-lending": "3211025.00", "demo-leasing": "6530625.00"}
    assert {m["identity_hash"] for m in group["members"]} == {demo_hash(HUANAN), demo_hash(HUANAN_SUB)}
    dashboard = risk_api.as_(HQ).get("/v1/group/dashboard").body
    assert [g["group_customer_id"] for g in dashboard["top10_groups"]].count(group_id) == 1
    members = _all_exposures(risk_api, f"&group_customer_id={group_id}")
    assert sum(Decimal(m["exposure"]) for m in members) == Decimal("9741650.00")


def test_the_dashboard_has_every_figure_the_hq_charts_draw(risk_api, demo_run):
    d = risk_api.as_(HQ).get("/v1/group/dashboard").body
    assert d["run"]["run_id"] == demo_run["run_id"]
    total = Decimal(d["totals"]["exposure"])
    for dim in ("subsidiary", "product_kind", "industry", "region", "classification", "delinquency_bucket"):
        assert sum(Decimal(v["exposure"]) for v in d["portfolio"][dim].values()) == total, dim
    assert set(d["portfolio"]["classification"]) == {"normal", "special_mention", "substandard", "doubtful", "loss"}
    npl = sum(Decimal(d["portfolio"]["classification"][k]["principal"]) for k in ("substandard", "doubtful", "loss"))
    assert Decimal(d["npl_ratio"]) == (npl / Decimal(d["totals"]["principal"])).quantize(Decimal("0.000001"))
    assert len(d["top10"]) == 10 and d["top10"][0]["rank"] == 1
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
    related = risk_api.as_(HQ).get(f"/v1/group/reports/{run_id}/related-party.csv?inline=true").body["content"]
    assert [x["contract_id"] for x in csv.DictReader(io.StringIO(related))] == ["LN-SME-ZHIYE-01"]
    report = json.loads(risk_api.as_(HQ).get(f"/v1/group/reports/{run_id}/validation-report.json?inline=true")
                        .body["content"])
    rules = {x["rule"]: x for x in report["rules"]}
    assert rules["datasets_tie"]["status"] == "passed" and rules["completeness"]["status"] == "passed"
    # Servicing has not booked the demo contracts in the ledger yet: the report says what it tied to instead.
    tie = rules["ledger_tie_out:demo-lending"]
    assert tie["details"]["source"] in ("extract_control_totals", "trial balance of " + demo_run["as_of"])
    assert risk_api.as_(HQ).get(f"/v1/group/reports/{run_id}/secrets.txt").status == 404


def test_exposures_filter_and_page_without_repeats(risk_api, demo_run):
    factoring = _all_exposures(risk_api, "&subsidiary=demo-factoring")
    assert len(factoring) == 4 and all("demo-factoring" in c["by_subsidiary"] for c in factoring)
    loss = _all_exposures(risk_api, "&classification=loss")
    assert [c["max_dpd"] for c in loss] == [400]
    big = _all_exposures(risk_api, "&min_exposure=1000000")
    assert big and all(Decimal(c["exposure"]) >= 1000000 for c in big)
    everyone = _all_exposures(risk_api)
    assert [Decimal(c["exposure"]) for c in everyone] == sorted((Decimal(c["exposure"]) for c in everyone), reverse=True)
    related = _all_exposures(risk_api, "&related_party=true")
    assert [c["label"] for c in related] == ["上海金控置业有限公司"]


def test_a_customer_overdue_in_one_subsidiary_and_current_in_another_raises_a_warning_hq_acknowledges(risk_api, demo_run):
    r = risk_api.as_(HQ).get("/v1/group/warnings?kind=cross_subsidiary_overdue")
    [warning] = [w for w in r.body["items"] if w["subject"] == demo_hash(SHENJIANG)]
    assert warning["figures"]["overdue_in"] == ["demo-factoring"]
    assert warning["figures"]["current_in"] == ["demo-lending"]
    if warning["status"] == "open":
        ack = risk_api.as_("group-admin@demo-group").post(f"/v1/group/warnings/{warning['warning_id']}/acknowledge",
                                                          {"note": "保理回款已确认延迟，已与客户沟通 — collection call booked"})
        assert ack.status == 200, ack.body
        assert ack.body["status"] == "acknowledged" and ack.body["acknowledged"]["by"] == "group-admin@demo-group"
    again = risk_api.as_(HQ).post(f"/v1/group/warnings/{warning['warning_id']}/acknowledge", {"note": "again"})
    assert (again.status, again.code) == (409, "risk.warning.already_acknowledged")
    missing = risk_api.as_(HQ).post("/v1/group/warnings/wrn_00000000000000000000/acknowledge", {"note": "x?"})
    assert (missing.status, missing.code) == (404, "risk.warning.not_found")
    acknowledged = risk_api.as_(HQ).get("/v1/group/warnings?status=acknowledged").body["items"]
    assert warning["warning_id"] in {w["warning_id"] for w in acknowledged}
