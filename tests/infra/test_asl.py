"""ASL placeholders: bound to the app's functions, or refused with a message naming what is missing."""
from __future__ import annotations

import json

import pytest

from infra.asl import AslError, cfn_logical_id, placeholders, render_asl, substitutions
from tests.infra.conftest import FIXTURES

ARNS = {
    "ListSubsidiaries": "arn:aws:lambda:ap-east-1:123456789012:function:jinkong-dev-ListSubsidiaries",
    "ExtractExposures": "arn:aws:lambda:ap-east-1:123456789012:function:jinkong-dev-ExtractExposures",
}
GOOD = (FIXTURES / "statemachines" / "group-consolidation.asl.json").read_text()
BAD = (FIXTURES / "statemachines" / "unknown-function.asl.json").read_text()


def test_logical_ids_follow_chalice_s_rule():
    from chalice.utils import to_cfn_resource_name

    for name in ("extract_exposures", "end-of-day", "a_b_c", "EOD", "x2_y", "api_handler"):
        assert cfn_logical_id(name) == to_cfn_resource_name(name)


def test_placeholders_are_listed_once_in_order_of_appearance():
    assert placeholders(GOOD) == ["list_subsidiaries", "ExtractExposures"]
    assert placeholders('{"a": "${X}", "b": "${X}", "c": "$.path", "d": "States.Format(\'{}\', $.x)"}') == ["X"]


def test_either_spelling_of_a_function_binds_to_its_arn():
    assert substitutions(GOOD, ARNS) == {"list_subsidiaries": ARNS["ListSubsidiaries"],
                                         "ExtractExposures": ARNS["ExtractExposures"]}


def test_rendering_puts_the_arns_in_place_for_the_local_stack():
    rendered = json.loads(render_asl(GOOD, ARNS))
    assert rendered["States"]["ListSubsidiaries"]["Parameters"]["FunctionName"] == ARNS["ListSubsidiaries"]
    extract = rendered["States"]["ExtractEach"]["ItemProcessor"]["States"]["Extract"]
    assert extract["Resource"] == ARNS["ExtractExposures"]


def test_a_placeholder_naming_no_function_is_refused_with_what_exists():
    with pytest.raises(AslError) as error:
        substitutions(BAD, ARNS, source="unknown-function.asl.json")
    message = str(error.value)
    assert "unknown-function.asl.json" in message
    assert "extract_exposure, PersistSnapshot" in message
    assert "ExtractExposures, ListSubsidiaries" in message


def test_a_file_that_is_not_a_state_machine_is_refused():
    with pytest.raises(AslError, match="not valid JSON"):
        substitutions('{"StartAt": "A", "States": {', ARNS)
    with pytest.raises(AslError, match="no StartAt/States"):
        substitutions('{"Comment": "nothing"}', ARNS)


def test_a_resource_placeholder_binds_to_the_name_given_and_is_no_function():
    text = GOOD.replace('"StartAt"', '"Comment": "${reports_bucket}", "StartAt"', 1)
    assert substitutions(text, ARNS, resources={"reports_bucket": "jk-reports"})["reports_bucket"] == "jk-reports"
    assert json.loads(render_asl(text, ARNS, resources={"reports_bucket": "jk-reports"}))["Comment"] == "jk-reports"
    with pytest.raises(AslError, match="reports_bucket"):
        substitutions(text, ARNS)  # unbound: refused like a missing function
