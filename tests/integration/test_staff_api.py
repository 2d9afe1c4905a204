"""Staff administration through the API: invite, roles, disable and enable, history, last sign-in.

Each test works in a freshly onboarded subsidiary (its own first admin), so the last-admin and
self-lockout rules see a tenant no other test changes.
"""
from __future__ import annotations

import uuid

import pytest

from chalicelib.platform import aws
from chalicelib.platform.settings import get_settings
from tests.support import login

PASSWORD = "Staff-Admin-Pass-2026!"


def _pool() -> str:
    return get_settings().user_pool_id


def _set_password(username: str, password: str = PASSWORD) -> None:
    aws.client("cognito-idp").admin_set_user_password(UserPoolId=_pool(), Username=username, Password=password,
                                                      Permanent=True)


def _groups(username: str) -> list[str]:
    got = aws.client("cognito-idp").admin_list_groups_for_user(UserPoolId=_pool(), Username=username)
    return sorted(g["GroupName"] for g in got["Groups"])


class Tenant:
    """A fresh subsidiary of demo-group with a signed-in first admin."""

    def __init__(self, api):
        self.id = f"staff-{uuid.uuid4().hex[:6]}"
        created = api.as_("group-admin@demo-group").post("/v1/tenants", {
            "id": self.id, "kind": "lending", "group": "demo-group",
            "name": {"zh-CN": "员工测试小贷", "en-US": "Staff Test Lending"},
            "admin": {"username": f"first-admin@{self.id}"}})
        assert created.status == 201, created.body
        self.admin_name = created.body["admin_username"]
        _set_password(self.admin_name)
        self.admin = api.with_token(login(self.admin_name, PASSWORD)["IdToken"])
        self.api = api

    def user(self, name: str) -> dict:
        page = self.admin.get("/v1/users").body["items"]
        return next(u for u in page if u["username"] == name)

    def invite(self, roles: list[str], stem: str = "staff") -> dict:
        r = self.admin.post("/v1/users", {"username": f"{stem}-{uuid.uuid4().hex[:6]}@{self.id}",
                                          "display_name": "王小明", "roles": roles})
        assert r.status == 201, r.body
        return r.body

    def sign_in(self, username: str):
        _set_password(username)
        return self.api.with_token(login(username, PASSWORD)["IdToken"])


@pytest.fixture()
def tenant(api) -> Tenant:
    return Tenant(api)


def test_onboarding_lists_the_first_admin_with_its_role(tenant):
    admin = tenant.user(tenant.admin_name)
    assert (admin["roles"], admin["status"]) == (["tenant-admin"], "enabled")
    history = tenant.admin.get(f"/v1/users/{admin['id']}/history").body["items"]
    assert [(c["action"], c["actor"]["username"], c["after"]["roles"]) for c in history] == [
        ("invite", "group-admin@demo-group", ["tenant-admin"])]


def test_an_invited_user_sets_a_password_at_first_sign_in_and_holds_both_roles(tenant):
    # Given a user invited with two roles and a temporary password
    invited = tenant.invite(["loan-officer", "first-reviewer"])
    user, temporary = invited["user"], invited["temporary_password"]
    assert temporary and user["roles"] == ["first-reviewer", "loan-officer"]
    assert user["last_sign_in_at"] is None
    # When it signs in, Cognito asks for a new password first
    cognito = aws.client("cognito-idp")
    first = cognito.initiate_auth(ClientId=get_settings().user_pool_client_id, AuthFlow="USER_PASSWORD_AUTH",
                                  AuthParameters={"USERNAME": user["username"], "PASSWORD": temporary})
    assert first["ChallengeName"] == "NEW_PASSWORD_REQUIRED"
    done = cognito.respond_to_auth_challenge(
        ClientId=get_settings().user_pool_client_id, ChallengeName="NEW_PASSWORD_REQUIRED", Session=first["Session"],
        ChallengeResponses={"USERNAME": user["username"], "NEW_PASSWORD": PASSWORD})
    me = tenant.api.with_token(done["AuthenticationResult"]["IdToken"]).get("/v1/tenants/me").body
    # Then it acts in the tenant with both roles, and its sign-in is on record
    assert (me["tenant_id"], me["roles"], me["user_id"]) == (tenant.id, ["first-reviewer", "loan-officer"], user["id"])
    assert tenant.admin.get(f"/v1/users/{user['id']}").body["last_sign_in_at"] is not None


