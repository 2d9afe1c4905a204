"""The synthesised stack of the repository as it stands, asserted with ``aws_cdk.assertions.Template``.

Expectations are derived from ``chalicelib/platform/resources.py`` (and the local provisioner's own
table parameters), never restated, so the cloud and the laptop cannot drift apart unnoticed.
"""
from __future__ import annotations

import json

import pytest
from aws_cdk.assertions import Match, Template

from chalicelib.platform.resources import BUCKETS, MAIN_TABLE, QUEUES, STATE_MACHINES, USER_POOL
from chalicelib.platform.settings import Settings
from chalicelib.platform.tables import create_table_params
from infra.asl import RESOURCE_PLACEHOLDERS
from infra.config import INFRA_DIR


@pytest.fixture(scope="module")
def template(real) -> Template:
    assert real.validation_error is None, real.validation_error
    return Template.from_stack(real.stack)


def _main_table(real) -> dict:
    [table] = [r for r in real.resources("AWS::DynamoDB::Table").values()
               if r["Properties"].get("TableName") == real.stack.config.names["table"]]
    return table["Properties"]


# --- DynamoDB ---------------------------------------------------------------------------------------


def test_table_keys_and_indexes_equal_the_one_definition(real):
    props = _main_table(real)
    expected_keys = [{"AttributeName": MAIN_TABLE.partition_key, "KeyType": "HASH"},
                     {"AttributeName": MAIN_TABLE.sort_key, "KeyType": "RANGE"}]
    expected_indexes = {
        ix.name: [{"AttributeName": ix.partition_key, "KeyType": "HASH"}, {"AttributeName": ix.sort_key, "KeyType": "RANGE"}]
        for ix in MAIN_TABLE.indexes
    }
    assert props["KeySchema"] == expected_keys
    assert {g["IndexName"]: g["KeySchema"] for g in props["GlobalSecondaryIndexes"]} == expected_indexes
    assert all(g["Projection"] == {"ProjectionType": "ALL"} for g in props["GlobalSecondaryIndexes"])


def test_table_is_created_exactly_as_the_local_stack_creates_it(real):
    props = _main_table(real)
    local = create_table_params(MAIN_TABLE, real.stack.config.names["table"])
    assert sorted(props["AttributeDefinitions"], key=lambda a: a["AttributeName"]) == local["AttributeDefinitions"]
    assert props["KeySchema"] == local["KeySchema"]
    assert sorted(props["GlobalSecondaryIndexes"], key=lambda g: g["IndexName"]) == local["GlobalSecondaryIndexes"]
    assert props["StreamSpecification"] == {"StreamViewType": local["StreamSpecification"]["StreamViewType"]}
    assert props["BillingMode"] == local["BillingMode"]


def test_table_has_pitr_ttl_deletion_protection_and_a_customer_managed_key(template):
    template.has_resource("AWS::DynamoDB::Table", {
        "Properties": Match.object_like({
            "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": True},
            "TimeToLiveSpecification": {"AttributeName": MAIN_TABLE.ttl_attribute, "Enabled": True},
            "DeletionProtectionEnabled": True,
            "SSESpecification": {"SSEEnabled": True, "SSEType": "KMS", "KMSMasterKeyId": Match.any_value()},
        }),
        "DeletionPolicy": "Retain",
    })
    template.has_resource_properties("AWS::KMS::Key", {"EnableKeyRotation": True})


# --- Cognito ----------------------------------------------------------------------------------------


def test_user_pool_carries_an_immutable_tenant_claim_and_the_password_policy(template):
    template.has_resource_properties("AWS::Cognito::UserPool", {
        "Schema": Match.array_with([Match.object_like({"Name": USER_POOL.tenant_attribute, "Mutable": False,
                                                       "AttributeDataType": "String"})]),
        "Policies": {"PasswordPolicy": Match.object_like({
            "MinimumLength": USER_POOL.password_min_length, "RequireLowercase": True, "RequireUppercase": True,
            "RequireNumbers": True, "RequireSymbols": True})},
        "MfaConfiguration": "OPTIONAL",
        "AdminCreateUserConfig": {"AllowAdminCreateUserOnly": True},
        "UserPoolTier": "ESSENTIALS",
    })


def test_every_role_is_a_group_and_the_client_has_the_defined_auth_flows(real, template):
    groups = {r["Properties"]["GroupName"] for r in real.resources("AWS::Cognito::UserPoolGroup").values()}
    assert groups == set(USER_POOL.groups)
    [client] = real.resources("AWS::Cognito::UserPoolClient").values()
    assert set(client["Properties"]["ExplicitAuthFlows"]) == set(USER_POOL.explicit_auth_flows)
    assert client["Properties"]["GenerateSecret"] is False
    assert f"custom:{USER_POOL.tenant_attribute}" not in client["Properties"]["WriteAttributes"]


