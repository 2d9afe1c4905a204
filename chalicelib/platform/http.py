"""The HTTP edge: one decorator per route that authenticates, authorises, validates and maps errors.

A route function reads like a sentence — it receives the verified ``ctx``, the validated ``body``
and/or ``query`` models and the path parameters, calls one service function and returns a response
model. Everything else happens here, once:

* the bearer token is verified and the ``TenantContext`` built (``public=True`` routes skip it);
* a route whose ``available`` predicate says no (e.g. the local payment simulator outside the
  local stage) answers 404 ``request.route.not_found`` to everyone, as if it were not there;
* roles are checked (403 ``auth.role.forbidden``); a partner's machine client (client-credentials
  access token) holds no roles: a route admits it only if it declares ``scopes`` (else 403
  ``auth.client.forbidden``) and the token carries one of them (else 403 ``auth.scope.missing``,
  naming the scope); its IP allowlist and rate tier are applied first (403
  ``auth.client.ip_forbidden``, 429 ``request.rate_limited`` with ``Retry-After``);
* the JSON body is parsed with ``Decimal`` for numbers (never ``float``), refused past
  ``MAX_JSON_DEPTH`` levels of nesting (400 ``request.body.too_deep``), and validated by pydantic;
* path parameters are ids and must look like one (``shared.ids``), else 422 ``request.id.invalid``;
* ``DomainError`` becomes its status and ``{"error": {code, message, details}}``; anything else is a
  logged 500 that leaks nothing;
* responses are serialised here too — Chalice's own encoder turns ``Decimal`` into ``float``;
* every route is recorded for the OpenAPI document (``openapi.py``).
"""
from __future__ import annotations

import functools
import json
import re
import time
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Callable

from chalice import Blueprint, CORSConfig, Response
from pydantic import BaseModel, ValidationError

from chalicelib.platform import auth, observability, throttle
from chalicelib.platform.resources import PARTNER_API
from chalicelib.platform.settings import get_settings
from chalicelib.shared.serial import dumps
from chalicelib.shared.errors import DomainError, Forbidden, MalformedRequest, RuleViolation, TooManyRequests
from chalicelib.shared.ids import MALFORMED_ID, well_formed
from chalicelib.shared.tenant import Role, TenantContext

CORS = CORSConfig(
    allow_origin="*",
    allow_headers=["Authorization", "Content-Type", "Idempotency-Key", "X-Correlation-Id"],
    expose_headers=["X-Correlation-Id", "Retry-After", "Idempotent-Replayed"],
    max_age=600,
)


@dataclass(frozen=True)
class RouteSpec:
    path: str
    method: str
    name: str
    tag: str
    summary: str
    description: str
    roles: tuple[Role, ...] | None
    public: bool
    body: type[BaseModel] | None
    query: type[BaseModel] | None
    response: type[BaseModel] | None
    status: int
    error_scope: str
    validate_body: bool = True
    available: Callable[[], bool] | None = None  # None: always; else asked on every request
    accepted: bool = False  # may also answer 202 (work still going) with the same body
    scopes: tuple[str, ...] | None = None  # partner scopes that admit a machine client; None: staff only


ROUTES: list[RouteSpec] = []


@dataclass
class Reply:
    """A response with a non-default status or extra headers."""

    body: Any
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


_tenant_lookup: auth.TenantLookup | None = None
_on_authenticated: Callable[[TenantContext, dict[str, Any]], Any] | None = None
_client_lookup: auth.ClientLookup | None = None
_on_machine_call: Callable[[TenantContext], Any] | None = None


def configure(tenant_lookup: auth.TenantLookup,
              on_authenticated: Callable[[TenantContext, dict[str, Any]], Any] | None = None,
              client_lookup: auth.ClientLookup | None = None,
              on_machine_call: Callable[[TenantContext], Any] | None = None) -> None:
    """Wire the tenant registry the auth layer resolves tenants through (called by ``app.py``), and
    what to do with each verified caller (recording its last sign-in; it must be cheap and never raise).
    ``client_lookup`` resolves a partner's app client id to its registry record (without it, machine
    tokens are refused); ``on_machine_call`` counts an admitted machine call (cheap, never raises)."""
    global _tenant_lookup, _on_authenticated, _client_lookup, _on_machine_call
    _tenant_lookup = tenant_lookup
    _on_authenticated = on_authenticated
    if client_lookup is not None:
        _client_lookup = client_lookup
    if on_machine_call is not None:
        _on_machine_call = on_machine_call


