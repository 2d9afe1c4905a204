"""Typed errors from Jinkong's error model: ``{"error": {"code", "message", "details"}}``."""
from __future__ import annotations

from typing import Any


class JinkongError(Exception):
    """An answer of 400 or above. ``code`` is Jinkong's stable dotted code (``auth.scope.missing``)."""

    status = 0

    def __init__(self, status: int, code: str, message: str, details: dict[str, Any] | None = None,
                 correlation_id: str | None = None):
        super().__init__(f"{status} {code}: {message}")
        self.status, self.code, self.message = status, code, message
        self.details = details or {}
        self.correlation_id = correlation_id


class BadRequest(JinkongError):
    status = 400


class Unauthorized(JinkongError):
    status = 401


class Forbidden(JinkongError):
    status = 403


class NotFound(JinkongError):
    status = 404


class Conflict(JinkongError):
    status = 409


class RuleViolation(JinkongError):
    """422: well-formed but breaks a rule; ``details["errors"]`` lists each field's problem."""

    status = 422


class RateLimited(JinkongError):
    status = 429

    @property
    def retry_after_s(self) -> int:
        return int(self.details.get("retry_after_s", 1))


class ServerError(JinkongError):
    status = 500


_BY_STATUS = {c.status: c for c in (BadRequest, Unauthorized, Forbidden, NotFound, Conflict, RuleViolation,
                                    RateLimited, ServerError)}


def error_for(status: int, body: Any, correlation_id: str | None = None) -> JinkongError:
    """The typed error for an answer: by status (5xx → ``ServerError``), with the error model's fields."""
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        error = {"code": "http.error", "message": str(body)[:200] if body else f"HTTP {status}"}
    cls = _BY_STATUS.get(status) or (ServerError if status >= 500 else JinkongError)
    return cls(status, str(error.get("code", "http.error")), str(error.get("message", "")), error.get("details"),
               correlation_id)
