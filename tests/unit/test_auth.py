"""Token verification with keys of our own (a JWKS served from a file): no AWS involved."""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from chalicelib.platform.auth import TenantInfo, TokenVerifier, bearer_token, context_from_claims
from chalicelib.shared.errors import Unauthenticated
from chalicelib.shared.tenant import Role, TenantKind

ISSUER = "https://cognito-idp.ap-east-1.amazonaws.com/ap-east-1_test"
AUDIENCE = "console-client"


@pytest.fixture(scope="module")
def keypair():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def verifier(keypair):
    """A verifier whose JWKS is served on loopback, as Cognito serves the pool's."""
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(keypair.public_key()))
    body = json.dumps({"keys": [{**jwk, "kid": "k1", "alg": "RS256", "use": "sig"}]}).encode()

    class Jwks(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Jwks)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield TokenVerifier(f"http://127.0.0.1:{server.server_address[1]}/pool/.well-known/jwks.json", ISSUER, AUDIENCE)
    server.shutdown()


def claims(**over):
    now = int(time.time())
    base = {"sub": "u-1", "iss": ISSUER, "aud": AUDIENCE, "token_use": "id", "iat": now, "exp": now + 3600,
            "custom:tenant_id": "demo-lending", "cognito:groups": ["loan-officer"], "cognito:username": "lo@demo-lending"}
    base.update(over)
    return {k: v for k, v in base.items() if v is not None}


def sign(key, payload, kid="k1"):
    return jwt.encode(payload, key, algorithm="RS256", headers={"kid": kid})


def test_a_valid_id_token_verifies(verifier, keypair):
    assert verifier.verify(sign(keypair, claims()))["custom:tenant_id"] == "demo-lending"


@pytest.mark.parametrize("bad,code", [
    ({"exp": int(time.time()) - 3600}, "auth.token.expired"),
    ({"aud": "someone-else"}, "auth.token.invalid"),
    ({"iss": "https://cognito-idp.ap-east-1.amazonaws.com/other"}, "auth.token.invalid"),
    ({"token_use": "access"}, "auth.token.invalid"),
    ({"token_use": None}, "auth.token.invalid"),
    ({"exp": None}, "auth.token.invalid"),
])
def test_a_token_failing_one_check_is_refused(verifier, keypair, bad, code):
    with pytest.raises(Unauthenticated) as err:
        verifier.verify(sign(keypair, claims(**bad)))
    assert err.value.code == code


def test_a_token_signed_by_another_key_under_the_same_kid_is_refused(verifier):
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    with pytest.raises(Unauthenticated):
        verifier.verify(sign(other, claims()))


def test_an_unknown_kid_is_refused(verifier, keypair):
    with pytest.raises(Unauthenticated):
        verifier.verify(sign(keypair, claims(), kid="k2"))


def test_an_hs256_token_using_the_public_key_as_secret_is_refused(verifier, keypair):
    from cryptography.hazmat.primitives import serialization

    # The classic algorithm-confusion forgery; PyJWT refuses to sign it, so it is crafted by hand.
    pem = keypair.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    import base64
    import hashlib
    import hmac

    def b64(b: bytes) -> str:
        return base64.urlsafe_b64encode(b).decode().rstrip("=")

    head = b64(json.dumps({"alg": "HS256", "typ": "JWT", "kid": "k1"}).encode())
    body = b64(json.dumps(claims()).encode())
    sig = b64(hmac.new(pem, f"{head}.{body}".encode(), hashlib.sha256).digest())
    token = f"{head}.{body}.{sig}"
    with pytest.raises(Unauthenticated):
        verifier.verify(token)


@pytest.mark.parametrize("header", [None, "", "Basic abc", "Bearer ", "Bearer"])
def test_a_missing_or_non_bearer_header_is_401(header):
    with pytest.raises(Unauthenticated) as err:
        bearer_token(header)
    assert err.value.code == "auth.token.missing"


def lookup(kind=TenantKind.LENDING, active=True):
    return lambda tid: TenantInfo(tid, kind, "demo-group", "pool", active)


def test_roles_outside_the_tenants_kind_are_dropped():
    ctx = context_from_claims(claims(**{"cognito:groups": ["loan-officer", "platform-admin", "group-risk", "nonsense"]}),
                              lookup())
    assert ctx.roles == frozenset({Role.LOAN_OFFICER})


def test_an_unknown_or_inactive_tenant_is_401():
    with pytest.raises(Unauthenticated):
        context_from_claims(claims(), lambda tid: None)
    with pytest.raises(Unauthenticated):
        context_from_claims(claims(), lookup(active=False))


def test_a_token_without_a_tenant_claim_is_401():
    with pytest.raises(Unauthenticated) as err:
        context_from_claims(claims(**{"custom:tenant_id": None}), lookup())
    assert err.value.code == "auth.tenant.missing"