def test_roles_are_given_and_taken_away_and_every_change_is_recorded(tenant):
    user = tenant.invite(["loan-officer"])["user"]
    r = tenant.admin.put(f"/v1/users/{user['id']}/roles", {"roles": ["finance", "collector"]})
    assert (r.status, r.body["roles"]) == (200, ["collector", "finance"]), r.body
    assert _groups(user["username"]) == ["collector", "finance"]
    assert tenant.admin.post(f"/v1/users/{user['id']}/disable").body["status"] == "disabled"
    assert tenant.admin.post(f"/v1/users/{user['id']}/enable").body["status"] == "enabled"
    history = tenant.admin.get(f"/v1/users/{user['id']}/history").body["items"]
    assert [c["action"] for c in history] == ["enable", "disable", "roles", "invite"]
    roles = history[2]
    assert (roles["before"]["roles"], roles["after"]["roles"]) == (["loan-officer"], ["collector", "finance"])
    assert roles["actor"]["username"] == tenant.admin_name and roles["at"]
    assert (history[1]["before"]["enabled"], history[1]["after"]["enabled"]) == (True, False)
    everyone = tenant.admin.get("/v1/user-changes").body["items"]
    assert [c["action"] for c in everyone if c["user_id"] == user["id"]] == ["enable", "disable", "roles", "invite"]


def test_the_same_roles_again_change_nothing(tenant):
    user = tenant.invite(["viewer"])["user"]
    assert tenant.admin.put(f"/v1/users/{user['id']}/roles", {"roles": ["viewer"]}).status == 200
    assert len(tenant.admin.get(f"/v1/users/{user['id']}/history").body["items"]) == 1


@pytest.mark.parametrize("role", ["platform-admin", "group-admin", "group-risk"])
def test_a_tenant_admin_cannot_give_a_role_it_does_not_administer(tenant, role):
    user = tenant.invite(["viewer"])["user"]
    r = tenant.admin.put(f"/v1/users/{user['id']}/roles", {"roles": ["viewer", role]})
    assert (r.status, r.code) == (403, "tenancy.user.role_forbidden")
    name = f"escalate-{uuid.uuid4().hex[:6]}@{tenant.id}"
    invite = tenant.admin.post("/v1/users", {"username": name, "display_name": "x", "roles": [role]})
    assert (invite.status, invite.code) == (403, "tenancy.user.role_forbidden")
    # Nothing changed: no user made, the other's roles and history as they were
    assert aws.client("cognito-idp").list_users(UserPoolId=_pool(), Filter=f'username = "{name}"')["Users"] == []
    assert _groups(user["username"]) == ["viewer"]
    assert len(tenant.admin.get(f"/v1/users/{user['id']}/history").body["items"]) == 1


@pytest.mark.parametrize("role", ["debtor", "wizard", "group-risk"])
def test_a_role_not_of_the_tenants_kind_is_422_even_for_the_platform_admin(api, tenant, role):
    user = tenant.invite(["viewer"])["user"]
    r = api.as_("admin@platform").put(f"/v1/tenants/{tenant.id}/users/{user['id']}/roles", {"roles": [role]})
    assert (r.status, r.code) == (422, "tenancy.user.role_invalid")
    assert _groups(user["username"]) == ["viewer"]


def test_an_admin_cannot_disable_itself_nor_drop_its_own_admin_role(tenant):
    me = tenant.user(tenant.admin_name)
    r = tenant.admin.post(f"/v1/users/{me['id']}/disable")
    assert (r.status, r.code) == (409, "tenancy.user.self_lockout")
    r = tenant.admin.put(f"/v1/users/{me['id']}/roles", {"roles": ["finance"]})
    assert (r.status, r.code) == (409, "tenancy.user.self_lockout")
    assert _groups(tenant.admin_name) == ["tenant-admin"]
    # Adding a role to oneself while keeping the admin role is fine
    ok = tenant.admin.put(f"/v1/users/{me['id']}/roles", {"roles": ["tenant-admin", "finance"]})
    assert (ok.status, ok.body["roles"]) == (200, ["finance", "tenant-admin"])