def authenticate(authorization: str | None) -> tuple[TenantContext, auth.MachineClient | None]:
    """The verified caller, and for a partner's machine client its registry record."""
    if _tenant_lookup is None:
        raise RuntimeError("chalicelib.platform.http.configure() was not called")
    token = auth.bearer_token(authorization)
    settings = get_settings()
    verifier = auth.verifier_for(settings.jwks_url, settings.token_issuer, settings.user_pool_client_id)
    if auth.is_client_credentials_token(token):
        claims = verifier.verify_access(token)
        client = _client_lookup(claims["client_id"]) if _client_lookup is not None else None
        return auth.machine_context(claims, client, _tenant_lookup, PARTNER_API.identifier), client
    claims = verifier.verify(token)
    ctx = auth.context_from_claims(claims, _tenant_lookup)
    if _on_authenticated is not None:
        _on_authenticated(ctx, claims)
    return ctx, None


def admit_machine(spec: "RouteSpec", ctx: TenantContext, client: auth.MachineClient, source_ip: str | None) -> None:
    """A partner's machine client on ``spec``: its IP allowlist, its rate tier, then the route's scopes.
    Every refusal happens before the route runs, so none changes anything."""
    if client.ip_allowlist and not ip_allowed(source_ip, client.ip_allowlist):
        raise Forbidden("auth.client.ip_forbidden", "this client may not call from this address",
                        {"source_ip": source_ip})
    throttle.admit(client.application_id, client.rate_tier)
    if spec.scopes is None:
        raise Forbidden("auth.client.forbidden", "this route is for staff; partner clients may not call it")
    if not ctx.scopes.intersection(spec.scopes):
        raise Forbidden("auth.scope.missing", f"the token lacks the scope {spec.scopes[0]}",
                        {"scope": spec.scopes[0], "accepted_scopes": list(spec.scopes)})
    if _on_machine_call is not None:
        _on_machine_call(ctx)


def ip_allowed(source_ip: str | None, allowlist: tuple[str, ...]) -> bool:
    import ipaddress

    try:
        ip = ipaddress.ip_address(source_ip or "")
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(net, strict=False) for net in allowlist)


