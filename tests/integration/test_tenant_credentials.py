"""Requests act with per-tenant credentials when a data-access role is configured (the cloud path).

The embedded AWS issues real-looking STS credentials for the role; these tests check the app asks
for them with the tenant's session policy, uses them for reads, writes and transactions, and that
the policy it sends admits only that tenant's keys (evaluated offline by tests/infra/policy_eval).
"""
from __future__ import annotations

import os
import uuid

import pytest

from chalicelib.platform import aws, tenant_credentials
from chalicelib.platform.dynamo import bound, transaction
from chalicelib.platform.settings import get_settings, reset_settings
from chalicelib.shared.tenant import TenantContext, TenantKind
from tests.infra.policy_eval import Request, is_allowed
from tests.integration.test_repository_isolation import NoteRecord, Notes


def ctx(tenant_id: str) -> TenantContext:
    return TenantContext(tenant_id, TenantKind.LENDING, "u", "u")


@pytest.fixture()
def data_role(local_env):
    iam = aws.client("iam")
    role = iam.create_role(RoleName=f"data-{uuid.uuid4().hex[:8]}", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    table_arn = aws.client("dynamodb").describe_table(TableName=get_settings().table_name)["Table"]["TableArn"]
    os.environ.update(JINKONG_TENANT_DATA_ROLE_ARN=role, JINKONG_TABLE_ARN=table_arn)
    reset_settings()
    tenant_credentials.forget()
    yield role
    for var in ("JINKONG_TENANT_DATA_ROLE_ARN", "JINKONG_TABLE_ARN"):
        os.environ.pop(var, None)
    reset_settings()
    tenant_credentials.forget()


def test_without_a_role_the_process_credentials_are_used(local_env):
    assert tenant_credentials.credentials_for("demo-lending") is None
    assert getattr(bound(NoteRecord, ctx("demo-lending")).Meta, "aws_access_key_id", None) is None


def test_each_tenant_gets_its_own_cached_scoped_credentials(data_role):
    a1 = tenant_credentials.credentials_for("demo-lending")
    a2 = tenant_credentials.credentials_for("demo-lending")
    b = tenant_credentials.credentials_for("demo-leasing")
    assert a1 is a2
    assert a1.access_key_id != b.access_key_id
    assert bound(NoteRecord, ctx("demo-lending")).Meta.aws_access_key_id == a1.access_key_id


def test_reads_writes_and_transactions_go_through_the_scoped_credentials(data_role):
    notes, a = Notes(), ctx("demo-lending")
    note_id = uuid.uuid4().hex
    notes.create(a, notes.new(a, note_id, title="scoped"), "notes.exists")
    assert notes.get(a, note_id).title == "scoped"
    second = notes.new(a, uuid.uuid4().hex, title="in a transaction")
    with transaction(a) as tx:
        tx.save(second)
    assert transaction(a)._connection is not transaction(None)._connection  # a connection of its own


def test_the_session_policy_sent_admits_only_the_tenants_keys(data_role):
    policy = tenant_credentials.session_policy_for("demo-lending")
    table = get_settings().table_arn
    own = Request("dynamodb:GetItem", table, {"dynamodb:LeadingKeys": ["T#demo-lending#PRODUCT#X"]})
    sister = Request("dynamodb:GetItem", table, {"dynamodb:LeadingKeys": ["T#demo-leasing#PRODUCT#X"]})
    near_miss = Request("dynamodb:Query", table, {"dynamodb:LeadingKeys": ["T#demo-lending-evil#PRODUCT"]})
    scan = Request("dynamodb:Scan", table, {})
    assert is_allowed(policy, own)
    assert not is_allowed(policy, sister)
    assert not is_allowed(policy, near_miss)
    assert not is_allowed(policy, scan)
