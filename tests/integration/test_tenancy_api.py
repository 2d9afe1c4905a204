"""Tenancy through the API: who am I, onboarding, and what each admin may see."""
from __future__ import annotations

import uuid

import pytest

from chalicelib.platform import aws
from chalicelib.platform.settings import get_settings
from chalicelib.shared.tenant import SUBSIDIARY_ROLES
from tests.support import login


def _subsidiary(tenant_id: str, group: str | None = "demo-group", **extra) -> dict:
    body = {"id": tenant_id, "kind": "lending", "name": {"zh-CN": "测试小贷", "en-US": "Test Lending"},
            "admin": {"username": f"first-admin@{tenant_id}", "email": f"ops@{tenant_id}.example"}}
    if group:
        body["group"] = group
    return {**body, **extra}


def _fresh_id(stem: str) -> str:
    return f"{stem}-{uuid.uuid4().hex[:6]}"


@pytest.mark.parametrize("tenant", ["demo-lending", "demo-leasing", "demo-factoring"])
@pytest.mark.parametrize("role", [r.value for r in SUBSIDIARY_ROLES])
def test_every_subsidiary_demo_user_sees_its_own_tenant_and_role(api, tenant, role):
    r = api.as_(f"{role}@{tenant}").get("/v1/tenants/me")
    assert r.status == 200
    assert (r.body["tenant_id"], r.body["roles"]) == (tenant, [role])


@pytest.mark.parametrize("user,tenant,role", [("group-admin@demo-group", "demo-group", "group-admin"),
                                              ("group-risk@demo-group", "demo-group", "group-risk"),
                                              ("admin@platform", "platform", "platform-admin")])
def test_hq_and_platform_users_see_their_tenant_and_role(api, user, tenant, role):
    r = api.as_(user).get("/v1/tenants/me")
    assert (r.status, r.body["tenant_id"], r.body["roles"]) == (200, tenant, [role])


@pytest.mark.parametrize("hq_user", ["group-admin@demo-group", "group-risk@demo-group"])
def test_group_hq_lists_only_its_own_group(api, hq_user):
    other_group = _fresh_id("other-group")
    created = api.as_("admin@platform").post("/v1/tenants", {
        "id": other_group, "kind": "group", "name": {"zh-CN": "另一集团", "en-US": "Other Group"},
        "admin": {"username": f"group-admin@{other_group}"}})
    assert created.status == 201, created.body
    r = api.as_(hq_user).get("/v1/tenants")
    ids = [t["id"] for t in r.body["items"]]
    assert len(ids) == len(set(ids)), "no tenant listed twice"
    assert set(ids) >= {"demo-group", "demo-lending", "demo-leasing", "demo-factoring"}
    assert other_group not in ids
    assert api.as_(hq_user).get(f"/v1/tenants/{other_group}").status == 404
    everything = {t["id"] for t in api.as_("admin@platform").get("/v1/tenants").body["items"]}
    assert {"demo-group", "demo-lending", other_group, "platform"} <= everything


def test_group_risk_reads_but_does_not_onboard(api):
    assert api.as_("group-risk@demo-group").get("/v1/tenants/demo-leasing").status == 200
    r = api.as_("group-risk@demo-group").post("/v1/tenants", _subsidiary(_fresh_id("risk-made")))
    assert r.status == 403


def test_group_admin_gets_404_for_a_tenant_outside_its_group(api):
    assert api.as_("group-admin@demo-group").get("/v1/tenants/demo-lending").status == 200
    r = api.as_("group-admin@demo-group").get("/v1/tenants/platform")
    assert (r.status, r.code) == (404, "tenancy.tenant.not_found")


def test_group_admin_onboards_a_subsidiary_into_its_own_group_whatever_the_body_says(api):
    tenant_id = _fresh_id("new-lending")
    r = api.as_("group-admin@demo-group").post("/v1/tenants", _subsidiary(tenant_id, group="some-other-group"))
    assert r.status == 201, r.body
    assert r.body["tenant"]["group"] == "demo-group"
    assert r.body["admin_temporary_password"]
    # The new admin exists in Cognito with the immutable tenant claim and the tenant-admin group.
    cognito = aws.client("cognito-idp")
    user = cognito.admin_get_user(UserPoolId=get_settings().user_pool_id, Username=f"first-admin@{tenant_id}")
    attrs = {a["Name"]: a["Value"] for a in user["UserAttributes"]}
    assert attrs["custom:tenant_id"] == tenant_id
    groups = cognito.admin_list_groups_for_user(UserPoolId=get_settings().user_pool_id, Username=f"first-admin@{tenant_id}")
    assert [g["GroupName"] for g in groups["Groups"]] == ["tenant-admin"]
    assert tenant_id in {t["id"] for t in api.as_("group-admin@demo-group").get("/v1/tenants").body["items"]}


