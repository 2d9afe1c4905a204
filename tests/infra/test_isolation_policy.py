"""The tenant isolation policy, evaluated: tenant A's session reaches A's keys and objects, nothing else.

No AWS: the policies are parsed and the requests decided by ``policy_eval``. The session policy is the
one the app builds at assume-role time (``isolation.tenant_session_policy``); the role's ceiling is read
out of the synthesised template, so the pair is checked as deployed.
"""
from __future__ import annotations

import json

import pytest

from chalicelib.platform.isolation import tenant_session_policy
from chalicelib.platform.keys import partition
from tests.infra.policy_eval import Request, UnsupportedPolicy, is_allowed, is_allowed_in_session, iam_match, resolve

TABLE = "arn:aws:dynamodb:ap-east-1:123456789012:table/jinkong-test-main"
GSI1 = f"{TABLE}/index/GSI1"
DOCS = "arn:aws:s3:::jinkong-test-documents"
KEY = "arn:aws:kms:ap-east-1:123456789012:key/1234abcd-0000-0000-0000-000000000000"
VIA_DYNAMODB = {"kms:ViaService": "dynamodb.ap-east-1.amazonaws.com"}


def lending(read_only: bool = False) -> dict:
    return tenant_session_policy("demo-lending", TABLE, [DOCS], read_only, table_key_arn=KEY)


def item(action: str, *leading_keys: str, resource: str = TABLE) -> Request:
    return Request(f"dynamodb:{action}", resource, {"dynamodb:LeadingKeys": list(leading_keys)})


# --- DynamoDB: dynamodb:LeadingKeys ----------------------------------------------------------------


def test_a_tenant_reads_and_writes_its_own_items():
    own = partition("demo-lending", "LOAN", "L-1")
    assert is_allowed(lending(), item("GetItem", own))
    assert is_allowed(lending(), item("PutItem", own))
    assert is_allowed(lending(), item("Query", partition("demo-lending", "PRODUCTS"), resource=GSI1))


def test_a_tenant_cannot_reach_a_sister_company_s_items():
    assert not is_allowed(lending(), item("GetItem", partition("demo-leasing", "LOAN", "L-1")))
    assert not is_allowed(lending(), item("Query", partition("demo-group", "SUBSIDIARIES"), resource=GSI1))


def test_a_tenant_id_that_merely_starts_with_another_is_another_tenant():
    # The prefix ends with its separator: T#demo-lending#* does not admit T#demo-lending-evil#...
    assert not is_allowed(lending(), item("GetItem", "T#demo-lending-evil#LOAN#L-1"))


def test_a_batch_touching_any_other_tenant_is_refused_whole():
    mixed = item("BatchGetItem", partition("demo-lending", "LOAN", "L-1"), partition("demo-leasing", "LOAN", "L-1"))
    assert not is_allowed(lending(), mixed)


def test_keys_outside_the_tenant_key_space_are_refused():
    for key in ("TENANT#demo-lending", "demo-lending#LOAN", "T#demo-lending", ""):
        assert not is_allowed(lending(), item("GetItem", key)), key


def test_scan_is_never_allowed_since_it_has_no_leading_keys_to_fence():
    # ForAllValues over no values is true in IAM: only leaving Scan out of the policy keeps it out.
    assert not is_allowed(lending(), Request("dynamodb:Scan", TABLE))
    assert not is_allowed(lending(), Request("dynamodb:Scan", GSI1))


def test_another_table_is_out_of_reach():
    other = "arn:aws:dynamodb:ap-east-1:123456789012:table/someone-else"
    assert not is_allowed(lending(), item("GetItem", partition("demo-lending", "X"), resource=other))


def test_the_read_only_session_of_hq_extractors_cannot_write():
    own = partition("demo-lending", "EXPOSURE", "C-1")
    assert is_allowed(lending(read_only=True), item("Query", own))
    assert not is_allowed(lending(read_only=True), item("PutItem", own))
    assert not is_allowed(lending(read_only=True), item("DeleteItem", own))


# --- S3: the tenant's prefix -----------------------------------------------------------------------


def test_a_tenant_reads_and_writes_only_under_its_own_prefix():
    assert is_allowed(lending(), Request("s3:GetObject", f"{DOCS}/tenants/demo-lending/contracts/c-1.pdf"))
    assert is_allowed(lending(), Request("s3:PutObject", f"{DOCS}/tenants/demo-lending/vouchers/v-1.png"))
    assert not is_allowed(lending(), Request("s3:GetObject", f"{DOCS}/tenants/demo-leasing/contracts/c-1.pdf"))
    assert not is_allowed(lending(), Request("s3:GetObject", f"{DOCS}/tenants/demo-lending-evil/c.pdf"))
    assert not is_allowed(lending(), Request("s3:GetObject", f"{DOCS}/other/thing"))


def test_listing_is_fenced_by_the_requested_prefix():
    def listing(prefix: str | None) -> Request:
        return Request("s3:ListBucket", DOCS, {"s3:prefix": prefix} if prefix is not None else {})

    assert is_allowed(lending(), listing("tenants/demo-lending/"))
    assert is_allowed(lending(), listing("tenants/demo-lending/contracts/"))
    assert not is_allowed(lending(), listing("tenants/demo-leasing/"))
    assert not is_allowed(lending(), listing("tenants/demo-lending"))  # would list demo-lending-evil/ too
    assert not is_allowed(lending(), listing("tenants/"))
    assert not is_allowed(lending(), listing(None))


