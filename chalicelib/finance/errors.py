"""Errors the finance engine raises. Callers map them onto their own error codes."""
from __future__ import annotations


class TermsInvalid(ValueError):
    """A term of the calculation is out of range or an unsupported combination.

    ``field`` names the offending term as the engine's dataclass calls it (``term``, ``balloon``,
    ``first_due_on`` ...); the API layer translates it into its wire name and error code.
    """

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class NoRateSolution(ArithmeticError):
    """No rate makes the cash flows' present value zero (e.g. every flow has the same sign)."""
