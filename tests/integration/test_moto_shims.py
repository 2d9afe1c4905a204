"""Each shim in chalicelib/local/moto_shims.py: what moto does without it, and what the shim does.

If a moto upgrade changes the patched behaviour, the "upstream" tests here fail and say so.
"""
from __future__ import annotations

import inspect
import io
import json
import threading
import time
import uuid
import zipfile

import pytest

from chalicelib.local import moto_shims
from chalicelib.platform import aws
from chalicelib.platform.resources import MAIN_TABLE
from chalicelib.platform.tables import create_table_params
from tests.support import EXTERNAL_AWS

# The shims patch the embedded moto in this process; against an external endpoint there is nothing to test.
pytestmark = pytest.mark.skipif(EXTERNAL_AWS, reason="shims patch the embedded moto only")


# --- upstream behaviour the shims exist for --------------------------------------------------------


def test_upstream_moto_is_the_pinned_version():
    import moto

    assert moto.__version__ == moto_shims.MOTO_VERSION


def test_upstream_transact_write_items_still_deep_copies_whole_tables(local_env):
    from moto.dynamodb.models import DynamoDBBackend

    original = DynamoDBBackend.__dict__["transact_write_items"]
    assert original is moto_shims._transact_write_items, "shim not installed"
    upstream_source = inspect.getsource(moto_shims._UPSTREAM["transact_write_items"])
    assert "copy.deepcopy(" in upstream_source and "self.tables[table_name]" in upstream_source, (
        "moto changed how transactions roll back: re-check whether the DynamoDB shim is still needed")


def test_upstream_lambda_invoke_still_needs_docker(local_env):
    upstream_source = inspect.getsource(moto_shims._UPSTREAM["_invoke_lambda"])
    assert "docker" in upstream_source, "moto can now run Lambda without Docker: re-check the Lambda shim"


# --- DynamoDB transactions -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def scratch_table(local_env):
    name = f"shim-{uuid.uuid4().hex[:8]}"
    ddb = aws.client("dynamodb")
    ddb.create_table(**create_table_params(MAIN_TABLE, name))
    yield name
    ddb.delete_table(TableName=name)


def _counter(table: str, pk: str) -> int:
    item = aws.client("dynamodb").get_item(TableName=table, Key={"PK": {"S": pk}, "SK": {"S": "C"}}, ConsistentRead=True)
    return int(item["Item"]["n"]["N"]) if "Item" in item else 0


def _increment_both(table: str, a: str, b: str) -> None:
    aws.client("dynamodb").transact_write_items(TransactItems=[
        {"Update": {"TableName": table, "Key": {"PK": {"S": pk}, "SK": {"S": "C"}},
                    "UpdateExpression": "ADD n :one", "ExpressionAttributeValues": {":one": {"N": "1"}}}}
        for pk in (a, b)
    ])


