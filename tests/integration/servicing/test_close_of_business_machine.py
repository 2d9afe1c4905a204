"""Close of business on the real ``close-of-business`` ASL in the embedded Step Functions: the date's
contracts fan out over a Distributed Map read from an S3 manifest, a contract that keeps failing is
parked without failing its siblings, a batch that crashes between postings is retried without posting
anything twice, several missed dates catch up in one execution, and a second close is refused."""
from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal

import pytest

from tests.integration.origination.flows import Desk, ok
from tests.integration.servicing.flows import contract, disbursed_loan
from tests.integration.servicing.holding_group import make_lending_group
from tests.support import TEST_BUSINESS_DATE

D0 = TEST_BUSINESS_DATE


@pytest.fixture(scope="module")
def lender(servicing_routes, demo_products, shared_api):
    group = make_lending_group("a")
    desk = Desk(shared_api, group.sub("a"))
    ids = [disbursed_loan(desk)["id"] for _ in range(3)]
    return desk, ids


def _ctx(desk: Desk):
    from chalicelib.tenancy.service import system_context

    return system_context(desk.tenant, "system:test")


def _executions() -> list[dict]:
    from chalicelib.platform import aws
    from chalicelib.platform.settings import get_settings

    sfn = aws.client("stepfunctions")
    return sfn.list_executions(stateMachineArn=get_settings().close_of_business_state_machine_arn)["executions"]


def _accrual_rows(ctx, contract_id: str, on: date) -> list:
    from chalicelib.ledger import service as ledger
    from chalicelib.ledger.wiring import ledger_store

    page = ledger.statement(ctx, f"{contract_id}.interest", store=ledger_store(), from_on=on, to_on=on)
    return [row for row in page.lines if row.kind.value == "accrual"]


def _books_balance(ctx, on: date) -> None:
    from chalicelib.ledger import service as ledger
    from chalicelib.ledger.wiring import ledger_store

    assert ledger.trial_balance(ctx, on, store=ledger_store()).balanced


def test_missed_dates_catch_up_in_one_execution_of_the_machine_through_an_s3_manifest(lender):
    from chalicelib.closing import service
    from chalicelib.platform import aws
    from chalicelib.platform.settings import get_settings

    desk, ids = lender
    ctx = _ctx(desk)
    before = {e["executionArn"] for e in _executions()}
    run = service.close_through(ctx, D0 + timedelta(days=2), moving=True)
    assert run["status"] == "completed" and run["caught_up"] == [D0.isoformat(), (D0 + timedelta(days=1)).isoformat()]
    assert (run["total"], run["closed"], run["parked"], run["batches"]) == (3, 3, 0, 1)
    assert [p["status"] for p in run["phases"]] == ["succeeded"] * 8
    assert [p["name"] for p in run["phases"]] == ["list_contracts", "close_contracts", "expire_applications",
                                                   "expire_facilities", "gl_roll_up", "clearing_netting",
                                                   "customer_grades", "whitelists"]
    assert run["contract_steps"]["accrue"] == 3 and run["contract_steps"]["projection"] == 3
    new = [e for e in _executions() if e["executionArn"] not in before]
    assert len(new) == 1 and new[0]["status"] == "SUCCEEDED"  # three dates, one execution
    for n in range(3):
        assert service.run_of(ctx, D0 + timedelta(days=n))["status"] == "completed"
    manifest_key = f"tenants/{desk.tenant}/close-of-business/{run['run_id']}/{run['business_date']}/contracts.json"
    manifest = json.loads(aws.client("s3").get_object(Bucket=get_settings().reports_bucket,
                                                      Key=manifest_key)["Body"].read())
    assert sorted(i for item in manifest for i in item["contract_ids"]) == sorted(ids)
    for cid in ids:
        assert contract(desk, cid)["last_eod_on"] == (D0 + timedelta(days=2)).isoformat()
        assert len(_accrual_rows(ctx, cid, D0 + timedelta(days=1))) == 1
    _books_balance(ctx, D0 + timedelta(days=2))
    # The GL roll-up folded the dates' interest income movements into 6011, exactly what was accrued
    from chalicelib.ledger import service as ledger
    from chalicelib.ledger.wiring import ledger_store

    rolled = next(p for p in run["phases"] if p["name"] == "gl_roll_up")
    assert rolled["accounts"] >= 1 and rolled["movements"] == 3  # three contracts' accruals of the last date
    income = ledger_store().get_accounts(ctx, ["6011"])["6011"]
    assert income.rolled_through == D0 + timedelta(days=2)
    accrued = sum((r.debit for cid in ids for r in _all_accrual_rows(ctx, cid)), Decimal(0))
    assert income.balance == accrued == ledger.get_account(ctx, "6011", store=ledger_store()).balance


