"""The consolidation ASL: every task is one of the app's functions, transient errors are retried,
a failed extract is caught per subsidiary, and every failure path records itself."""
from __future__ import annotations

import json
from pathlib import Path

from chalicelib.risk import pipeline, tasks
from infra.asl import RESOURCE_PLACEHOLDERS, cfn_logical_id, placeholders, render_asl

ASL = Path(__file__).resolve().parents[3] / "infra" / "statemachines" / "group-consolidation.asl.json"
TEXT = ASL.read_text(encoding="utf-8")
DOC = json.loads(TEXT)


def _states(doc=DOC):
    for name, state in doc["States"].items():
        yield name, state
        if state["Type"] == "Map":
            yield from _states(state["ItemProcessor"])


def test_every_placeholder_names_a_task_function_of_the_app_or_the_bucket_results_go_to():
    names = placeholders(TEXT)
    assert set(names) == set(tasks.FUNCTION_NAMES) | {"reports_bucket"}
    assert set(RESOURCE_PLACEHOLDERS) == {"reports_bucket"}
    names = [n for n in names if n not in RESOURCE_PLACEHOLDERS]
    registered = {fn.name for fn in _pure_functions()}
    assert set(names) <= registered


def _pure_functions():
    from chalice import Chalice

    app = Chalice(app_name="probe")
    app.register_blueprint(tasks.blueprint)
    return app.pure_lambda_functions


def test_the_file_renders_with_the_arns_bound_as_the_local_stack_and_cdk_do():
    arns = {cfn_logical_id(n): f"arn:aws:lambda:ap-east-1:000000000000:function:x-{n}" for n in tasks.FUNCTION_NAMES}
    rendered = json.loads(render_asl(TEXT, arns, resources={"reports_bucket": "x-reports"}))
    extract = rendered["States"]["ExtractEach"]["ItemProcessor"]["States"]["Extract"]
    assert extract["Resource"].endswith("x-consolidation_extract")
    assert rendered["States"]["ExtractEach"]["ResultWriter"]["Parameters"] == {
        "Bucket": "x-reports", "Prefix": "map-results/group-consolidation"}


def test_the_extract_retries_transient_errors_with_backoff_and_catches_the_rest_per_subsidiary():
    extract = DOC["States"]["ExtractEach"]["ItemProcessor"]["States"]["Extract"]
    [retry] = extract["Retry"]
    assert "ExtractTransientError" in retry["ErrorEquals"] and "ExtractFailedError" not in retry["ErrorEquals"]
    assert retry["BackoffRate"] >= 2 and retry["MaxAttempts"] >= 2
    assert extract["Catch"] == [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "RecordExtractFailure"}]
    assert pipeline.ExtractTransientError.__name__ == "ExtractTransientError"


def test_every_hq_task_records_a_failure_of_the_run():
    hq = [n for n, s in DOC["States"].items() if s["Type"] in ("Task", "Map") and n != "RecordRunFailure"]
    for name in hq:
        assert DOC["States"][name]["Catch"][0]["Next"] == "RecordRunFailure", name
    assert DOC["States"][DOC["States"]["RecordRunFailure"]["Next"]]["Type"] == "Fail"


def test_every_task_has_a_timeout_and_the_map_reads_each_part_from_the_manifest_in_s3():
    for name, state in _states():
        if state["Type"] == "Task":
            assert state.get("TimeoutSeconds"), name
    extract_each = DOC["States"]["ExtractEach"]
    assert extract_each["ItemProcessor"]["ProcessorConfig"] == {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}
    reader = extract_each["ItemReader"]
    assert (reader["Resource"], reader["ReaderConfig"]) == ("arn:aws:states:::s3:getObject", {"InputType": "JSON"})
    assert reader["Parameters"] == {"Bucket.$": "$.manifest.bucket", "Key.$": "$.manifest.key"}
    # The children's results stay in S3, out of the state payload; no ItemBatcher (batched in the manifest).
    assert extract_each["ResultWriter"]["Resource"] == "arn:aws:states:::s3:putObject"
    assert "ItemBatcher" not in extract_each and "ItemsPath" not in extract_each


def test_a_partial_run_ends_apart_from_a_complete_one():
    choice = DOC["States"]["RunComplete"]
    assert choice["Choices"][0] == {"Variable": "$.status", "StringEquals": "PARTIAL", "Next": "Partial"}


def test_a_scheduled_run_consolidates_the_day_that_closed_before_it_started():
    from datetime import date

    # 02:00 in Shanghai on 1 July is 18:00 UTC on 30 June: the day consolidated is 30 June.
    assert pipeline.scheduled_as_of("2026-06-30T18:00:00Z", "Asia/Shanghai") == date(2026, 6, 30)
