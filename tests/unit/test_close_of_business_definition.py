"""The close-of-business ASL: every task is one of closing's functions, the contracts fan out over a
Distributed Map read from an S3 manifest (batched by us: moto parses no ItemBatcher), a batch's
platform failures are retried and its lasting failure parks its contracts, every other failure records
the run, and missed dates loop back through the same states."""
from __future__ import annotations

import json
from pathlib import Path

from chalicelib.closing import cob, tasks
from infra.asl import RESOURCE_PLACEHOLDERS, cfn_logical_id, placeholders, render_asl

TEXT = (Path(__file__).resolve().parents[2] / "infra" / "statemachines" / "close-of-business.asl.json").read_text(
    encoding="utf-8")
DOC = json.loads(TEXT)
STATES = DOC["States"]


def test_every_placeholder_is_a_closing_task_registered_by_its_blueprint_or_the_results_bucket():
    from chalice import Chalice

    functions = [n for n in placeholders(TEXT) if n not in RESOURCE_PLACEHOLDERS]
    assert set(functions) == set(tasks.FUNCTION_NAMES)
    app = Chalice(app_name="probe")
    app.register_blueprint(tasks.blueprint)
    assert set(functions) <= {fn.name for fn in app.pure_lambda_functions}
    arns = {cfn_logical_id(n): f"arn:aws:lambda:ap-east-1:000000000000:function:x-{n}" for n in functions}
    rendered = json.loads(render_asl(TEXT, arns, resources={"reports_bucket": "x-reports"}))
    assert rendered["States"]["Begin"]["Resource"].endswith("x-cob_begin")


def test_the_contracts_fan_out_over_a_distributed_map_read_from_the_manifest_and_written_to_s3():
    fan = STATES["CloseContracts"]
    assert fan["ItemProcessor"]["ProcessorConfig"] == {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}
    reader = fan["ItemReader"]
    assert (reader["Resource"], reader["ReaderConfig"]) == ("arn:aws:states:::s3:getObject", {"InputType": "JSON"})
    assert reader["Parameters"] == {"Bucket.$": "$.bucket", "Key.$": "$.manifest_key"}
    assert fan["ResultWriter"]["Resource"] == "arn:aws:states:::s3:putObject"
    assert fan["ResultPath"] is None  # the children's results stay in S3, the date's payload stays small
    assert "ItemBatcher" not in fan and cob.BATCH_SIZE > 1


def test_a_batch_retries_platform_failures_and_parks_its_contracts_when_they_last():
    child = STATES["CloseContracts"]["ItemProcessor"]["States"]
    batch = child["CloseBatch"]
    [retry] = batch["Retry"]
    assert "CloseTransientError" in retry["ErrorEquals"] and retry["MaxAttempts"] >= 2 and retry["BackoffRate"] >= 2
    assert batch["Catch"] == [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "ParkBatch"}]
    assert child["ParkBatch"]["End"] is True and cob.CloseTransientError.__name__ == "CloseTransientError"


def test_every_tenant_level_failure_records_the_run_and_every_task_has_a_timeout():
    for name, state in STATES.items():
        if state["Type"] in ("Task", "Map") and name != "RecordFailure":
            assert state["Catch"][0]["Next"] == "RecordFailure", name
        if state["Type"] == "Task":
            assert state["TimeoutSeconds"], name
    assert STATES[STATES["RecordFailure"]["Next"]]["Type"] == "Fail"


def test_missed_dates_loop_back_through_the_same_states():
    assert STATES["FinishDate"]["Next"] == "NextDate"
    assert STATES["NextDate"]["Choices"] == [{"Variable": "$.more", "BooleanEquals": True, "Next": "ListContracts"}]
    assert STATES["AnyContracts"]["Default"] == "FinishDate"  # a date without contracts still closes