def test_the_tenant_keeps_an_enabled_admin(api, tenant):
    platform = api.as_("admin@platform")
    only = tenant.user(tenant.admin_name)
    r = platform.post(f"/v1/tenants/{tenant.id}/users/{only['id']}/disable")
    assert (r.status, r.code) == (409, "tenancy.user.last_admin")
    r = platform.put(f"/v1/tenants/{tenant.id}/users/{only['id']}/roles", {"roles": ["viewer"]})
    assert (r.status, r.code) == (409, "tenancy.user.last_admin")
    assert tenant.user(tenant.admin_name)["status"] == "enabled"
    # With a second admin, the platform admin may disable the first
    tenant.invite(["tenant-admin"], stem="second-admin")
    assert platform.post(f"/v1/tenants/{tenant.id}/users/{only['id']}/disable").body["status"] == "disabled"


def test_a_disabled_user_cannot_sign_in_until_enabled(tenant):
    user = tenant.invite(["finance"])["user"]
    _set_password(user["username"])
    tenant.admin.post(f"/v1/users/{user['id']}/disable")
    with pytest.raises(aws.client("cognito-idp").exceptions.NotAuthorizedException):
        login(user["username"], PASSWORD)
    tenant.admin.post(f"/v1/users/{user['id']}/enable")
    assert login(user["username"], PASSWORD)["IdToken"]


def test_another_tenants_user_is_404_and_unchanged(api, tenant):
    user = tenant.invite(["viewer"])["user"]
    other = api.as_("tenant-admin@demo-lending")
    for method, suffix, body in (("GET", "", None), ("PUT", "/roles", {"roles": ["finance"]}),
                                 ("POST", "/disable", None), ("GET", "/history", None)):
        r = other.call(method, f"/v1/users/{user['id']}{suffix}", body)
        assert (r.status, r.code) == (404, "tenancy.user.not_found"), (method, suffix)
    assert user["id"] not in {u["id"] for u in other.get("/v1/users").body["items"]}
    assert (_groups(user["username"]), tenant.user(user["username"])["status"]) == (["viewer"], "enabled")
    # Only the platform admin reaches into another tenant; anyone else's path there is refused
    r = api.as_("group-admin@demo-group").get(f"/v1/tenants/{tenant.id}/users")
    assert (r.status, r.code) == (403, "auth.role.forbidden")
    assert api.as_("admin@platform").get("/v1/tenants/no-such-tenant/users").status == 404


def test_staff_other_than_the_admin_cannot_administer_users(api):
    r = api.as_("loan-officer@demo-lending").get("/v1/users")
    assert (r.status, r.code) == (403, "auth.role.forbidden")
    r = api.as_("group-risk@demo-group").post("/v1/users", {"username": "x-1@demo-group", "display_name": "x",
                                                            "roles": ["group-risk"]})
    assert (r.status, r.code) == (403, "auth.role.forbidden")


def test_group_admin_administers_hq_staff_with_hq_roles_only(api):
    hq = api.as_("group-admin@demo-group")
    names = {u["username"]: u for u in hq.get("/v1/users").body["items"]}
    assert names["group-risk@demo-group"]["roles"] == ["group-risk"]
    username = f"analyst-{uuid.uuid4().hex[:6]}@demo-group"
    made = hq.post("/v1/users", {"username": username, "display_name": "Analyst", "roles": ["group-risk"]})
    assert made.status == 201, made.body
    r = hq.put(f"/v1/users/{made.body['user']['id']}/roles", {"roles": ["group-risk", "tenant-admin"]})
    assert (r.status, r.code) == (403, "tenancy.user.role_forbidden")


def test_a_taken_username_is_409(tenant):
    r = tenant.admin.post("/v1/users", {"username": "loan-officer@demo-lending", "display_name": "x",
                                        "roles": ["viewer"]})
    assert (r.status, r.code) == (409, "tenancy.user.exists")


def test_bad_input_is_422_never_500(tenant):
    r = tenant.admin.post("/v1/users", {"username": "a b", "display_name": "", "roles": []})
    assert r.status == 422 and r.code.startswith("tenancy.user."), r.body
    assert tenant.admin.get("/v1/users/a%23b").status == 422
    assert tenant.admin.get("/v1/users?next=garbage").status == 400
