"""The stack around an app with every kind of function: state machine, event sources, schedules,
silo table, Stripe secrets and the console upload — the wiring the real app will grow into."""
from __future__ import annotations

import json

import pytest
from aws_cdk import Stack
from aws_cdk.assertions import Match, Template

from chalicelib.platform.resources import MAIN_TABLE, STATE_MACHINES, StateMachineDef
from infra import asl
from infra.config import DeployConfig
from infra.workflows import Workflows
from tests.infra.conftest import FIXTURES


@pytest.fixture(scope="module")
def template(fixture) -> Template:
    assert fixture.validation_error is None, fixture.validation_error
    return Template.from_stack(fixture.stack)


def _logical_id(stack, construct) -> str:
    return stack.get_logical_id(construct.node.default_child)


def test_the_consolidation_machine_calls_the_app_s_tasks_by_substitution(fixture, template):
    machines = fixture.resources("AWS::StepFunctions::StateMachine")
    [machine] = machines.values()
    props = machine["Properties"]
    assert props["StateMachineName"] == "jinkong-fixture-group-consolidation"
    # Both placeholder spellings resolve: the function's name in app.py and its logical id.
    assert props["DefinitionSubstitutions"] == {
        "list_subsidiaries": {"Fn::GetAtt": ["ListSubsidiaries", "Arn"]},
        "ExtractExposures": {"Fn::GetAtt": ["ExtractExposures", "Arn"]},
    }
    source = json.loads((FIXTURES / "statemachines" / STATE_MACHINES[0].asl_file).read_text())
    assert props["Definition"] == source  # the file as written, no token spliced into it
    assert props["LoggingConfiguration"]["IncludeExecutionData"] is False


def test_the_machine_may_invoke_exactly_the_functions_it_calls(fixture):
    stack = fixture.stack
    machine = stack.workflows.state_machines["group-consolidation"]
    policy_id = _logical_id(stack, machine.role.node.find_child("DefaultPolicy"))
    statements = fixture.template["Resources"][policy_id]["Properties"]["PolicyDocument"]["Statement"]
    [invoke] = [s for s in statements if s["Action"] == "lambda:InvokeFunction"]
    targets = {r["Fn::GetAtt"][0] if "Fn::GetAtt" in r else r["Fn::Join"][1][0]["Fn::GetAtt"][0] for r in invoke["Resource"]}
    assert targets == {"ListSubsidiaries", "ExtractExposures"}


def test_the_api_can_start_and_follow_the_consolidation(fixture):
    env = fixture.resources("AWS::Serverless::Function")["APIHandler"]["Properties"]["Environment"]["Variables"]
    # Spelled from the machine's name, not a reference: the machine calls these same functions.
    assert env["JINKONG_CONSOLIDATION_STATE_MACHINE_ARN"] == (
        "arn:aws:states:ap-east-1:123456789012:stateMachine:jinkong-fixture-group-consolidation"
    )