def test_a_contract_that_keeps_failing_is_parked_and_its_siblings_close(lender, monkeypatch):
    from chalicelib.closing import service
    from chalicelib.servicing import service as servicing
    from chalicelib.shared.errors import RuleViolation

    desk, ids = lender
    ctx = _ctx(desk)
    bad = ids[0]
    real = servicing.close_day
    tries: list[str] = []

    def failing(c_ctx, c, on):
        if c.contract_id == bad:
            tries.append(c.contract_id)
            raise RuleViolation("servicing.test.broken", "this contract's product cannot be read")
        return real(c_ctx, c, on)

    monkeypatch.setattr(servicing, "close_day", failing)
    on = D0 + timedelta(days=3)
    run = service.close_through(ctx, on, moving=True)
    assert run["status"] == "completed" and (run["closed"], run["parked"]) == (2, 1)
    assert len(tries) == servicing.CONTRACT_ATTEMPTS  # retried, then parked
    (parked,) = run["parked_contracts"]
    assert (parked["contract_id"], parked["code"]) == (bad, "servicing.test.broken")
    shown = ok(desk.as_("tenant-admin").get(f"/v1/servicing/end-of-day/{on.isoformat()}"))
    assert shown["parked"] == 1 and shown["parked_contracts"][0]["contract_id"] == bad
    assert contract(desk, bad)["last_eod_on"] == (on - timedelta(days=1)).isoformat()
    assert all(contract(desk, c)["last_eod_on"] == on.isoformat() for c in ids[1:])
    monkeypatch.setattr(servicing, "close_day", real)
    after = service.close_through(ctx, on + timedelta(days=1), moving=True)  # the next close takes it again
    assert after["parked"] == 0 and contract(desk, bad)["last_eod_on"] == (on + timedelta(days=1)).isoformat()
    _books_balance(ctx, on + timedelta(days=1))


def test_a_batch_that_crashes_between_postings_is_retried_and_posts_nothing_twice(lender, monkeypatch):
    from chalicelib.closing import service
    from chalicelib.servicing import service as servicing

    desk, ids = lender
    ctx = _ctx(desk)
    victim = ids[1]
    real_post = servicing._post
    crashed: list[str] = []

    def post_then_crash(p_ctx, c, kind, booked_on, amounts, key, memo=""):
        posted = real_post(p_ctx, c, kind, booked_on, amounts, key, memo=memo)
        if c.contract_id == victim and not crashed:
            crashed.append(key)
            raise ConnectionError("the Lambda died after its first posting")  # a platform failure: retried
        return posted

    monkeypatch.setattr(servicing, "_post", post_then_crash)
    on = D0 + timedelta(days=5)
    accrued_before = contract(desk, victim)["interest_accrued"]
    run = service.close_through(ctx, on, moving=True)
    assert crashed and run["status"] == "completed" and run["parked"] == 0
    assert (run["total"], run["closed"] + run["skipped"]) == (3, 3)
    assert len(_accrual_rows(ctx, victim, on)) == 1  # the crashed posting replayed, not posted again
    detail = contract(desk, victim)
    assert detail["last_eod_on"] == on.isoformat() and detail["interest_accrued"] > accrued_before
    booked = sum(r.debit for r in _all_accrual_rows(ctx, victim))
    assert format(booked, "f") == detail["interest_accrued"]
    _books_balance(ctx, on)


def _all_accrual_rows(ctx, contract_id: str) -> list:
    from chalicelib.ledger import service as ledger
    from chalicelib.ledger.wiring import ledger_store

    page = ledger.statement(ctx, f"{contract_id}.interest", store=ledger_store(), limit=200)
    return [row for row in page.lines if row.kind.value == "accrual"]


def test_a_second_close_while_one_runs_is_refused(lender):
    from chalicelib.closing import domain, service
    from chalicelib.shared import clock

    desk, _ = lender
    ctx = _ctx(desk)
    state, version = service._state(ctx)
    on = service._business_date(ctx, state)
    held = domain.begin_close(state, on, clock.now(), "cob_someone_else")
    service._save_state(ctx, held, version)
    try:
        refused = desk.as_("finance").post("/v1/servicing/end-of-day", {"date": on.isoformat()})
        assert (refused.status, refused.code) == (409, "servicing.eod.running")
    finally:
        state, version = service._state(ctx)
        service._save_state(ctx, domain.release_close(state), version)
    assert ok(desk.as_("finance").post("/v1/servicing/end-of-day", {"date": on.isoformat()}))["status"] == "completed"


def test_a_tenant_step_that_fails_records_the_run_releases_the_close_and_a_retry_closes_the_date(lender, monkeypatch):
    from chalicelib.closing import cob, service

    desk, ids = lender
    ctx = _ctx(desk)
    before = service.calendar(ctx)
    on = before["business_date"]

    def broken(c_ctx, c_on, run):
        raise ValueError("the clearing bucket refused the netting file")

    monkeypatch.setitem(cob._TENANT_STEP, "clearing_netting", broken)
    failed = service.close_through(ctx, on)
    assert failed["status"] == "failed" and "netting file" in failed["error"]["message"]
    shown = ok(desk.as_("finance").get(f"/v1/servicing/end-of-day/{on.isoformat()}"))
    assert shown["status"] == "failed" and shown["error"]["name"] == "ValueError"
    after = service.calendar(ctx)  # released, not moved: the date is still open
    assert (after["last_closed_on"], after["closing_on"], after["business_date"]) == (before["last_closed_on"], None, on)
    monkeypatch.undo()
    again = service.close_through(ctx, on)  # the contracts it closed are skipped, the rest of the date runs
    assert again["status"] == "completed" and again["closed"] + again["skipped"] == len(ids)
    assert service.calendar(ctx)["last_closed_on"] == on
    _books_balance(ctx, on)
