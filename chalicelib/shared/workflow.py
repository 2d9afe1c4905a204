"""One transition table per workflow: what each action does in each status, and the 409 otherwise.

A workflow module declares its ``Status`` and ``Action`` enums and one ``{(status, action): status}``
table, and wraps the table here. Every question about the workflow (what is allowed now, where an
action leads, which statuses allow it) is answered from that one table, and an illegal action is
always the same 409, ``<context>.<thing>.illegal_transition``, listing what is allowed instead.
"""
from __future__ import annotations

from enum import Enum
from typing import Generic, Mapping, TypeVar

from chalicelib.shared.errors import Conflict

S = TypeVar("S", bound=Enum)
A = TypeVar("A", bound=Enum)


class TransitionTable(Generic[S, A]):
    def __init__(self, transitions: Mapping[tuple[S, A], S], *, code: str, thing: str) -> None:
        """``code``: the stable error code of an illegal action; ``thing``: how its message names the
        object ("an application", "a facility")."""
        self.transitions = dict(transitions)
        self._code, self._thing = code, thing

    def allowed_actions(self, status: S) -> list[str]:
        return [action.value for (source, action) in self.transitions if source is status]

    def statuses_allowing(self, action: A) -> frozenset[S]:
        return frozenset(source for (source, a) in self.transitions if a is action)

    def can(self, status: S, action: A) -> bool:
        return (status, action) in self.transitions

    def next_status(self, status: S, action: A) -> S:
        """Where ``action`` takes the object in ``status``, or 409 naming the current status."""
        target = self.transitions.get((status, action))
        if target is None:
            raise self.illegal(status, action)
        return target

    def illegal(self, status: S, action: A) -> Conflict:
        return Conflict(
            self._code,
            f"cannot {action.value.replace('_', ' ')} {self._thing} that is {status.value.replace('_', ' ')}",
            {"status": status.value, "action": action.value, "allowed_actions": self.allowed_actions(status)},
        )