def test_the_sqs_consumer_reads_the_stack_s_queue_and_may_consume_it(fixture):
    stack = fixture.stack
    fn = fixture.resources("AWS::Serverless::Function")["DeliverWebhooks"]
    [event] = fn["Properties"]["Events"].values()
    queue_id = _logical_id(stack, stack.data.stores.queues["webhook-delivery"])
    assert event["Type"] == "SQS"
    assert event["Properties"]["Queue"] == {"Fn::GetAtt": [queue_id, "Arn"]}
    # Chalice's own event (on_sqs_message), configured as the stack's consumer definition says.
    assert event["Properties"]["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    role = stack.app_functions.consumer_roles["DeliverWebhooks"]
    assert fn["Properties"]["Role"] == {"Fn::GetAtt": [_logical_id(stack, role), "Arn"]}
    policy_id = _logical_id(stack, role.node.find_child("DefaultPolicy"))
    assert policy_id in fn["DependsOn"]  # permissions exist before the mapping


def test_the_stream_consumer_reads_the_pool_table_s_stream(fixture):
    stack = fixture.stack
    fn = fixture.resources("AWS::Serverless::Function")["PublishEvents"]
    [event] = fn["Properties"]["Events"].values()
    assert event["Properties"]["Stream"] == {"Fn::GetAtt": [_logical_id(stack, stack.data.stores.table), "StreamArn"]}


def test_schedules_run_per_tenant_in_its_own_timezone(fixture):
    schedules = {s["Properties"]["Name"]: s["Properties"] for s in fixture.resources("AWS::Scheduler::Schedule").values()}
    assert set(schedules) == {"consolidation-fixture-group", "end-of-day-fixture-lending", "end-of-day-fixture-leasing"}
    consolidation = schedules["consolidation-fixture-group"]
    assert consolidation["ScheduleExpressionTimezone"] == "Asia/Shanghai"
    assert json.loads(consolidation["Target"]["Input"])["group_id"] == "fixture-group"
    assert schedules["end-of-day-fixture-leasing"]["ScheduleExpressionTimezone"] == "Asia/Hong_Kong"
    assert schedules["end-of-day-fixture-lending"]["Target"]["Arn"] == {"Fn::GetAtt": ["EndOfDayBatch", "Arn"]}


def test_a_silo_tenant_gets_its_own_table_from_the_same_definition(fixture):
    tables = {t["Properties"]["TableName"]: t["Properties"] for t in fixture.resources("AWS::DynamoDB::Table").values()}
    pool, silo = tables["jinkong-fixture-main"], tables["jinkong-fixture-main-fixture-leasing"]
    for key in ("KeySchema", "GlobalSecondaryIndexes", "AttributeDefinitions", "StreamSpecification",
                "PointInTimeRecoverySpecification", "SSESpecification", "TimeToLiveSpecification"):
        assert silo[key] == pool[key], key
    assert [g["IndexName"] for g in silo["GlobalSecondaryIndexes"]] == [ix.name for ix in MAIN_TABLE.indexes]


def test_a_tenant_with_stripe_gets_a_secret_with_a_generated_placeholder_never_the_demo_value(fixture):
    secrets = fixture.resources("AWS::SecretsManager::Secret")
    stripe = {s["Properties"]["Name"]: s["Properties"] for s in secrets.values() if "/stripe" in s["Properties"].get("Name", "")}
    assert set(stripe) == {"jinkong-fixture/tenants/fixture-lending/stripe"}
    generated = stripe["jinkong-fixture/tenants/fixture-lending/stripe"]["GenerateSecretString"]
    assert generated["GenerateStringKey"] == "webhook_secret"
    assert "whsec_" not in json.dumps(fixture.template)


def test_the_console_build_and_its_config_are_uploaded_with_the_right_caching(fixture, template):
    deployments = fixture.resources("Custom::CDKBucketDeployment")
    assert len(deployments) == 2
    cache = {json.dumps(d["Properties"].get("SystemMetadata", {})) for d in deployments.values()}
    assert any("immutable" in c for c in cache) and any("no-cache" in c for c in cache)
    shell = [d for d in deployments.values() if "no-cache" in json.dumps(d["Properties"].get("SystemMetadata", {}))][0]
    assert shell["Properties"]["DistributionPaths"] == ["/*"]


def test_the_console_is_told_where_the_api_and_the_pool_are_at_deploy_time(fixture):
    [shell] = [d["Properties"] for d in fixture.resources("Custom::CDKBucketDeployment").values()
               if "DistributionId" in d["Properties"]]
    config_key = shell["SourceObjectKeys"][1].removesuffix(".zip")
    text = (fixture.outdir / f"asset.{config_key}" / "config.json").read_text()
    markers = shell["SourceMarkers"][1]
    for marker, value in markers.items():  # what CloudFormation writes in place of each marker
        text = text.replace(marker, json.dumps(value))
    config = json.loads(text)
    assert config["stage"] == "fixture"
    assert "RestAPI" in json.dumps(config["apiBaseUrl"]) and config["apiBaseUrl"]["Fn::Join"][1][1]["Fn::Sub"][0].endswith("/v1")
    assert "IdentityUserPool" in json.dumps(config["userPoolId"])


def test_the_real_console_upload_waits_for_a_build(real):
    from aws_cdk.assertions import Annotations

    if (real.stack.config.frontend_dist / "index.html").is_file():
        assert real.resources("Custom::CDKBucketDeployment")
    else:
        assert not real.resources("Custom::CDKBucketDeployment")
        Annotations.from_stack(real.stack).has_warning("/jinkong-test/Console", Match.string_like_regexp("console upload skipped"))


def test_function_errors_are_summed_into_few_alarms(fixture):
    alarms = {a["Properties"]["AlarmName"]: a["Properties"] for a in fixture.resources("AWS::CloudWatch::Alarm").values()}
    errors = alarms["jinkong-fixture-lambda-errors"]
    summed = {m["Id"] for m in errors["Metrics"] if "MetricStat" in m}
    assert len(summed) == len(fixture.resources("AWS::Serverless::Function"))
    assert "jinkong-fixture-states-group-consolidation-failed" in alarms


# --- failures at synth --------------------------------------------------------------------------------


def test_synth_fails_naming_the_function_an_asl_references_but_the_app_lacks(tmp_path):
    stack = Stack()
    config = DeployConfig(stage="fixture", statemachines_dir=FIXTURES / "statemachines", tenants_dir=tmp_path)
    broken = (StateMachineDef("Broken", "broken", "unknown-function.asl.json"),)
    arns = {"ExtractExposures": "arn:aws:lambda:ap-east-1:123456789012:function:x"}
    with pytest.raises(asl.AslError) as error:
        Workflows(stack, "Workflows", config=config, function_arns=arns, tenants=[], definitions=broken)
    message = str(error.value)
    assert "unknown-function.asl.json" in message
    assert "extract_exposure, PersistSnapshot" in message  # what is missing
    assert "ExtractExposures" in message  # and what the app does have
