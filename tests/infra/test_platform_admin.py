"""The first platform admin of a deployed stage, created against an in-process AWS (moto)."""
from __future__ import annotations

import boto3
import pytest
from moto import mock_aws

from chalicelib.platform.resources import MAIN_TABLE, USER_POOL
from chalicelib.platform.tables import create_table_params
from infra.platform_admin import create_platform_admin, stack_outputs
from infra.tenants import TENANTS_DIR

REGION = "ap-east-1"


@pytest.fixture()
def deployed_stage(monkeypatch):
    """A table and a user pool as the stack creates them, and the outputs a deploy would print."""
    for var in ("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL_COGNITO_IDP"):
        monkeypatch.delenv(var, raising=False)
    for var in ("JINKONG_TABLE_NAME", "JINKONG_USER_POOL_ID", "AWS_DEFAULT_REGION"):
        monkeypatch.setenv(var, "unset")  # restored after the test; the script overwrites them
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    with mock_aws():
        boto3.client("dynamodb", region_name=REGION).create_table(**create_table_params(MAIN_TABLE, "jinkong-dev-main"))
        cognito = boto3.client("cognito-idp", region_name=REGION)
        pool = cognito.create_user_pool(
            PoolName="jinkong-dev-users",
            Schema=[{"Name": USER_POOL.tenant_attribute, "AttributeDataType": "String", "Mutable": False}],
        )["UserPool"]["Id"]
        for group in USER_POOL.groups:
            cognito.create_group(UserPoolId=pool, GroupName=group)
        cloudformation = boto3.client("cloudformation", region_name=REGION)
        yield {"TableName": "jinkong-dev-main", "UserPoolId": pool, "Region": REGION}, cognito, cloudformation
    from chalicelib.platform.settings import reset_settings

    reset_settings()


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
    _, _, cloudformation = deployed_stage
    cloudformation.create_stack(StackName="jinkong-dev", TemplateBody=(
        '{"Resources": {"Topic": {"Type": "AWS::SNS::Topic"}},'
        ' "Outputs": {"TableName": {"Value": "jinkong-dev-main"}}}'))
    assert stack_outputs("jinkong-dev", cloudformation)["TableName"] == "jinkong-dev-main"