def test_onboarded_admin_signs_in_after_setting_a_password_and_sees_its_tenant(api):
    tenant_id = _fresh_id("signin")
    created = api.as_("group-admin@demo-group").post("/v1/tenants", _subsidiary(tenant_id)).body
    cognito = aws.client("cognito-idp")
    username = created["admin_username"]
    cognito.admin_set_user_password(UserPoolId=get_settings().user_pool_id, Username=username,
                                    Password="New-Admin-Pass-2026!", Permanent=True)
    token = login(username, "New-Admin-Pass-2026!")["IdToken"]
    me = api.with_token(token).get("/v1/tenants/me").body
    assert (me["tenant_id"], me["roles"], me["tenant"]["group"]) == (tenant_id, ["tenant-admin"], "demo-group")


def test_onboarding_an_existing_tenant_is_409_and_creates_no_user(api):
    r = api.as_("admin@platform").post("/v1/tenants", _subsidiary("demo-lending") | {"admin": {"username": "dup@x"}})
    assert (r.status, r.code) == (409, "tenancy.tenant.exists")
    cognito = aws.client("cognito-idp")
    with pytest.raises(cognito.exceptions.UserNotFoundException):
        cognito.admin_get_user(UserPoolId=get_settings().user_pool_id, Username="dup@x")


def test_onboarding_with_a_taken_username_is_409_and_registers_nothing(api):
    tenant_id = _fresh_id("taken")
    body = _subsidiary(tenant_id) | {"admin": {"username": "tenant-admin@demo-lending"}}
    r = api.as_("group-admin@demo-group").post("/v1/tenants", body)
    assert (r.status, r.code) == (409, "tenancy.user.exists")
    assert api.as_("admin@platform").get(f"/v1/tenants/{tenant_id}").status == 404


def test_onboarding_reports_every_invalid_field_at_once(api):
    r = api.as_("admin@platform").post("/v1/tenants", {"id": "Bad Id!", "kind": "bank", "name": {"zh-CN": ""},
                                                        "admin": {"username": "x"}})
    assert r.status == 422
    fields = {e["field"] for e in r.body["error"]["details"]["errors"]}
    assert {"id", "kind", "name.zh-CN", "name.en-US", "admin.username"} <= fields
    assert r.code == "tenancy.id.invalid"


def test_subsidiary_roles_cannot_onboard(api):
    r = api.as_("tenant-admin@demo-lending").post("/v1/tenants", _subsidiary(_fresh_id("nope")))
    assert (r.status, r.code) == (403, "auth.role.forbidden")


def test_group_admin_cannot_onboard_a_group(api):
    gid = _fresh_id("rogue-group")
    r = api.as_("group-admin@demo-group").post("/v1/tenants", {
        "id": gid, "kind": "group", "name": {"zh-CN": "x", "en-US": "x"}, "admin": {"username": f"a@{gid}"}})
    assert (r.status, r.code) == (403, "tenancy.onboarding.forbidden")


def test_a_silo_tenant_gets_its_own_table(api):
    tenant_id = _fresh_id("silo")
    r = api.as_("group-admin@demo-group").post("/v1/tenants", _subsidiary(tenant_id, isolation="silo"))
    assert r.status == 201 and r.body["tenant"]["isolation"] == "silo"
    table = f"{get_settings().table_name}-{tenant_id}"
    assert aws.client("dynamodb").describe_table(TableName=table)["Table"]["TableStatus"] == "ACTIVE"


def test_reseeding_tenants_from_yaml_is_idempotent(local_env):
    from chalicelib import bootstrap
    from chalicelib.local.seed import load_definitions

    registry = bootstrap.tenant_registry()
    lending = next(d for d in load_definitions() if d.id == "demo-lending")
    registry.upsert(lending)
    registry.upsert(lending)
    assert registry.get("demo-lending").definition.group_id == "demo-group"
