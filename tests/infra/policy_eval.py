"""A small IAM policy evaluator: enough of IAM's rules to decide the isolation policies offline.

Covers what ``chalicelib/platform/isolation.py`` uses — Allow and Deny statements, ``Action`` and
``Resource`` with ``*``/``?`` wildcards, and the condition operators ``StringEquals``, ``StringLike``,
``ForAllValues:StringLike`` and ``ForAnyValue:StringLike`` — and refuses anything else (``NotAction``,
an unknown operator) rather than guess. Semantics follow the IAM evaluation logic:

- an explicit Deny wins; otherwise any matching Allow allows; otherwise the request is implicitly denied;
- actions match case-insensitively, resources and string conditions case-sensitively;
- every condition operator in a statement must hold, and within one operator every key must hold;
  a key holds if the request's value matches any of the listed values;
- a single-valued operator on a key absent from the request is false; ``ForAllValues`` over an absent
  or empty key is true (why Scan, which has no leading keys, must never be granted at all);
- effective permissions of an assumed role with a session policy are the intersection of both.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from typing import Any

ContextValue = str | Sequence[str]


@dataclass(frozen=True)
class Request:
    action: str
    resource: str
    context: Mapping[str, ContextValue] = field(default_factory=dict)


class UnsupportedPolicy(ValueError):
    """The policy uses IAM features this evaluator does not model."""


def iam_match(pattern: str, value: str, *, case_sensitive: bool = True) -> bool:
    """IAM wildcard match: ``*`` any run of characters (``/`` and ``:`` included), ``?`` one character.

    ``fnmatch`` would also read ``[...]`` as a character class, which IAM does not: escape it.
    """
    pattern = pattern.replace("[", "[[]")
    if not case_sensitive:
        pattern, value = pattern.lower(), value.lower()
    return fnmatchcase(value, pattern)


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _condition_holds(operator: str, key: str, allowed: list[str], context: Mapping[str, ContextValue]) -> bool:
    present = key in context
    values = _as_list(context.get(key))
    if operator == "ForAllValues:StringLike":
        return all(any(iam_match(p, v) for p in allowed) for v in values)
    if operator == "ForAnyValue:StringLike":
        return any(any(iam_match(p, v) for p in allowed) for v in values)
    if operator in ("StringLike", "StringEquals"):
        if not present or len(values) != 1:
            return False
        if operator == "StringEquals":
            return values[0] in allowed
        return any(iam_match(p, values[0]) for p in allowed)
    raise UnsupportedPolicy(f"condition operator {operator} is not modelled")


def statement_applies(statement: Mapping[str, Any], request: Request) -> bool:
    for unsupported in ("NotAction", "NotResource", "NotPrincipal", "Principal"):
        if unsupported in statement:
            raise UnsupportedPolicy(f"{unsupported} is not modelled")
    if not any(iam_match(a, request.action, case_sensitive=False) for a in _as_list(statement.get("Action"))):
        return False
    if not any(iam_match(r, request.resource) for r in _as_list(statement.get("Resource"))):
        return False
    for operator, keys in (statement.get("Condition") or {}).items():
        for key, allowed in keys.items():
            if not _condition_holds(operator, key, _as_list(allowed), request.context):
                return False
    return True


def is_allowed(policy: Mapping[str, Any], request: Request) -> bool:
    """Whether one identity (or session) policy allows the request."""
    statements = _as_list_of_statements(policy.get("Statement"))
    if any(s.get("Effect") == "Deny" and statement_applies(s, request) for s in statements):
        return False
    return any(s.get("Effect") == "Allow" and statement_applies(s, request) for s in statements)


def is_allowed_in_session(role_policy: Mapping[str, Any], session_policy: Mapping[str, Any], request: Request) -> bool:
    """An assumed role's effective permission: what both the role and the session policy allow."""
    return is_allowed(role_policy, request) and is_allowed(session_policy, request)


def _as_list_of_statements(value: Any) -> list[Mapping[str, Any]]:
    if value is None:
        return []
    return [value] if isinstance(value, Mapping) else list(value)


# --- reading policies out of a synthesised template -----------------------------------------------


def resolve(node: Any, arns: Mapping[str, str], refs: Mapping[str, str] | None = None) -> Any:
    """Replace the intrinsics a CDK policy uses (GetAtt …Arn, Ref, Join, pseudo parameters) with values.

    ``arns`` gives each logical id's ARN; ``refs`` its Ref value (defaults to the ARN).
    """
    refs = refs or {}
    pseudo = {"AWS::Partition": "aws", "AWS::Region": "ap-east-1", "AWS::AccountId": "123456789012",
              "AWS::URLSuffix": "amazonaws.com"}
    if isinstance(node, list):
        return [resolve(n, arns, refs) for n in node]
    if isinstance(node, dict):
        if set(node) == {"Fn::GetAtt"}:
            logical_id, attribute = node["Fn::GetAtt"]
            if attribute != "Arn":
                raise UnsupportedPolicy(f"GetAtt {logical_id}.{attribute} is not modelled")
            return arns[logical_id]
        if set(node) == {"Ref"}:
            name = node["Ref"]
            return pseudo.get(name) or refs.get(name) or arns[name]
        if set(node) == {"Fn::Join"}:
            separator, parts = node["Fn::Join"]
            return separator.join(resolve(p, arns, refs) for p in parts)
        return {k: resolve(v, arns, refs) for k, v in node.items()}
    return node