# --- S3 and SQS -------------------------------------------------------------------------------------


def test_every_bucket_blocks_public_access_and_is_encrypted(real):
    buckets = real.resources("AWS::S3::Bucket")
    assert len(buckets) >= len(BUCKETS)
    for logical_id, bucket in buckets.items():
        props = bucket["Properties"]
        assert props["PublicAccessBlockConfiguration"] == {
            "BlockPublicAcls": True, "BlockPublicPolicy": True, "IgnorePublicAcls": True, "RestrictPublicBuckets": True,
        }, logical_id
        assert props["BucketEncryption"]["ServerSideEncryptionConfiguration"], logical_id


def test_every_bucket_refuses_plain_http(real):
    secured = set()
    for policy in real.resources("AWS::S3::BucketPolicy").values():
        for statement in policy["Properties"]["PolicyDocument"]["Statement"]:
            if statement["Effect"] == "Deny" and statement.get("Condition") == {"Bool": {"aws:SecureTransport": "false"}}:
                secured.add(policy["Properties"]["Bucket"]["Ref"])
    assert secured == set(real.resources("AWS::S3::Bucket"))


def test_data_buckets_are_versioned_with_a_lifecycle(real):
    stack, stores = real.stack, real.stack.data.stores
    for b in BUCKETS:
        props = real.template["Resources"][stack.get_logical_id(stores.buckets[b.purpose].node.default_child)]["Properties"]
        assert props["VersioningConfiguration"] == {"Status": "Enabled"}
        assert props["LifecycleConfiguration"]["Rules"]
        assert props["LoggingConfiguration"]["DestinationBucketName"]


def test_every_queue_has_a_dead_letter_queue_with_the_defined_receive_count(real):
    queues = real.resources("AWS::SQS::Queue")
    targets = {k for k, q in queues.items() if "RedrivePolicy" not in q["Properties"]}
    sources = {k: q for k, q in queues.items() if "RedrivePolicy" in q["Properties"]}
    by_name = {q["Properties"]["QueueName"]: q for q in sources.values()}
    names = real.stack.config.names
    for definition in QUEUES:
        redrive = by_name[names[f"queue:{definition.purpose}"]]["Properties"]["RedrivePolicy"]
        assert redrive["maxReceiveCount"] == definition.max_receive_count
        assert redrive["deadLetterTargetArn"]["Fn::GetAtt"][0] in targets
    # Every queue that is not itself a DLQ has one; every DLQ belongs to exactly one queue.
    assert {q["Properties"]["RedrivePolicy"]["deadLetterTargetArn"]["Fn::GetAtt"][0] for q in sources.values()} == targets
    assert len(sources) == len(QUEUES)


# --- the app ----------------------------------------------------------------------------------------


def _app_env(real) -> dict:
    functions = real.resources("AWS::Serverless::Function")
    return functions["APIHandler"]["Properties"]["Environment"]["Variables"]


def test_the_app_gets_its_settings_from_the_stack(real):
    env = _app_env(real)
    assert env["POWERTOOLS_SERVICE_NAME"] == "jinkong"
    assert env["POWERTOOLS_METRICS_NAMESPACE"] == "jinkong-test"
    assert env["JINKONG_STAGE"] == "test"
    # The names the app reads through Settings are settings fields, not a guess at their spelling.
    fields = {f"JINKONG_{name.upper()}" for name in Settings.model_fields}
    core = {"JINKONG_TABLE_NAME", "JINKONG_USER_POOL_ID", "JINKONG_USER_POOL_CLIENT_ID", "JINKONG_DOCUMENTS_BUCKET",
            "JINKONG_REPORTS_BUCKET", "JINKONG_CLEARING_BUCKET", "JINKONG_WEBHOOK_QUEUE_URL", "JINKONG_EVENTS_QUEUE_URL",
            "JINKONG_IDENTITY_HASH_KEY", "JINKONG_STAGE"}
    assert core <= set(env) and core <= fields
    # What the stack passes beyond today's Settings is listed here, to be read by the app as it grows.
    beyond = {"JINKONG_TABLE_ARN", "JINKONG_TABLE_STREAM_ARN", "JINKONG_TABLE_KEY_ARN", "JINKONG_TENANT_DATA_ROLE_ARN",
              "JINKONG_STRIPE_SECRET_NAME_TEMPLATE", "JINKONG_CONSOLE_ORIGIN", "JINKONG_CONSOLIDATION_STATE_MACHINE_ARN"}
    assert {k for k in env if k.startswith("JINKONG_")} - fields <= beyond