def test_concurrent_transactions_all_commit_with_no_lost_update(scratch_table):
    a, b = f"T#x#{uuid.uuid4().hex}", f"T#x#{uuid.uuid4().hex}"
    threads = [threading.Thread(target=lambda: [_increment_both(scratch_table, a, b) for _ in range(10)]) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert (_counter(scratch_table, a), _counter(scratch_table, b)) == (80, 80)


def test_a_cancelled_transaction_leaves_items_and_stream_untouched(scratch_table):
    ddb = aws.client("dynamodb")
    pk = f"T#x#{uuid.uuid4().hex}"
    ddb.put_item(TableName=scratch_table, Item={"PK": {"S": pk}, "SK": {"S": "C"}, "n": {"N": "5"}})
    ddb.put_item(TableName=scratch_table, Item={"PK": {"S": pk + "guard"}, "SK": {"S": "C"}, "n": {"N": "1"}})
    stream_arn = ddb.describe_table(TableName=scratch_table)["Table"]["LatestStreamArn"]
    before = _stream_records(stream_arn)
    with pytest.raises(ddb.exceptions.TransactionCanceledException) as err:
        ddb.transact_write_items(TransactItems=[
            {"Update": {"TableName": scratch_table, "Key": {"PK": {"S": pk}, "SK": {"S": "C"}},
                        "UpdateExpression": "SET n = :v", "ExpressionAttributeValues": {":v": {"N": "6"}}}},
            {"Put": {"TableName": scratch_table, "Item": {"PK": {"S": pk + "new"}, "SK": {"S": "C"}, "n": {"N": "1"}}}},
            {"ConditionCheck": {"TableName": scratch_table, "Key": {"PK": {"S": pk + "guard"}, "SK": {"S": "C"}},
                                "ConditionExpression": "n = :nope", "ExpressionAttributeValues": {":nope": {"N": "999"}}}},
        ])
    reasons = [r["Code"] for r in err.value.response["CancellationReasons"]]
    assert reasons == ["None", "None", "ConditionalCheckFailed"]
    assert _counter(scratch_table, pk) == 5
    assert "Item" not in ddb.get_item(TableName=scratch_table, Key={"PK": {"S": pk + "new"}, "SK": {"S": "C"}})
    assert _stream_records(stream_arn) == before


def _stream_records(stream_arn: str) -> int:
    streams = aws.client("dynamodbstreams")
    shard = streams.describe_stream(StreamArn=stream_arn)["StreamDescription"]["Shards"][0]["ShardId"]
    it = streams.get_shard_iterator(StreamArn=stream_arn, ShardId=shard, ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    return len(streams.get_records(ShardIterator=it, Limit=1000)["Records"])


def test_a_conditional_put_racing_a_transaction_is_atomic(scratch_table):
    """Many threads try to claim one key; exactly one conditional put wins, as in DynamoDB."""
    ddb = aws.client("dynamodb")
    pk = f"T#x#{uuid.uuid4().hex}"
    wins = []

    def claim(i: int) -> None:
        try:
            ddb.put_item(TableName=scratch_table, Item={"PK": {"S": pk}, "SK": {"S": "C"}, "n": {"N": str(i)}},
                         ConditionExpression="attribute_not_exists(PK)")
            wins.append(i)
        except ddb.exceptions.ConditionalCheckFailedException:
            pass

    threads = [threading.Thread(target=claim, args=(i,)) for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(wins) == 1 and _counter(scratch_table, pk) == wins[0]


# --- Lambda in-process -----------------------------------------------------------------------------


class ExtractFailed(Exception):
    pass


@pytest.fixture(scope="module")
def functions(local_env):
    lam, iam = aws.client("lambda"), aws.client("iam")
    role = iam.create_role(RoleName=f"shim-{uuid.uuid4().hex[:6]}", AssumeRolePolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
                                                "Action": "sts:AssumeRole"}]}))["Role"]["Arn"]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("app.py", "")
    names = {}
    for key, handler in {"double": lambda event, context: {"value": event["value"] * 2, "fn": context.function_name},
                         "explode": _explode}.items():
        name = f"shim-{key}-{uuid.uuid4().hex[:6]}"
        lam.create_function(FunctionName=name, Runtime="python3.11", Role=role, Handler="app.h",
                            Code={"ZipFile": buf.getvalue()})
        moto_shims.register_lambda_handler(name, handler)
        names[key] = name
    return names


def _explode(event, context):
    raise ExtractFailed("subsidiary extract failed")


def test_invoking_a_lambda_calls_the_registered_handler_in_process(functions):
    out = aws.client("lambda").invoke(FunctionName=functions["double"], Payload=json.dumps({"value": 21}))
    assert json.loads(out["Payload"].read()) == {"value": 42, "fn": functions["double"]}
    assert "FunctionError" not in out


def test_a_handler_exception_becomes_a_function_error_named_after_its_class(functions):
    out = aws.client("lambda").invoke(FunctionName=functions["explode"], Payload=b"{}")
    assert out["FunctionError"] == "Handled"
    assert json.loads(out["Payload"].read())["errorType"] == "ExtractFailed"


# --- Step Functions execution ----------------------------------------------------------------------


