"""Runs of a group of our own on the real ASL: extracts that fail (retried, then PARTIAL naming them),
a complete run after, HQ's limits and classification overrides, and a scheduled run."""
from __future__ import annotations

import json
import uuid
from datetime import timedelta
from decimal import Decimal

import pytest

from chalicelib.platform import aws
from chalicelib.risk import wiring
from chalicelib.risk.store import DynamoExposureSource, upsert_exposure
from tests.integration.risk.conftest import (
    FaultySource,
    identity_hash,
    make_scratch_group,
    run_to_end,
    subsidiary_context,
    today_in_china,
    wait_for,
)


@pytest.fixture(scope="module")
def group(risk_stack):
    g = make_scratch_group("abcd")
    today = today_in_china()
    book = {"a": [("K-A1", "alpha", "400000.00", 0), ("K-A2", "beta", "100000.00", 130)],
            "b": [("K-B1", "gamma", "250000.00", 0)],
            "c": [("K-C1", "alpha", "50000.00", 0), ("K-C2", "delta", "75000.00", 0)],
            "d": [("K-D1", "epsilon", "10000.00", 0)]}
    for letter, rows in book.items():
        ctx = subsidiary_context(g.sub(letter))
        for contract, who, principal, dpd in rows:
            upsert_exposure(ctx, contract_id=contract, customer_hash=identity_hash(f"{g.group_id}/{who}"),
                            product_kind="loan", outstanding_principal=principal, days_past_due=dpd,
                            customer_label=who, industry="C34", region="310000", figures_on=today)
    return g


@pytest.fixture(scope="module")
def partial_run(risk_api, group):
    source = FaultySource(DynamoExposureSource(), throttled=(group.sub("b"),), flaky_once=(group.sub("c"),),
                          corrupt=(group.sub("d"),))
    with wiring.override(exposure_source=source):
        run = run_to_end(risk_api, group.risk_user)
    return run, source


def test_an_extract_that_keeps_failing_makes_the_run_partial_naming_the_subsidiary(partial_run, group):
    run, source = partial_run
    assert run["status"] == "PARTIAL"
    assert run["missing_subsidiaries"] == sorted([group.sub("b"), group.sub("d")])
    progress = {p["subsidiary_id"]: p for p in run["subsidiary_progress"]}
    throttled = progress[group.sub("b")]
    assert (throttled["status"], throttled["error"]["name"]) == ("failed", "ExtractTransientError")
    assert throttled["attempts"] == source.calls[group.sub("b")] == 4  # the first try and three retries
    corrupt = progress[group.sub("d")]
    assert (corrupt["status"], corrupt["error"]["name"], corrupt["attempts"]) == ("failed", "ExtractFailedError", 1)
    assert "outstanding_principal" in corrupt["error"]["message"]
    flaky = progress[group.sub("c")]
    assert (flaky["status"], flaky["attempts"]) == ("extracted", 2)  # retried once with backoff, then through
    extract_step = next(s for s in run["steps"] if s["step"] == "extract")
    assert extract_step["status"] == "partial" and extract_step["failed"] == run["missing_subsidiaries"]


def test_a_partial_run_never_passes_off_a_smaller_total_as_the_group_s(risk_api, partial_run, group):
    run, _ = partial_run
    # Only a and c are in: 400,000 + 100,000 + 50,000 + 75,000 — and everything says what is missing.
    assert run["headline"]["exposure"] == "625000.00"
    dashboard = risk_api.as_(group.risk_user).get("/v1/group/dashboard").body
    assert dashboard["run"]["status"] == "PARTIAL"
    assert dashboard["missing_subsidiaries"] == run["missing_subsidiaries"]
    report = json.loads(risk_api.as_(group.risk_user).get(
        f"/v1/group/reports/{run['run_id']}/validation-report.json?inline=true").body["content"])
    completeness = next(r for r in report["rules"] if r["rule"] == "completeness")
    assert completeness["status"] == "failed" and group.sub("b") in completeness["message"]
    warnings = risk_api.as_(group.risk_user).get("/v1/group/warnings?kind=extract_missing").body["items"]
    assert {w["subject"] for w in warnings} == set(run["missing_subsidiaries"])
    execution = aws.client("stepfunctions").describe_execution(executionArn=run["execution_arn"])
    assert execution["status"] == "SUCCEEDED"