def test_secrets_reach_the_app_by_reference_only(real):
    env = _app_env(real)
    joined = json.dumps(env["JINKONG_IDENTITY_HASH_KEY"])
    assert "{{resolve:secretsmanager:" in joined
    assert "local-demo-identity-key" not in json.dumps(real.template)


def test_every_function_is_traced_and_logs_to_a_group_with_retention(real):
    functions = real.resources("AWS::Serverless::Function")
    groups = real.resources("AWS::Logs::LogGroup")
    assert functions
    for logical_id, fn in functions.items():
        props = fn["Properties"]
        assert props["Tracing"] == "Active", logical_id
        group = props["LoggingConfig"]["LogGroup"]["Ref"]
        assert groups[group]["Properties"]["RetentionInDays"] == 90, logical_id


def test_the_api_is_named_per_stage_and_throttled(real):
    [api] = real.resources("AWS::Serverless::Api").values()
    assert api["Properties"]["Name"] == "jinkong-test"
    assert api["Properties"]["MethodSettings"][0]["ThrottlingRateLimit"] > 0


# --- isolation --------------------------------------------------------------------------------------


def test_only_the_app_s_own_roles_may_assume_the_data_access_role(real):
    """The shared Lambda role and each queue worker's role; nothing else."""
    stack = real.stack
    functions = stack.app_functions
    data_role = real.template["Resources"][stack.get_logical_id(functions.data_access.role.node.default_child)]
    app_roles = {stack.get_logical_id(r.node.default_child) for r in [functions.role, *functions.consumer_roles.values()]}
    assert len(app_roles) == 1 + len(functions.consumer_roles) >= 2  # the real app has the webhook worker
    [statement] = data_role["Properties"]["AssumeRolePolicyDocument"]["Statement"]
    assert statement["Action"] == "sts:AssumeRole"
    principals = statement["Principal"]["AWS"]
    assert {p["Fn::GetAtt"][0] for p in (principals if isinstance(principals, list) else [principals])} == app_roles


def test_the_isolation_condition_fences_every_dynamodb_grant(real):
    """No role reaches table items without a dynamodb:LeadingKeys condition on T#…, and none may Scan."""
    stack = real.stack
    table_ids = {stack.get_logical_id(t.node.default_child) for t in stack.data.stores.all_tables}
    policies = [p["Properties"]["PolicyDocument"] for p in real.resources("AWS::IAM::Policy").values()]
    for role in real.resources("AWS::IAM::Role").values():
        policies += [p["PolicyDocument"] for p in role["Properties"].get("Policies", [])]
    fenced = 0
    for document in policies:
        for statement in document["Statement"]:
            actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
            touches_table = table_ids & set(_refs(statement.get("Resource")))
            item_actions = [a for a in actions if a.startswith("dynamodb:") and "Stream" not in a and a != "dynamodb:GetRecords"
                            and a != "dynamodb:GetShardIterator"]
            if touches_table and item_actions:
                assert "dynamodb:Scan" not in actions
                leading = statement["Condition"]["ForAllValues:StringLike"]["dynamodb:LeadingKeys"]
                assert all(k.startswith("T#") and k.endswith("*") for k in leading), leading
                fenced += 1
    assert fenced >= 2  # the data-access role's ceiling and the Lambda role's own (platform) partition


def _refs(node) -> list[str]:
    found = []
    if isinstance(node, dict):
        if "Fn::GetAtt" in node:
            found.append(node["Fn::GetAtt"][0])
        if "Ref" in node:
            found.append(node["Ref"])
        for v in node.values():
            found += _refs(v)
    elif isinstance(node, list):
        for v in node:
            found += _refs(v)
    return found


def test_the_lambda_role_reaches_only_the_platform_partition_itself(real):
    stack = real.stack
    table_id = stack.get_logical_id(stack.data.stores.table.node.default_child)
    policy_id = stack.get_logical_id(stack.app_functions.role.node.find_child("DefaultPolicy").node.default_child)
    statements = real.template["Resources"][policy_id]["Properties"]["PolicyDocument"]["Statement"]
    direct = [s for s in statements if table_id in _refs(s.get("Resource")) and "dynamodb:GetItem" in s["Action"]]
    assert [s["Condition"]["ForAllValues:StringLike"]["dynamodb:LeadingKeys"] for s in direct] == [["T#platform#*"]]


# --- state machines, alarms, outputs -----------------------------------------------------------------


def test_state_machines_are_deployed_when_their_asl_exists_and_skipped_with_a_warning_otherwise(real):
    from aws_cdk.assertions import Annotations

    deployed = {r["Properties"]["StateMachineName"] for r in real.resources("AWS::StepFunctions::StateMachine").values()}
    for sm in STATE_MACHINES:
        name = real.stack.config.names[f"statemachine:{sm.name}"]
        if (INFRA_DIR / "statemachines" / sm.asl_file).is_file():
            assert name in deployed
        else:
            assert name not in deployed
            Annotations.from_stack(real.stack).has_warning(
                "/jinkong-test/Workflows", Match.string_like_regexp(f"state machine {sm.name} skipped")
            )