class ApiBlueprint:
    """A Chalice ``Blueprint`` whose routes go through ``handle`` and are recorded for OpenAPI."""

    def __init__(self, import_name: str, tag: str):
        self.blueprint = Blueprint(import_name)
        self.tag = tag

    def header(self, name: str) -> str | None:
        """A header of the current request, by case-insensitive name."""
        headers = self.blueprint.current_request.headers or {}
        wanted = name.lower()
        return next((v for k, v in headers.items() if k.lower() == wanted), None)

    def idempotency_key(self, scope: str, *, required: bool = True) -> str | None:
        """The request's ``Idempotency-Key`` (1 to 200 characters), for money-moving routes.

        Missing or blank: 400 ``<scope>.idempotency_key.required`` when ``required``, else None.
        """
        key = (self.header("Idempotency-Key") or "").strip()
        if key and len(key) <= 200:
            return key
        if required or key:
            raise MalformedRequest(f"{scope}.idempotency_key.required",
                                   "send an Idempotency-Key header (1 to 200 characters)")
        return None

    def route(
        self,
        path: str,
        method: str = "GET",
        *,
        roles: tuple[Role, ...] | None = None,
        public: bool = False,
        body: type[BaseModel] | None = None,
        query: type[BaseModel] | None = None,
        response: type[BaseModel] | None = None,
        status: int = 200,
        error_scope: str | None = None,
        validate_body: bool = True,
        available: Callable[[], bool] | None = None,
        accepted: bool = False,
        scopes: tuple[str, ...] | None = None,
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Register a route. With ``validate_body=False`` the route gets the parsed JSON object and
        validates it itself (``body`` then only documents the request in OpenAPI). With
        ``available``, the route exists only while it returns True (checked per request, before
        authentication); otherwise it answers like an unknown route and is left out of OpenAPI.
        With ``scopes``, a partner's machine client whose token carries one of them may call it too
        (each must be one of ``resources.PARTNER_API``'s); without, the route is for staff only."""
        unknown = set(scopes or ()) - set(PARTNER_API.scope_names)
        if unknown:
            raise ValueError(f"unknown partner scopes {sorted(unknown)} on {method} {path}")
        def decorator(fn: Callable[..., Any]) -> Callable[..., Any]:
            doc = (fn.__doc__ or "").strip()
            spec = RouteSpec(
                path=path, method=method.upper(), name=fn.__name__, tag=self.tag,
                summary=doc.splitlines()[0] if doc else fn.__name__.replace("_", " "),
                description=doc, roles=roles, public=public, body=body, query=query,
                response=response, status=status, error_scope=error_scope or self.tag,
                validate_body=validate_body, available=available, accepted=accepted,
                scopes=tuple(scopes) if scopes is not None else None,
            )
            ROUTES.append(spec)
            blueprint = self.blueprint

            @functools.wraps(fn)
            def view(**path_params: Any) -> Response:
                return handle(blueprint.current_request, spec, fn, path_params)

            blueprint.route(path, methods=[spec.method], cors=CORS)(view)
            return view

        return decorator


def handle(request: Any, spec: RouteSpec, fn: Callable[..., Any], path_params: dict[str, Any]) -> Response:
    started = time.perf_counter()
    headers = {k.lower(): v for k, v in (request.headers or {}).items()}
    correlation_id = headers.get("x-correlation-id") or (request.context or {}).get("requestId") or uuid.uuid4().hex
    observability.bind_request(correlation_id, route=f"{spec.method} {spec.path}")
    log = observability.logger()
    status = 500
    try:
        kwargs: dict[str, Any] = dict(path_params)
        if spec.available is not None and not spec.available():
            raise route_not_found()
        check_path_ids(path_params)
        if not spec.public:
            ctx, client = authenticate(headers.get("authorization"))
            observability.bind_tenant(ctx.tenant_id, ctx.user_id)
            if client is not None:
                admit_machine(spec, ctx, client, ((request.context or {}).get("identity") or {}).get("sourceIp"))
            elif spec.roles is not None and not ctx.has_any(spec.roles):
                raise auth_forbidden(spec)
            kwargs["ctx"] = ctx
        if spec.body is not None:
            data = read_json(request.raw_body)
            if spec.validate_body:
                kwargs["body"] = parse_model(spec.body, data, spec.error_scope)
            elif isinstance(data, dict):
                kwargs["body"] = data
            else:
                raise MalformedRequest("request.body.malformed", "the request body must be a JSON object")
        if spec.query is not None:
            kwargs["query"] = parse_model(spec.query, dict(request.query_params or {}), spec.error_scope)
        replay_key = machine_idempotency_key(spec, kwargs.get("ctx"), headers)
        if replay_key is not None:
            response = _idempotent(request, spec, fn, kwargs, path_params, replay_key, correlation_id)
            status = response.status_code
            return response
        result = fn(**kwargs)
        reply = result if isinstance(result, Reply) else Reply(result, spec.status)
        status = reply.status
        return _response(reply.body, reply.status, {**reply.headers, "X-Correlation-Id": correlation_id})
    except DomainError as err:
        status = err.status
        log.info("request refused", extra={"code": err.code, "status": err.status})
        extra = {"Retry-After": str(err.details["retry_after_s"])} if isinstance(err, TooManyRequests) \
            and "retry_after_s" in (err.details or {}) else {}
        return _response(err.to_body(), err.status, {"X-Correlation-Id": correlation_id, **extra})
    except Exception:  # noqa: BLE001 — the edge: log everything, leak nothing
        log.exception("unhandled error")
        body = {"error": {"code": "internal.error", "message": "internal error", "details": {"correlation_id": correlation_id}}}
        return _response(body, 500, {"X-Correlation-Id": correlation_id})
    finally:
        log.info("request", extra={"status": status, "ms": round((time.perf_counter() - started) * 1000, 1)})
        observability.unbind_request()


def machine_idempotency_key(spec: RouteSpec, ctx: TenantContext | None, headers: dict[str, str]) -> str | None:
    """A machine caller's ``Idempotency-Key`` on a call that changes something (``platform.idempotency``)."""
    if ctx is None or not ctx.is_machine or spec.method == "GET":
        return None
    key = (headers.get("idempotency-key") or "").strip()
    return key if 0 < len(key) <= 200 else None


def _idempotent(request: Any, spec: RouteSpec, fn: Callable[..., Any], kwargs: dict[str, Any],
                path_params: dict[str, Any], key: str, correlation_id: str) -> Response:
    from chalicelib.platform import idempotency

    ctx: TenantContext = kwargs["ctx"]
    where = spec.path + json.dumps(path_params, sort_keys=True)
    fingerprint = idempotency.request_hash(spec.method, where, request.raw_body)
    kept = idempotency.begin(ctx, key, fingerprint)
    if kept is not None:
        return _response(kept[1], kept[0], {"X-Correlation-Id": correlation_id, "Idempotent-Replayed": "true"})
    try:
        result = fn(**kwargs)
        reply = result if isinstance(result, Reply) else Reply(result, spec.status)
        text = dumps(to_jsonable(reply.body)) if reply.body is not None else None
        idempotency.finish(ctx, key, reply.status, text)
        return _response(reply.body, reply.status, {**reply.headers, "X-Correlation-Id": correlation_id})
    except DomainError as err:
        idempotency.finish(ctx, key, err.status, dumps(err.to_body()))
        raise
    except Exception:
        idempotency.finish(ctx, key, 500, None)
        raise


def route_not_found() -> DomainError:
    """The answer of a route that does not exist (in this stage)."""
    from chalicelib.shared.errors import NotFound

    return NotFound("request.route.not_found", "no such route")


def auth_forbidden(spec: RouteSpec) -> DomainError:
    from chalicelib.shared.errors import Forbidden

    allowed = [r.value for r in spec.roles or ()]
    return Forbidden("auth.role.forbidden", "your role does not allow this", {"allowed_roles": allowed})


def check_path_ids(path_params: dict[str, Any]) -> None:
    """Every path parameter names an object (or a date, a version, a report): refuse one that cannot
    be an id before it reaches a key builder (``#`` is the key separator)."""
    bad = [name for name, value in path_params.items() if not (isinstance(value, str) and well_formed(value))]
    if bad:
        raise RuleViolation("request.id.invalid", f"{bad[0]}: {MALFORMED_ID}",
                            {"errors": [{"field": name, "message": MALFORMED_ID, "type": "id_malformed"}
                                        for name in bad]})


# No request Jinkong takes nests deeper than a handful of levels; json.loads recurses per level and
# a body of 10,000 "[" would end in RecursionError. The depth is counted before parsing.
MAX_JSON_DEPTH = 64
_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"')
_JSON_BRACKET = re.compile(rb"[\[\]{}]")


def json_depth(raw: bytes) -> int:
    """The deepest nesting of arrays and objects in a JSON text (brackets inside strings ignored)."""
    depth = deepest = 0
    for m in _JSON_BRACKET.finditer(_JSON_STRING.sub(b'""', raw)):
        if m.group() in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def read_json(raw: bytes | str | None) -> Any:
    """Parse a JSON body with every number as ``Decimal`` (an amount never passes through float)."""
    if not raw:
        return {}
    data = raw.encode() if isinstance(raw, str) else raw
    if json_depth(data) > MAX_JSON_DEPTH:
        raise MalformedRequest("request.body.too_deep",
                               f"the request body nests arrays or objects more than {MAX_JSON_DEPTH} levels deep",
                               {"max_depth": MAX_JSON_DEPTH})
    try:
        return json.loads(data, parse_float=Decimal)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise MalformedRequest("request.body.malformed", "the request body is not valid JSON") from exc


def parse_model(model: type[BaseModel], data: Any, scope: str) -> BaseModel:
    if not isinstance(data, dict):
        raise MalformedRequest("request.body.malformed", "the request body must be a JSON object")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise validation_error(scope, exc) from exc


def validation_error(scope: str, exc: ValidationError) -> RuleViolation:
    """Every problem at once, each with its field path; the code names the first field."""
    errors = [
        {"field": ".".join(str(p) for p in e["loc"]) or "body", "message": e["msg"], "type": e["type"]}
        for e in exc.errors(include_url=False, include_input=False)
    ]
    first = errors[0]["field"] if errors else "body"
    if errors and errors[0]["type"] == "id_malformed":
        # One code for a malformed id wherever it is taken (``shared.ids.ResourceId``).
        return RuleViolation("request.id.invalid", f"{first}: {errors[0]['message']}", {"errors": errors})
    kind = "required" if errors and errors[0]["type"] == "missing" else "invalid"
    return RuleViolation(f"{scope}.{first}.{kind}", f"{first}: {errors[0]['message']}", {"errors": errors})


def to_jsonable(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True)
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    return value


def _response(body: Any, status: int, headers: dict[str, str]) -> Response:
    if body is None:
        return Response(body="", status_code=204 if status == 200 else status, headers=headers)
    text = dumps(to_jsonable(body))
    return Response(body=text, status_code=status, headers={"Content-Type": "application/json", **headers})
