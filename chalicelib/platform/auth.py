"""Cognito token verification, in app code, on every request.

Chalice's local server and test client verify nothing, so the app checks signature (the pool's
JWKS), issuer, audience, expiry and ``token_use`` itself. Tenant and roles come from the verified
claims only; the tenant's kind, group and isolation come from the tenant registry.

Two kinds of caller:

* staff, with an **ID token** from the console's app client (``custom:tenant_id``, ``cognito:groups``);
* a partner's machine client, with an **access token** from the client-credentials flow (``token_use:
  access``, ``client_id``, ``scope``; no user). Its tenant comes from the partner registry, looked up
  server-side by the verified ``client_id`` — never from anything the caller sends — and a revoked
  client's token is refused even before it expires. It holds no roles, only scopes.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any, Callable

from chalicelib.shared.errors import Unauthenticated
from chalicelib.shared.tenant import Role, TenantContext, TenantKind, roles_for_kind

TENANT_CLAIM = "custom:tenant_id"
GROUPS_CLAIM = "cognito:groups"
LEEWAY_SECONDS = 30


@dataclass(frozen=True)
class TenantInfo:
    """What the registry says about a tenant, as auth needs it."""

    tenant_id: str
    kind: TenantKind
    group_id: str | None
    isolation: str
    active: bool = True


TenantLookup = Callable[[str], "TenantInfo | None"]


class TokenVerifier:
    """Verifies Cognito ID tokens against one user pool. Keys are fetched once and cached."""

    def __init__(self, jwks_url: str, issuer: str, audience: str):
        import jwt  # PyJWT; imported here so modules that never verify a token stay light

        self._jwt = jwt
        self._jwks = jwt.PyJWKClient(jwks_url, cache_keys=True, lifespan=3600, timeout=10)
        self.issuer = issuer
        self.audience = audience

    def verify(self, token: str) -> dict[str, Any]:
        jwt = self._jwt
        try:
            key = self._jwks.get_signing_key_from_jwt(token)
            claims = jwt.decode(
                token,
                key.key,
                algorithms=["RS256"],
                audience=self.audience,
                issuer=self.issuer,
                leeway=LEEWAY_SECONDS,
                options={"require": ["exp", "iat", "iss", "aud", "sub", "token_use"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise Unauthenticated("auth.token.expired", "the token has expired") from exc
        except (jwt.PyJWKClientError, jwt.InvalidTokenError) as exc:
            # One message for every other failure: do not tell a forger which check caught it.
            raise Unauthenticated("auth.token.invalid", "the token is not valid") from exc
        if claims.get("token_use") != "id":
            raise Unauthenticated("auth.token.invalid", "an ID token is required")
        return claims


    def verify_access(self, token: str) -> dict[str, Any]:
        """A client-credentials access token of this pool: signature, issuer, expiry, ``token_use:
        access`` and a ``client_id``. A user's access token (it names a ``username``) is refused: users
        call with ID tokens. Access tokens carry no audience; the client is checked by the registry."""
        jwt = self._jwt
        try:
            key = self._jwks.get_signing_key_from_jwt(token)
            claims = jwt.decode(
                token, key.key, algorithms=["RS256"], issuer=self.issuer, leeway=LEEWAY_SECONDS,
                options={"require": ["exp", "iat", "iss", "sub", "token_use", "client_id"], "verify_aud": False},
            )
        except jwt.ExpiredSignatureError as exc:
            raise Unauthenticated("auth.token.expired", "the token has expired") from exc
        except (jwt.PyJWKClientError, jwt.InvalidTokenError) as exc:
            raise Unauthenticated("auth.token.invalid", "the token is not valid") from exc
        if claims.get("token_use") != "access" or "username" in claims or claims.get("sub") != claims.get("client_id"):
            raise Unauthenticated("auth.token.invalid", "the token is not valid")
        return claims


def is_client_credentials_token(token: str) -> bool:
    """Whether an (as yet unverified) token looks like a client-credentials access token. Only picks
    the verification path; the chosen path verifies everything."""
    import jwt

    try:
        peek = jwt.decode(token, options={"verify_signature": False})
    except jwt.InvalidTokenError:
        return False
    return peek.get("token_use") == "access" and "username" not in peek


@dataclass(frozen=True)
class MachineClient:
    """A partner application's app client as the partner registry holds it (by client id)."""

    client_id: str
    tenant_id: str
    application_id: str  # the partner application's id: the machine caller's identity (``user_id``)
    name: str
    rate_tier: str
    ip_allowlist: tuple[str, ...] = ()
    active: bool = True


ClientLookup = Callable[[str], "MachineClient | None"]


def scopes_of(claims: dict[str, Any], resource_server: str) -> frozenset[str]:
    """The resource server's scopes in the token, without their ``<identifier>/`` prefix."""
    prefix = f"{resource_server}/"
    return frozenset(s[len(prefix):] for s in str(claims.get("scope", "")).split() if s.startswith(prefix))


def machine_context(claims: dict[str, Any], client: MachineClient | None, lookup: TenantLookup,
                    resource_server: str) -> TenantContext:
    """The partner's machine caller, from verified access-token claims and its registry record."""
    if client is None:
        raise Unauthenticated("auth.token.invalid", "the token is not valid")
    if not client.active:
        raise Unauthenticated("auth.client.revoked", "this client's credentials were revoked")
    info = lookup(client.tenant_id)
    if info is None or not info.active:
        raise Unauthenticated("auth.tenant.unknown", "the token's tenant is not active")
    return TenantContext(
        tenant_id=client.tenant_id, kind=info.kind, user_id=client.application_id, username=client.name,
        roles=frozenset(), group_id=info.group_id, isolation=info.isolation,
        client_id=client.client_id, scopes=scopes_of(claims, resource_server),
    )


def bearer_token(authorization: str | None) -> str:
    if not authorization:
        raise Unauthenticated("auth.token.missing", "an Authorization: Bearer token is required")
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthenticated("auth.token.missing", "an Authorization: Bearer token is required")
    return token.strip()


def context_from_claims(claims: dict[str, Any], lookup: TenantLookup) -> TenantContext:
    """The caller, from verified claims. Roles that do not belong to the tenant's kind are dropped."""
    tenant_id = claims.get(TENANT_CLAIM)
    if not tenant_id:
        raise Unauthenticated("auth.tenant.missing", "the token names no tenant")
    info = lookup(tenant_id)
    if info is None or not info.active:
        raise Unauthenticated("auth.tenant.unknown", "the token's tenant is not active")
    allowed = set(roles_for_kind(info.kind)) | ({Role.DEBTOR} if info.kind.is_subsidiary else set())
    roles = frozenset(Role(g) for g in claims.get(GROUPS_CLAIM, []) if g in Role._value2member_map_) & allowed
    return TenantContext(
        tenant_id=tenant_id,
        kind=info.kind,
        user_id=claims["sub"],
        username=claims.get("cognito:username", claims["sub"]),
        roles=frozenset(roles),
        group_id=info.group_id,
        isolation=info.isolation,
    )


_verifier_lock = threading.Lock()
_verifiers: dict[tuple[str, str, str], TokenVerifier] = {}


def verifier_for(jwks_url: str, issuer: str, audience: str) -> TokenVerifier:
    key = (jwks_url, issuer, audience)
    with _verifier_lock:
        if key not in _verifiers:
            _verifiers[key] = TokenVerifier(jwks_url, issuer, audience)
        return _verifiers[key]
