"""Auth through the real local HTTP server, with tokens Cognito (the embedded one) issued."""
from __future__ import annotations

import time

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from chalicelib.platform import aws
from chalicelib.platform.settings import get_settings
from tests.support import login

pytestmark = pytest.mark.http


def test_given_no_token_when_calling_a_protected_route_then_401(http_server):
    r = http_server.request("GET", "/v1/tenants/me")
    assert r.status == 401
    assert r.body["error"]["code"] == "auth.token.missing"


def test_given_public_routes_when_called_without_token_then_they_answer(http_server):
    health = http_server.request("GET", "/v1/health")
    config = http_server.request("GET", "/v1/auth/config")
    assert health.status == 200 and health.body["status"] == "ok"
    s = get_settings()
    assert config.body == {"region": s.region, "user_pool_id": s.user_pool_id, "client_id": s.user_pool_client_id,
                           "cognito_endpoint": s.cognito_endpoint}


def test_given_a_demo_login_when_asking_who_am_i_then_tenant_and_roles_come_from_the_token(http_server, logins):
    r = http_server.request("GET", "/v1/tenants/me", token=logins.token("loan-officer@demo-lending"))
    assert r.status == 200
    assert r.body["tenant_id"] == "demo-lending"
    assert r.body["kind"] == "lending"
    assert r.body["roles"] == ["loan-officer"]
    assert r.body["tenant"]["group"] == "demo-group"
    assert r.headers.get("X-Correlation-Id")


def test_given_garbage_token_then_401(http_server):
    r = http_server.request("GET", "/v1/tenants/me", token="not.a.jwt")
    assert (r.status, r.body["error"]["code"]) == (401, "auth.token.invalid")


def test_given_a_token_signed_by_a_foreign_key_with_the_pools_claims_then_401(http_server, logins):
    genuine = jwt.decode(logins.token("tenant-admin@demo-lending"), options={"verify_signature": False})
    header = jwt.get_unverified_header(logins.token("tenant-admin@demo-lending"))
    forger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    forged_claims = {**genuine, "custom:tenant_id": "demo-leasing", "exp": int(time.time()) + 600}
    forged = jwt.encode(forged_claims, forger, algorithm="RS256", headers={"kid": header["kid"]})
    r = http_server.request("GET", "/v1/tenants/me", token=forged)
    assert (r.status, r.body["error"]["code"]) == (401, "auth.token.invalid")


def test_given_an_unsigned_token_then_401(http_server, logins):
    claims = jwt.decode(logins.token("tenant-admin@demo-lending"), options={"verify_signature": False})
    unsigned = jwt.encode(claims, key=None, algorithm="none")
    assert http_server.request("GET", "/v1/tenants/me", token=unsigned).status == 401


def test_given_an_access_token_instead_of_an_id_token_then_401(http_server):
    access = login("viewer@demo-lending")["AccessToken"]
    r = http_server.request("GET", "/v1/tenants/me", token=access)
    assert r.status == 401


def test_given_a_token_from_another_app_client_then_401(http_server):
    cognito = aws.client("cognito-idp")
    s = get_settings()
    other = cognito.create_user_pool_client(UserPoolId=s.user_pool_id, ClientName="not-the-console",
                                            ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])
    token = login("viewer@demo-lending", client_id=other["UserPoolClient"]["ClientId"])["IdToken"]
    r = http_server.request("GET", "/v1/tenants/me", token=token)
    assert (r.status, r.body["error"]["code"]) == (401, "auth.token.invalid")


def test_given_a_token_from_another_user_pool_then_401(http_server):
    cognito = aws.client("cognito-idp")
    pool = cognito.create_user_pool(PoolName=f"{get_settings().table_name}-foreign",
                                    Schema=[{"Name": "tenant_id", "AttributeDataType": "String", "Mutable": False}])
    pool_id = pool["UserPool"]["Id"]
    client_id = cognito.create_user_pool_client(UserPoolId=pool_id, ClientName="c",
                                                ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH"])["UserPoolClient"]["ClientId"]
    cognito.admin_create_user(UserPoolId=pool_id, Username="intruder", MessageAction="SUPPRESS",
                              UserAttributes=[{"Name": "custom:tenant_id", "Value": "demo-lending"}])
    cognito.admin_set_user_password(UserPoolId=pool_id, Username="intruder", Password="Intruder-Pass-2026!", Permanent=True)
    try:
        token = login("intruder", "Intruder-Pass-2026!", client_id=client_id)["IdToken"]
        r = http_server.request("GET", "/v1/tenants/me", token=token)
        assert (r.status, r.body["error"]["code"]) == (401, "auth.token.invalid")
    finally:
        cognito.delete_user_pool(UserPoolId=pool_id)


def test_given_a_role_that_does_not_allow_the_route_then_403(http_server, logins):
    r = http_server.request("GET", "/v1/tenants", token=logins.token("loan-officer@demo-lending"))
    assert (r.status, r.body["error"]["code"]) == (403, "auth.role.forbidden")


def test_given_a_tenant_named_in_headers_and_query_then_the_token_wins(http_server, logins):
    r = http_server.request("GET", "/v1/tenants/me?tenant_id=demo-leasing", token=logins.token("viewer@demo-lending"),
                            headers={"X-Tenant-Id": "demo-leasing", "X-Amz-Tenant": "demo-leasing"})
    assert r.status == 200 and r.body["tenant_id"] == "demo-lending"


def test_given_malformed_json_then_400_and_nothing_changes(http_server, logins):
    token = logins.token("admin@platform")
    r = http_server.request("POST", "/v1/tenants", token=token, body=b"{not json")
    assert (r.status, r.body["error"]["code"]) == (400, "request.body.malformed")


@pytest.mark.parametrize("method", ["TRACE", "CONNECT", "FOO"])
def test_a_method_no_route_has_answers_403_json_like_api_gateway_not_a_501_page(http_server, method):
    r = http_server.request(method, "/v1/tenants/me")
    assert (r.status, r.body) == (403, {"message": "Missing Authentication Token"})
    assert r.headers["Content-Type"] == "application/json"
    assert http_server.request("GET", "/v1/health").status == 200  # the server carries on