# --- KMS: the table's key, only through DynamoDB ---------------------------------------------------


def test_the_table_key_is_usable_only_through_dynamodb():
    assert is_allowed(lending(), Request("kms:Decrypt", KEY, VIA_DYNAMODB))
    assert is_allowed(lending(), Request("kms:GenerateDataKey", KEY, VIA_DYNAMODB))
    assert not is_allowed(lending(), Request("kms:Decrypt", KEY))
    assert not is_allowed(lending(), Request("kms:Decrypt", KEY, {"kms:ViaService": "s3.ap-east-1.amazonaws.com"}))
    assert not is_allowed(lending(read_only=True), Request("kms:GenerateDataKey", KEY, VIA_DYNAMODB))


# --- as deployed: the role's ceiling from the template, intersected with the session policy --------


@pytest.fixture(scope="module")
def deployed(real):
    """The data-access role's inline policy with the template's ARNs replaced by concrete ones."""
    stores = real.stack.data.stores
    stack = real.stack
    logical = {
        "table": stack.get_logical_id(stores.table.node.default_child),
        "key": stack.get_logical_id(stores.data_key.node.default_child),
        **{p: stack.get_logical_id(b.node.default_child) for p, b in stores.buckets.items()},
    }
    arns = {
        logical["table"]: TABLE,
        logical["key"]: KEY,
        **{logical[p]: f"arn:aws:s3:::jinkong-test-{p}" for p in stores.buckets},
    }
    role_id = stack.get_logical_id(real.stack.app_functions.data_access.role.node.default_child)
    [inline] = real.template["Resources"][role_id]["Properties"]["Policies"]
    return resolve(inline["PolicyDocument"], arns)


def test_the_deployed_role_alone_reaches_any_tenant_but_nothing_else(deployed):
    assert is_allowed(deployed, item("GetItem", partition("demo-leasing", "LOAN", "L-1")))
    assert not is_allowed(deployed, item("GetItem", "TENANT#demo-leasing"))
    assert not is_allowed(deployed, Request("dynamodb:Scan", TABLE))
    assert not is_allowed(deployed, Request("s3:GetObject", f"{DOCS}/other/thing"))


def test_a_session_of_tenant_a_on_the_deployed_role_reaches_a_and_not_b(deployed):
    session = tenant_session_policy("demo-lending", TABLE, [DOCS], table_key_arn=KEY)
    assert is_allowed_in_session(deployed, session, item("UpdateItem", partition("demo-lending", "LOAN", "L-1")))
    assert is_allowed_in_session(deployed, session, Request("kms:Decrypt", KEY, VIA_DYNAMODB))
    assert not is_allowed_in_session(deployed, session, item("UpdateItem", partition("demo-leasing", "LOAN", "L-1")))
    assert not is_allowed_in_session(deployed, session, item("GetItem", "T#demo-lending-evil#LOAN#L-1"))
    assert not is_allowed_in_session(deployed, session, Request("dynamodb:Scan", TABLE))
    assert not is_allowed_in_session(
        deployed, session, Request("s3:GetObject", f"{DOCS}/tenants/demo-leasing/contracts/c-1.pdf")
    )


# --- the evaluator itself ----------------------------------------------------------------------------


def test_the_evaluator_treats_brackets_literally_and_refuses_what_it_does_not_model():
    assert iam_match("T#[a]#*", "T#[a]#x")
    assert not iam_match("T#[a]#*", "T#a#x")
    assert is_allowed({"Statement": [{"Effect": "Allow", "Action": "S3:getobject", "Resource": "arn:x"}]},
                      Request("s3:GetObject", "arn:x"))
    deny_wins = {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"},
                               {"Effect": "Deny", "Action": "dynamodb:Scan", "Resource": "*"}]}
    assert not is_allowed(deny_wins, Request("dynamodb:Scan", TABLE))
    with pytest.raises(UnsupportedPolicy):
        is_allowed({"Statement": [{"Effect": "Allow", "NotAction": "s3:*", "Resource": "*"}]}, Request("s3:x", "y"))
    with pytest.raises(UnsupportedPolicy):
        is_allowed({"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*",
                                   "Condition": {"NumericLessThan": {"k": "1"}}}]}, Request("s3:x", "y", {"k": "0"}))


def test_the_session_policy_fits_sts_s_inline_policy_limit_at_its_longest():
    """AssumeRole refuses an inline session policy over 2,048 characters (whitespace aside)."""
    longest_tenant = "t" + "x" * 62
    buckets = [f"arn:aws-cn:s3:::{'b' * 63}"] * 3  # the longest bucket names S3 allows, in the longest partition
    table = f"arn:aws-cn:dynamodb:cn-northwest-1:123456789012:table/{'n' * 80}"
    key = "arn:aws-cn:kms:cn-northwest-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    policy = tenant_session_policy(longest_tenant, table, buckets, table_key_arn=key)
    assert len(json.dumps(policy, separators=(",", ":"))) <= 2048