def test_state_machine_definitions_reference_only_functions_that_exist(any_stack):
    functions = set(any_stack.resources("AWS::Serverless::Function"))
    for logical_id, machine in any_stack.resources("AWS::StepFunctions::StateMachine").items():
        props = machine["Properties"]
        placeholders = set(_placeholders(json.dumps(props["Definition"])))
        substitutions = props.get("DefinitionSubstitutions", {})
        assert placeholders == set(substitutions), logical_id
        buckets = set(any_stack.resources("AWS::S3::Bucket"))
        for name, value in substitutions.items():
            if name in RESOURCE_PLACEHOLDERS:  # the bucket a Distributed Map writes its results to
                assert value["Ref"] in buckets, (logical_id, value)
                continue
            target, attribute = value["Fn::GetAtt"]
            assert target in functions and attribute == "Arn", (logical_id, value)
        assert props["TracingConfiguration"] == {"Enabled": True}
        assert props["LoggingConfiguration"]["Level"] == "ALL"


def _placeholders(text: str) -> list[str]:
    from infra.asl import placeholders

    return placeholders(text)


def test_alarms_cover_the_api_functions_dead_letters_and_the_table(real):
    names = {a["Properties"]["AlarmName"] for a in real.resources("AWS::CloudWatch::Alarm").values()}
    expected = {"jinkong-test-api-5xx", "jinkong-test-api-latency", "jinkong-test-dynamodb-main-throttled"}
    expected |= {f"jinkong-test-dlq-{q.purpose}" for q in QUEUES}
    assert expected <= names
    for what in ("errors", "throttles"):  # ten functions to an alarm: one, or several numbered
        assert f"jinkong-test-lambda-{what}" in names or f"jinkong-test-lambda-{what}-1" in names
    topic = real.stack.get_logical_id(real.stack.alarms.topic.node.default_child)
    for alarm in real.resources("AWS::CloudWatch::Alarm").values():
        assert alarm["Properties"]["AlarmActions"] == [{"Ref": topic}]


def test_the_alarm_topic_is_encrypted_and_tls_only(template):
    template.has_resource_properties("AWS::SNS::Topic", {"KmsMasterKeyId": Match.any_value()})
    template.has_resource_properties("AWS::SNS::TopicPolicy", {
        "PolicyDocument": {"Statement": Match.array_with([Match.object_like({
            "Effect": "Deny", "Condition": {"Bool": {"aws:SecureTransport": "false"}}})])},
    })


def test_the_console_is_private_behind_cloudfront_with_origin_access_control(template):
    template.resource_count_is("AWS::CloudFront::OriginAccessControl", 1)
    template.has_resource_properties("AWS::CloudFront::Distribution", {
        "DistributionConfig": Match.object_like({
            "DefaultRootObject": "index.html",
            "Origins": [Match.object_like({"OriginAccessControlId": Match.any_value(),
                                           "S3OriginConfig": {"OriginAccessIdentity": ""}})],
            "DefaultCacheBehavior": Match.object_like({"ViewerProtocolPolicy": "redirect-to-https"}),
        }),
    })


def test_outputs_tell_an_operator_where_things_are(template):
    outputs = template.to_json()["Outputs"]
    for name in ("ApiUrl", "ConsoleUrl", "UserPoolId", "UserPoolClientId", "TableName", "TenantDataRoleArn",
                 "AlarmTopicArn", "Region"):
        assert name in outputs


def test_the_consolidation_s_distributed_map_may_run_its_children_and_read_and_write_run_files(real):
    stack = real.stack
    machine = stack.workflows.state_machines["group-consolidation"]
    policy_id = stack.get_logical_id(machine.role.node.find_child("DefaultPolicy").node.default_child)
    statements = real.template["Resources"][policy_id]["Properties"]["PolicyDocument"]["Statement"]
    actions = {a for s in statements for a in ([s["Action"]] if isinstance(s["Action"], str) else s["Action"])}
    assert {"states:StartExecution", "states:DescribeExecution", "states:StopExecution",
            "s3:GetObject", "s3:PutObject", "s3:ListBucket"} <= actions
    bucket_id = stack.get_logical_id(stack.data.stores.buckets["reports"].node.default_child)
    [objects] = [s for s in statements if "s3:GetObject" in s["Action"]]
    assert objects["Resource"] == {"Fn::Join": ["", [{"Fn::GetAtt": [bucket_id, "Arn"]}, "/tenants/*"]]}
