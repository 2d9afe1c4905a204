"""The OpenAPI 3.1 document, generated from the routes' pydantic models — never hand-written."""
from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from chalicelib.platform.http import ROUTES
from chalicelib.platform.resources import PARTNER_API

ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {
                "code": {"type": "string", "examples": ["products.version.not_found"]},
                "message": {"type": "string"},
                "details": {"type": "object"},
            },
        }
    },
}
_STATUS_TEXT = {400: "Malformed request", 401: "Missing, invalid or revoked token", 403: "Role or scope not allowed",
                404: "Absent, or another tenant's", 409: "Illegal state transition or conflict",
                422: "Breaks a rule", 429: "Past the partner's rate tier: retry after Retry-After seconds",
                500: "Internal error (nothing leaked; quote the correlation id)"}
# One example per error status, so every described response shows its body.
_ERROR_EXAMPLES = {
    400: ("request.body.malformed", "the request body is not valid JSON", {}),
    401: ("auth.token.invalid", "the token is not valid", {}),
    403: ("auth.scope.missing", "the token lacks the scope applications:write",
          {"scope": "applications:write", "accepted_scopes": ["applications:write"]}),
    404: ("origination.application.not_found", "application not found", {}),
    409: ("origination.application.illegal_transition", "a submitted application cannot submit",
          {"allowed": ["withdraw"]}),
    422: ("quotes.principal.invalid", "principal: must be a decimal string such as \"100000.00\"",
          {"errors": [{"field": "principal", "message": "must be a decimal string", "type": "decimal"}]}),
    429: ("request.rate_limited", "too many requests: retry after 1 s", {"retry_after_s": 1, "tier": "sandbox"}),
    500: ("internal.error", "internal error", {"correlation_id": "5f2c…"}),
}
TOKEN_URL = "/oauth2/token"  # Cognito's user pool domain in AWS; the local HTTP server locally


def _error_response(status: int) -> dict[str, Any]:
    code, message, details = _ERROR_EXAMPLES[status]
    out: dict[str, Any] = {"description": _STATUS_TEXT[status],
                           "content": {"application/json": {
                               "schema": {"$ref": "#/components/schemas/Error"},
                               "example": {"error": {"code": code, "message": message, "details": details}}}}}
    if status == 429:
        out["headers"] = {"Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer"}}}
    return out


def _stable_schema_names(schemas: dict[str, Any], refs: dict[Any, Any]) -> tuple[dict[str, Any], dict[Any, Any]]:
    """Name every schema so that generators can use it as a class name. Two models with one name in
    different contexts come out of pydantic as ``chalicelib__tenancy__staff__api__ChangeView``; each
    becomes its context's name and the model's (``StaffChangeView``), and every schema's ``title`` is
    its component name (generators name classes by title: two titles alike would collide)."""
    import json

    renamed: dict[str, str] = {}
    for name in schemas:
        if "__" in name:
            parts = [p for p in name.split("__") if p not in ("chalicelib", "api")]
            renamed[name] = "".join(p.title().replace("_", "") for p in parts[-2:-1]) + parts[-1]
    text = json.dumps({"schemas": schemas, "refs": [[list(k[:0]), v] for k, v in refs.items()]})
    for old, new in renamed.items():
        text = text.replace(f'"#/components/schemas/{old}"', f'"#/components/schemas/{new}"')
    loaded = json.loads(text)
    out = {renamed.get(k, k): {**v, "title": renamed.get(k, k)} if isinstance(v, dict) else v
           for k, v in loaded["schemas"].items()}
    new_refs = {key: value for key, (_, value) in zip(refs, loaded["refs"])}
    return out, new_refs


def openapi_document(title: str = "Jinkong API", version: str = "1.0.0") -> dict[str, Any]:
    models: dict[tuple[type[BaseModel], str], None] = {}
    routes = [r for r in ROUTES if r.available is None or r.available()]  # as this stage serves them
    for r in routes:
        if r.body:
            models[(r.body, "validation")] = None
        if r.response:
            models[(r.response, "serialization")] = None
    refs, defs = models_json_schema(list(models), ref_template="#/components/schemas/{model}")
    schemas: dict[str, Any] = dict(defs.get("$defs", {}))
    schemas, refs = _stable_schema_names(schemas, refs)
    schemas["Error"] = ERROR_SCHEMA

    paths: dict[str, Any] = {}
    for r in sorted(routes, key=lambda r: (r.path, r.method)):
        op: dict[str, Any] = {
            # Qualified by tag: two contexts may both have a ``get_customer`` (a subsidiary's and HQ's).
            "operationId": f"{r.tag}.{r.name}",
            "tags": [r.tag],
            "summary": r.summary,
            "responses": {},
        }
        if r.description and r.description != r.summary:
            op["description"] = r.description
        params = [
            {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
            for name in re.findall(r"{(\w+)}", r.path)
        ]
        if r.query:
            for name, f in r.query.model_fields.items():
                params.append({"name": f.alias or name, "in": "query", "required": f.is_required(),
                               "description": f.description or "", "schema": {"type": "string"}})
        if params:
            op["parameters"] = params
        if r.body:
            op["requestBody"] = {"required": True, "content": {"application/json": {"schema": refs[(r.body, "validation")]}}}
        ok: dict[str, Any] = {"description": "OK"}
        if r.response:
            ok["content"] = {"application/json": {"schema": refs[(r.response, "serialization")]}}
        op["responses"][str(r.status)] = ok
        if r.accepted:
            op["responses"]["202"] = {**ok, "description": "Accepted: still running; the body is its progress"}
        error_statuses = [400, 422, 500] if (r.body or r.query) else [500]
        if not r.public:
            op["security"] = [{"cognitoIdToken": []}]
            error_statuses += [401, 403]
            if "{" in r.path:
                error_statuses.append(404)
        if r.scopes:
            # Either staff (ID token) or a partner's machine client holding one of these scopes.
            op["security"].append({"partnerClientCredentials": [f"{PARTNER_API.identifier}/{s}" for s in r.scopes]})
            op["x-scopes"] = list(r.scopes)
            error_statuses.append(429)
        for s in sorted(set(error_statuses)):
            op["responses"][str(s)] = _error_response(s)
        if r.roles is not None:
            op["x-roles"] = [role.value for role in r.roles]
        paths.setdefault(r.path, {})[r.method.lower()] = op

    return {
        "openapi": "3.1.0",
        "info": {"title": title, "version": version,
                 "description": "Multi-tenant platform for financial holding groups. Amounts are decimal strings."},
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "cognitoIdToken": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT",
                                   "description": "Cognito ID token (USER_PASSWORD_AUTH)"},
                "partnerClientCredentials": {
                    "type": "oauth2",
                    "description": "A partner application's client credentials (Cognito app client); the "
                                   "access token's scopes admit it to the operations that list them",
                    "flows": {"clientCredentials": {"tokenUrl": TOKEN_URL, "scopes": {
                        f"{PARTNER_API.identifier}/{s}": d for s, d in PARTNER_API.scopes}}},
                },
            },
        },
    }