def test_limits_overrides_and_a_complete_run_after_a_partial_one(risk_api, partial_run, group):
    hq = risk_api.as_(group.risk_user)
    # Given HQ's limits and an override of one contract's class, with its reason
    limits = hq.call("PUT", "/v1/group/limits", {"net_capital": "5000000", "single_customer": {"amount": "440000"},
                                         "subsidiaries": {group.sub("a"): {"share_of_net_capital": "0.10"}}})
    assert limits.status == 200, limits.body
    assert limits.body["effective"]["single_customer"] == "440000"
    policy = hq.call("PUT", "/v1/group/classification", {"overrides": [{
        "subsidiary_id": group.sub("c"), "contract_id": "K-C2", "classification": "doubtful",
        "reason": "borrower in restructuring talks (重组谈判中)"}]})
    assert policy.status == 200, policy.body
    assert policy.body["overrides"][0]["set_by"] == group.risk_user
    # When every subsidiary extracts
    run = run_to_end(risk_api, group.risk_user)
    # Then the run is complete, with the whole group in it
    assert (run["status"], run["missing_subsidiaries"], run["headline"]["exposure"]) == ("SUCCEEDED", [], "885000.00")
    # alpha (400,000 in a + 50,000 in c) is over its 440,000 limit; a's book (500,000) is at its 500,000 limit
    breaches = hq.get("/v1/group/warnings?status=open&kind=single_customer_limit").body["items"]
    [alpha] = [w for w in breaches if w["label"] == "alpha"]
    assert (alpha["severity"], alpha["figures"]["exposure"]) == ("breach", "450000.00")
    [book] = hq.get("/v1/group/warnings?status=open&kind=subsidiary_limit").body["items"]
    assert (book["severity"], book["figures"]["utilisation"]) == ("near_breach", "1.000000")
    # the override is applied, with its reason, and the missing-extract warnings are resolved
    delta = hq.get(f"/v1/group/customers/{identity_hash(group.group_id + '/delta')}").body
    [contract] = delta["contracts"]
    assert (contract["classification"], contract["classification_source"]) == ("doubtful", "override")
    assert "restructuring" in contract["override_reason"]
    resolved = hq.get("/v1/group/warnings?status=resolved&kind=extract_missing").body["items"]
    assert {w["subject"] for w in resolved} == {group.sub("b"), group.sub("d")}
    # and the partial run's smaller total is no point of the dashboard's trend
    trend = [p["run_id"] for p in hq.get("/v1/group/dashboard").body["trend"]]
    assert trend[-1] == run["run_id"] and partial_run[0]["run_id"] not in trend


def test_limits_are_validated_and_versioned(risk_api, group):
    hq = risk_api.as_(group.risk_user)
    bad = hq.call("PUT", "/v1/group/limits", {"single_customer": {"share_of_net_capital": "0.10"}})
    assert bad.status == 422
    current = hq.get("/v1/group/limits").body
    stale = hq.call("PUT", "/v1/group/limits", {**_limits_body(current), "version": current["version"] - 1})
    assert (stale.status, stale.code) == (409, "risk.limits.version_conflict")
    ok = hq.call("PUT", "/v1/group/limits", {**_limits_body(current), "version": current["version"]})
    assert ok.status == 200 and ok.body["version"] == current["version"] + 1


def _limits_body(view: dict) -> dict:
    return {k: view[k] for k in ("net_capital", "single_customer", "group_customer", "industries", "subsidiaries",
                                 "related_party", "near_breach_ratio")}


def test_a_scheduled_execution_opens_its_own_run_for_the_day_before(risk_api, group):
    # EventBridge Scheduler's input: the group and the scheduled time, no run id, no date.
    name = f"sched-{uuid.uuid4().hex[:10]}"
    arn = aws.client("stepfunctions").start_execution(
        stateMachineArn=risk_stack_arn(), name=name,
        input=json.dumps({"group_id": group.group_id, "trigger": "schedule",
                          "scheduled_at": f"{today_in_china().isoformat()}T02:00:00+08:00"}))["executionArn"]
    assert arn
    run = wait_for(risk_api, group.risk_user, name, opened_by_the_run=True)
    assert (run["trigger"], run["status"]) == ("schedule", "SUCCEEDED")
    assert run["as_of"] == (today_in_china() - timedelta(days=1)).isoformat()


def risk_stack_arn() -> str:
    from chalicelib.platform.settings import get_settings

    return get_settings().consolidation_state_machine_arn


def test_hq_of_one_group_cannot_see_another_group_s_runs_or_reports(risk_api, demo_run, group):
    other = risk_api.as_(group.risk_user)
    assert other.get(f"/v1/group/consolidations/{demo_run['run_id']}").status == 404
    assert other.get(f"/v1/group/reports/{demo_run['run_id']}/exposures.csv").status == 404
    demo = risk_api.as_("group-risk@demo-group")
    assert all(r["group_id"] == "demo-group" for r in demo.get("/v1/group/consolidations?limit=200").body["items"])
    board = demo.get("/v1/group/dashboard").body  # demo-group's own latest run, with its own figures
    shown = demo.get(f"/v1/group/consolidations/{board['run']['run_id']}").body
    assert shown["group_id"] == "demo-group" and Decimal(board["totals"]["exposure"]) > 0
    assert Decimal(board["totals"]["exposure"]) == Decimal(shown["headline"]["exposure"])
