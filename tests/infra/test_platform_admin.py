"""The first platform admin of a deployed stage, created against an in-process AWS (moto)."""
from __future__ import annotations

import os
import uuid

import pytest

from chalicelib.platform.resources import MAIN_TABLE, USER_POOL
from chalicelib.platform.tables import create_table_params
from infra.platform_admin import create_platform_admin, stack_outputs
from infra.tenants import TENANTS_DIR

@pytest.fixture()
def deployed_stage(local_env, monkeypatch):
    """A table and a user pool as the stack creates them (on the embedded AWS, under names of their
    own), and the outputs a deploy would print.

    Not moto's in-process ``mock_aws``: it resets moto's global backends, which the embedded AWS
    serving the rest of the session shares, and would wipe that session's tables and users.
    """
    from chalicelib.platform import aws
    from chalicelib.platform.settings import get_settings, reset_settings

    stage = f"admin-{uuid.uuid4().hex[:6]}"
    table = f"jinkong-{stage}-main"
    for var in ("JINKONG_TABLE_NAME", "JINKONG_USER_POOL_ID", "AWS_DEFAULT_REGION"):
        monkeypatch.setenv(var, os.environ.get(var, "unset"))  # restored after the test; the script overwrites them
    region = get_settings().region
    aws.client("dynamodb").create_table(**create_table_params(MAIN_TABLE, table))
    cognito = aws.client("cognito-idp")
    pool = cognito.create_user_pool(
        PoolName=f"jinkong-{stage}-users",
        Schema=[{"Name": USER_POOL.tenant_attribute, "AttributeDataType": "String", "Mutable": False}],
    )["UserPool"]["Id"]
    for group in USER_POOL.groups:
        cognito.create_group(UserPoolId=pool, GroupName=group)
    yield {"TableName": table, "UserPoolId": pool, "Region": region, "Stage": stage}, cognito, aws.client("cloudformation")
    monkeypatch.undo()
    reset_settings()
    aws.client("dynamodb").delete_table(TableName=table)
    cognito.delete_user_pool(UserPoolId=pool)


def test_the_first_platform_admin_is_registered_with_its_role(deployed_stage):
    outputs, cognito, _ = deployed_stage
    user = create_platform_admin(outputs, "admin@platform", "ops@example.com", TENANTS_DIR)

    assert user.temporary_password
    attributes = {a["Name"]: a["Value"] for a in cognito.admin_get_user(
        UserPoolId=outputs["UserPoolId"], Username="admin@platform")["UserAttributes"]}
    assert attributes[f"custom:{USER_POOL.tenant_attribute}"] == "platform"
    groups = cognito.admin_list_groups_for_user(UserPoolId=outputs["UserPoolId"], Username="admin@platform")["Groups"]
    assert [g["GroupName"] for g in groups] == ["platform-admin"]

    from chalicelib.tenancy.store import TenantRegistry

    assert TenantRegistry().get("platform").definition.kind.value == "platform"


def test_an_existing_admin_is_left_alone(deployed_stage):
    outputs, _, _ = deployed_stage
    create_platform_admin(outputs, "admin@platform", None, TENANTS_DIR)
    with pytest.raises(SystemExit, match="already exists"):
        create_platform_admin(outputs, "admin@platform", None, TENANTS_DIR)


def test_outputs_are_read_from_the_stack(deployed_stage):
    outputs, _, cloudformation = deployed_stage
    name = f"jinkong-{outputs['Stage']}"
    cloudformation.create_stack(StackName=name, TemplateBody=(
        '{"Resources": {"Topic": {"Type": "AWS::SNS::Topic"}},'
        f' "Outputs": {{"TableName": {{"Value": "{outputs["TableName"]}"}}}}}}'))
    assert stack_outputs(name, cloudformation)["TableName"] == outputs["TableName"]