def _run(definition: dict, payload: dict) -> dict:
    sfn = aws.client("stepfunctions")
    iam = aws.client("iam")
    role = iam.create_role(RoleName=f"sfn-{uuid.uuid4().hex[:6]}", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    arn = sfn.create_state_machine(name=f"shim-{uuid.uuid4().hex[:8]}", definition=json.dumps(definition),
                                   roleArn=role)["stateMachineArn"]
    # Always name executions: moto reuses the last one when the name is omitted.
    ex = sfn.start_execution(stateMachineArn=arn, name=uuid.uuid4().hex, input=json.dumps(payload))["executionArn"]
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        d = sfn.describe_execution(executionArn=ex)
        if d["status"] != "RUNNING":
            return d
        time.sleep(0.2)
    raise AssertionError("execution did not finish")


def _fn_arn(name: str) -> str:
    return aws.client("lambda").get_function(FunctionName=name)["Configuration"]["FunctionArn"]


def test_a_state_machine_task_runs_the_apps_handler(functions):
    definition = {"StartAt": "Double", "States": {"Double": {"Type": "Task", "Resource": _fn_arn(functions["double"]),
                                                              "End": True}}}
    d = _run(definition, {"value": 4})
    assert d["status"] == "SUCCEEDED"
    assert json.loads(d["output"])["value"] == 8


def test_a_handler_exception_is_caught_by_its_class_name_in_asl(functions):
    definition = {"StartAt": "Extract", "States": {
        "Extract": {"Type": "Task", "Resource": _fn_arn(functions["explode"]),
                    "Retry": [{"ErrorEquals": ["ExtractFailed"], "MaxAttempts": 1, "IntervalSeconds": 1}],
                    "Catch": [{"ErrorEquals": ["ExtractFailed"], "Next": "Partial", "ResultPath": "$.error"}],
                    "End": True},
        "Partial": {"Type": "Pass", "Result": "PARTIAL", "ResultPath": "$.status", "End": True}}}
    d = _run(definition, {})
    assert d["status"] == "SUCCEEDED"
    out = json.loads(d["output"])
    assert out["status"] == "PARTIAL" and out["error"]["Error"] == "ExtractFailed"


# --- DynamoDB answered in-process; queries that read one partition ---------------------------------------


def test_upstream_table_query_still_reads_every_item_of_the_table(local_env):
    upstream_source = inspect.getsource(moto_shims._UPSTREAM["Table.query"])
    assert "self.all_items()" in upstream_source, "moto's query no longer scans all items: re-check the query shim"


def _put(table: str, pk: str, sk: str, **attrs: str) -> None:
    item = {"PK": {"S": pk}, "SK": {"S": sk}, "entity": {"S": "shim"}, **{k: {"S": v} for k, v in attrs.items()}}
    aws.client("dynamodb").put_item(TableName=table, Item=item)


def test_dynamodb_calls_are_answered_in_process_and_agree_with_the_server_over_http(scratch_table):
    pk = f"T#x#{uuid.uuid4().hex}"
    before = moto_shims.in_process_dynamodb.calls
    _put(scratch_table, pk, "ROOT", note="written in-process")
    assert moto_shims.in_process_dynamodb.calls == before + 1
    endpoint = moto_shims.in_process_dynamodb.endpoint_url
    moto_shims.in_process_dynamodb.endpoint_url = ""  # the handler steps aside: this read goes over HTTP
    try:
        over_http = aws.client("dynamodb").get_item(TableName=scratch_table, Key={"PK": {"S": pk}, "SK": {"S": "ROOT"}})
    finally:
        moto_shims.in_process_dynamodb.endpoint_url = endpoint
    assert moto_shims.in_process_dynamodb.calls == before + 1
    assert over_http["Item"]["note"] == {"S": "written in-process"}


def test_a_base_table_query_reads_its_partition_in_key_order_and_pages(scratch_table):
    pk, other = f"T#x#{uuid.uuid4().hex}", f"T#x#{uuid.uuid4().hex}"
    for sk in ("B", "A", "D", "C"):
        _put(scratch_table, pk, sk)
    _put(scratch_table, other, "A")
    ddb = aws.client("dynamodb")
    query = {"TableName": scratch_table, "KeyConditionExpression": "PK = :pk", "ExpressionAttributeValues": {":pk": {"S": pk}}}
    first = ddb.query(**query, Limit=3)
    assert [i["SK"]["S"] for i in first["Items"]] == ["A", "B", "C"]
    rest = ddb.query(**query, Limit=3, ExclusiveStartKey=first["LastEvaluatedKey"])
    assert [i["SK"]["S"] for i in rest["Items"]] == ["D"]
    newest_first = ddb.query(**query, ScanIndexForward=False)
    assert [i["SK"]["S"] for i in newest_first["Items"]] == ["D", "C", "B", "A"]
    prefixed = ddb.query(TableName=scratch_table, KeyConditionExpression="PK = :pk AND begins_with(SK, :b)",
                         ExpressionAttributeValues={":pk": {"S": pk}, ":b": {"S": "B"}})
    assert [i["SK"]["S"] for i in prefixed["Items"]] == ["B"]
    none = ddb.query(TableName=scratch_table, KeyConditionExpression="PK = :pk",
                     ExpressionAttributeValues={":pk": {"S": f"T#x#{uuid.uuid4().hex}"}})
    assert none["Items"] == []


def test_an_index_query_still_sees_every_partition_sorted_by_the_index_key(scratch_table):
    listing = f"T#x#LIST#{uuid.uuid4().hex}"
    for sk in ("2", "3", "1"):
        _put(scratch_table, f"T#x#{uuid.uuid4().hex}", "ROOT", GSI1PK=listing, GSI1SK=sk)
    found = aws.client("dynamodb").query(TableName=scratch_table, IndexName="GSI1",
                                         KeyConditionExpression="GSI1PK = :l",
                                         ExpressionAttributeValues={":l": {"S": listing}})
    assert [i["GSI1SK"]["S"] for i in found["Items"]] == ["1", "2", "3"]


def test_step_functions_reuses_one_client_per_service_in_every_module_that_asks_for_one(local_env):
    import importlib
    import pathlib

    import moto
    from chalicelib.local import moto_shims
    from moto.stepfunctions.parser.asl.utils import boto_client

    root = pathlib.Path(moto.__file__).parent
    users = {".".join(p.relative_to(root.parent).with_suffix("").parts)
             for p in (root / "stepfunctions" / "parser").rglob("*.py")
             if "boto_client_for" in p.read_text(encoding="utf-8") and p.stem != "boto_client"}
    # every module of the interpreter that builds clients is patched (or builds none we reach)
    assert set(moto_shims._BOTO_CLIENT_USERS) <= users
    reached = {"lambda_eval_utils", "resource_eval_s3", "state_task_service_aws_sdk", "state_task_service_sfn",
               "state_task_service_sqs"}
    assert {u for u in users if u.rsplit(".", 1)[1] in reached} == set(moto_shims._BOTO_CLIENT_USERS)
    first = boto_client.boto_client_for("ap-east-1", "lambda")
    assert boto_client.boto_client_for("ap-east-1", "lambda") is first
    for name in moto_shims._BOTO_CLIENT_USERS:
        assert importlib.import_module(name).boto_client_for is boto_client.boto_client_for
    upstream = moto_shims._UPSTREAM["boto_client_for"]
    assert upstream("ap-east-1", "lambda") is not upstream("ap-east-1", "lambda")  # what the shim is for


# --- the client-credentials token endpoint (chalicelib/local/token_endpoint.py) --------------------


@pytest.fixture()
def oauth_client(local_env):
    from chalicelib.platform.settings import get_settings

    cognito = aws.client("cognito-idp")
    made = cognito.create_user_pool_client(
        UserPoolId=get_settings().user_pool_id, ClientName=f"shim-{uuid.uuid4().hex[:6]}", GenerateSecret=True,
        AllowedOAuthFlows=["client_credentials"], AllowedOAuthFlowsUserPoolClient=True,
        AllowedOAuthScopes=["jinkong/quotes:write", "jinkong/applications:read"],
        AccessTokenValidity=30, TokenValidityUnits={"AccessToken": "minutes"})["UserPoolClient"]
    yield made
    cognito.delete_user_pool_client(UserPoolId=made["UserPoolId"], ClientId=made["ClientId"])


def _form(client: dict, **fields: str) -> tuple[dict[str, str], bytes]:
    import base64
    import urllib.parse

    basic = base64.b64encode(f"{client['ClientId']}:{client['ClientSecret']}".encode()).decode()
    return {"Authorization": f"Basic {basic}"}, urllib.parse.urlencode(fields).encode()


def test_upstream_moto_still_serves_no_oauth2_token_endpoint(local_env, oauth_client):
    import urllib.error
    import urllib.request

    headers, body = _form(oauth_client, grant_type="client_credentials")
    req = urllib.request.Request(f"{local_env.endpoint_url}/oauth2/token", data=body, method="POST",
                                 headers={**headers, "Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:  # noqa: S310 — loopback moto server
            answered = resp.read()
    except urllib.error.HTTPError as err:
        answered = err.read()
    assert b"access_token" not in answered, "moto now serves /oauth2/token: drop chalicelib/local/token_endpoint.py"


def test_upstream_moto_still_keeps_resource_servers_and_client_oauth_settings(local_env, oauth_client):
    from chalicelib.platform.settings import get_settings

    cognito = aws.client("cognito-idp")
    described = cognito.describe_user_pool_client(UserPoolId=get_settings().user_pool_id,
                                                  ClientId=oauth_client["ClientId"])["UserPoolClient"]
    assert described["AllowedOAuthFlows"] == ["client_credentials"] and described["ClientSecret"]
    server = cognito.describe_resource_server(UserPoolId=get_settings().user_pool_id, Identifier="jinkong")
    assert {s["ScopeName"] for s in server["ResourceServer"]["Scopes"]} >= {"quotes:write", "applications:read"}


def test_the_token_endpoint_issues_exactly_cognitos_client_credentials_claims_signed_by_the_pool(local_env, oauth_client):
    import jwt

    from chalicelib.local import token_endpoint
    from chalicelib.platform.settings import get_settings

    headers, body = _form(oauth_client, grant_type="client_credentials", scope="jinkong/quotes:write")
    status, answer = token_endpoint.issue(headers, body)
    assert status == 200 and answer["token_type"] == "Bearer" and answer["expires_in"] == 1800
    s = get_settings()
    key = jwt.PyJWKClient(s.jwks_url).get_signing_key_from_jwt(answer["access_token"])  # the pool's own JWKS
    claims = jwt.decode(answer["access_token"], key.key, algorithms=["RS256"], issuer=s.token_issuer)
    assert set(claims) == {"sub", "token_use", "scope", "auth_time", "iss", "exp", "iat", "version", "jti", "client_id"}
    assert (claims["sub"], claims["client_id"], claims["token_use"], claims["scope"], claims["version"]) == (
        oauth_client["ClientId"], oauth_client["ClientId"], "access", "jinkong/quotes:write", 2)
    assert claims["exp"] - claims["iat"] == 1800
    everything = token_endpoint.issue(*_form(oauth_client, grant_type="client_credentials"))[1]
    assert jwt.decode(everything["access_token"], options={"verify_signature": False})["scope"] == \
        "jinkong/quotes:write jinkong/applications:read"


@pytest.mark.parametrize("fields, secret, expected", [
    ({"grant_type": "client_credentials"}, "not-the-secret", (401, "invalid_client")),
    ({"grant_type": "password"}, None, (400, "unsupported_grant_type")),
    ({"grant_type": "client_credentials", "scope": "jinkong/webhooks:manage"}, None, (400, "invalid_scope")),
    ({"grant_type": "client_credentials", "scope": "jinkong/no-such"}, None, (400, "invalid_scope")),
])
def test_the_token_endpoint_refuses_as_cognito_does(local_env, oauth_client, fields, secret, expected):
    from chalicelib.local import token_endpoint

    client = {**oauth_client, "ClientSecret": secret or oauth_client["ClientSecret"]}
    status, answer = token_endpoint.issue(*_form(client, **fields))
    assert (status, answer) == (expected[0], {"error": expected[1]})
