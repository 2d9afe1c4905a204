"""Domain errors with stable dotted codes.

Every error the platform reports to a caller is one of these. The HTTP status lives on the class,
so one place (``chalicelib.platform.http``) maps them to responses and nothing else needs to.
"""
from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """Base of every error with a stable code (e.g. ``products.version.not_found``)."""

    status = 422

    def __init__(self, code: str, message: str, details: dict[str, Any] | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.details = details or {}

    def to_body(self) -> dict[str, Any]:
        return {"error": {"code": self.code, "message": self.message, "details": self.details}}


class MalformedRequest(DomainError):
    """The request cannot be read at all (not JSON, wrong top-level type)."""

    status = 400


class Unauthenticated(DomainError):
    status = 401


class Forbidden(DomainError):
    """Authenticated, but the caller's roles (or segregation of duties) do not allow it."""

    status = 403


class NotFound(DomainError):
    """Absent — or another tenant's, which must be indistinguishable from absent."""

    status = 404


class Conflict(DomainError):
    """Illegal state transition, version conflict or idempotency clash."""

    status = 409


class TooManyRequests(DomainError):
    """A per-tenant limit on how often something may be started (consolidation runs per hour)."""

    status = 429


class ServiceUnavailable(DomainError):
    """A platform part the call needs is not there (an unconfigured state machine, one that would not start)."""

    status = 503


class RuleViolation(DomainError):
    """Well-formed input that breaks a business rule or a field constraint."""

    status = 422


class FieldInvalid(RuleViolation):
    """One named field is invalid; the code names it: ``<scope>.<field>.invalid``."""

    def __init__(self, scope: str, field: str, message: str, details: dict[str, Any] | None = None):
        super().__init__(f"{scope}.{field}.invalid", message, {"field": field, **(details or {})})
        self.field = field
