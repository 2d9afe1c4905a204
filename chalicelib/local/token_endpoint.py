"""Cognito's OAuth 2.0 token endpoint for client credentials, which moto 5.2.5 does not serve.

moto keeps resource servers and app clients with secrets, OAuth flows and scopes, but has no hosted
``/oauth2/token``. Locally this module answers ``POST /oauth2/token`` on the local HTTP server (the
API's own port) the way Cognito's user pool domain does:

* client authentication by HTTP Basic (``client_id:client_secret``) or form fields, checked against
  the app client moto holds (``invalid_client``, 401);
* ``grant_type=client_credentials`` only (``unsupported_grant_type``), for an app client allowed that
  flow (``unauthorized_client``); ``scope`` a subset of the client's allowed scopes, all of them when
  omitted (``invalid_scope``);
* the access token carries exactly Cognito's client-credentials claims — ``sub`` (the client id),
  ``token_use: access``, ``scope``, ``auth_time``, ``iss``, ``exp``, ``iat``, ``version: 2``, ``jti``,
  ``client_id`` — and is signed RS256 with the user pool's key, so it verifies against the pool's
  JWKS like any token moto issues, through the API's real verifier.

Written for and pinned to moto 5.2.5 (``tests/integration/test_moto_shims.py``): it reads the pool's
signing key and clients from moto's in-process backend, so it serves the embedded AWS only.
"""
from __future__ import annotations

import base64
import json
import uuid
from typing import Any
from urllib.parse import parse_qs, unquote

from chalicelib.platform.settings import get_settings
from chalicelib.shared import clock

TOKEN_PATH = "/oauth2/token"
_UNIT_SECONDS = {"seconds": 1, "minutes": 60, "hours": 3600, "days": 86400}


def _pool(pool_id: str) -> Any:
    from moto.cognitoidp.models import cognitoidp_backends

    for regions in cognitoidp_backends.values():
        for backend in regions.values():
            if pool_id in backend.user_pools:
                return backend.user_pools[pool_id]
    return None


def _error(status: int, code: str) -> tuple[int, dict[str, Any]]:
    return status, {"error": code}


def _client_credentials(headers: dict[str, str], form: dict[str, str]) -> tuple[str, str] | None:
    auth = next((v for k, v in headers.items() if k.lower() == "authorization"), "")
    scheme, _, value = auth.partition(" ")
    if scheme.lower() == "basic" and value:
        try:
            client_id, _, secret = base64.b64decode(value.strip()).decode().partition(":")
        except (ValueError, UnicodeDecodeError):
            return None
        return unquote(client_id), unquote(secret)
    if form.get("client_id"):
        return form["client_id"], form.get("client_secret", "")
    return None


def issue(headers: dict[str, str], body: bytes | None, user_pool_id: str | None = None) -> tuple[int, dict[str, Any]]:
    """Answer one token request: (HTTP status, JSON body), as Cognito's token endpoint would."""
    form = {k: v[0] for k, v in parse_qs((body or b"").decode("utf-8", "replace")).items()}
    credentials = _client_credentials(headers, form)
    pool = _pool(user_pool_id or get_settings().user_pool_id)
    if credentials is None or pool is None:
        return _error(401, "invalid_client")
    client = pool.clients.get(credentials[0])
    if client is None or not client.generate_secret or client.secret != credentials[1]:
        return _error(401, "invalid_client")
    if form.get("grant_type") != "client_credentials":
        return _error(400, "unsupported_grant_type")
    config = client.extended_config
    if "client_credentials" not in config.get("AllowedOAuthFlows", []) or not config.get("AllowedOAuthFlowsUserPoolClient"):
        return _error(400, "unauthorized_client")
    allowed = list(config.get("AllowedOAuthScopes", []))
    defined = {f"{rs.identifier}/{s['ScopeName']}" for rs in pool.resource_servers.values() for s in (rs.scopes or [])}
    requested = form["scope"].split() if form.get("scope") else allowed
    if not requested or any(s not in allowed or s not in defined for s in requested):
        return _error(400, "invalid_scope")
    validity = int(config.get("AccessTokenValidity", 60)) * _UNIT_SECONDS[
        config.get("TokenValidityUnits", {}).get("AccessToken", "minutes")]
    now = int(clock.now().timestamp())
    claims = {
        "sub": client.id,
        "token_use": "access",
        "scope": " ".join(requested),
        "auth_time": now,
        "iss": f"https://cognito-idp.{pool.region}.amazonaws.com/{pool.id}",
        "exp": now + validity,
        "iat": now,
        "version": 2,
        "jti": str(uuid.uuid4()),
        "client_id": client.id,
    }
    from joserfc import jwt

    key = pool.json_web_key
    token = jwt.encode({"kid": key.kid, "alg": "RS256"}, claims, key)
    return 200, {"access_token": token, "expires_in": validity, "token_type": "Bearer"}


def answer(headers: dict[str, str], body: bytes | None) -> tuple[int, dict[str, str], bytes]:
    """``issue`` as an HTTP response: status, headers and body bytes."""
    status, payload = issue(headers, body)
    return status, {"Content-Type": "application/json", "Cache-Control": "no-store"}, json.dumps(payload).encode()
