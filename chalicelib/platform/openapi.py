"""The OpenAPI 3.1 document, generated from the routes' pydantic models — never hand-written."""
from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from chalicelib.platform.http import ROUTES

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
_STATUS_TEXT = {400: "Malformed request", 401: "Missing or invalid token", 403: "Role not allowed",
                404: "Absent, or another tenant's", 409: "Illegal state transition or conflict",
                422: "Breaks a rule"}


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
        error_statuses = [400, 422] if (r.body or r.query) else []
        if not r.public:
            op["security"] = [{"cognitoIdToken": []}]
            error_statuses += [401, 403]
            if "{" in r.path:
                error_statuses.append(404)
        for s in sorted(set(error_statuses)):
            op["responses"][str(s)] = {"description": _STATUS_TEXT[s],
                                       "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
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
            "securitySchemes": {"cognitoIdToken": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT",
                                                   "description": "Cognito ID token (USER_PASSWORD_AUTH)"}},
        },
    }
