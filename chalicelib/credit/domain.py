"""Credit facilities as pure rules: terms, the review workflow with segregation of duties, sub-limits,
and the availability arithmetic every balance obeys. No AWS here.

A facility's balance (and each sub-limit's, and each group allocation's) is four exact figures::

    available = limit − utilized − blocked,  never negative

``blocked`` is drawdowns in process (an application submitted: a pending hold), ``utilized`` is what
was disbursed and not yet restored. Block → utilize (post) | release (void), like a two-phase transfer.
Principal repaid restores availability only on a revolving facility.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from chalicelib.credit.lifecycle import Action, Status, next_status
from chalicelib.shared.errors import Forbidden, RuleViolation
from chalicelib.shared.money import UnknownCurrency, currency_code

ZERO = Decimal(0)
# A drawdown's states: named by an application, blocked (pending), utilized (posted), released (voided).
LINKED, PENDING, POSTED, VOIDED = "linked", "pending", "posted", "voided"
KINDS = ("loan", "lease", "factoring")
# Statuses in which a facility is committed credit: its unused part is an off-balance-sheet commitment.
COMMITTED_STATUSES = frozenset({Status.ACTIVE, Status.FROZEN})
DEFAULT_SECOND_REVIEW_ABOVE = Decimal("1000000.00")
DEFAULT_WARNING_RATIO = Decimal("0.80")


@dataclass(frozen=True)
class Actor:
    user_id: str  # the token's sub: segregation of duties holds on it, never on the username
    username: str


@dataclass(frozen=True)
class SubLimit:
    """A cap on drawdowns for one product (``product:<code>``) or one product kind (``kind:<kind>``).
    Sub-limits may sum above the facility; the facility still caps the total."""

    key: str
    amount: Decimal

    @staticmethod
    def key_for(product_code: str | None, product_kind: str | None) -> str:
        if bool(product_code) == bool(product_kind):
            raise RuleViolation("facilities.sub_limit.invalid", "a sub-limit names a product_code or a product_kind")
        if product_kind and product_kind not in KINDS:
            raise RuleViolation("facilities.sub_limit.invalid", f"product_kind is one of {', '.join(KINDS)}",
                                {"product_kind": product_kind})
        return f"product:{product_code}" if product_code else f"kind:{product_kind}"


@dataclass(frozen=True)
class Balance:
    limit: Decimal
    utilized: Decimal = ZERO
    blocked: Decimal = ZERO

    @property
    def available(self) -> Decimal:
        return max(self.limit - self.utilized - self.blocked, ZERO)

    def consistent(self, stored_available: Decimal) -> bool:
        """The invariant the store keeps: stored available = limit − utilized − blocked ≥ 0."""
        return stored_available == self.limit - self.utilized - self.blocked and stored_available >= 0


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    on: date
    by: str
    action: str
    from_status: str | None
    to_status: str
    reason: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"at": self.at.isoformat(), "on": self.on.isoformat(), "by": self.by, "action": self.action,
                "from_status": self.from_status, "to_status": self.to_status, "reason": self.reason}

    @staticmethod
    def from_json(d: dict[str, Any]) -> "HistoryEntry":
        return HistoryEntry(datetime.fromisoformat(d["at"]), date.fromisoformat(d["on"]), d["by"], d["action"],
                            d.get("from_status"), d["to_status"], d.get("reason"))


@dataclass(frozen=True)
class Facility:
    facility_id: str
    customer_id: str
    customer_name: str
    identity_hash: str
    amount: Decimal
    currency: str
    revolving: bool
    valid_from: date
    valid_to: date
    sub_limits: tuple[SubLimit, ...]
    status: Status
    applied_by: Actor
    applied_at: datetime
    first_reviewer: Actor | None = None
    second_reviewer: Actor | None = None
    second_review_above: Decimal = DEFAULT_SECOND_REVIEW_ABOVE
    group_facility_id: str | None = None
    history: tuple[HistoryEntry, ...] = field(default_factory=tuple)

    @staticmethod
    def apply(facility_id: str, customer_id: str, customer_name: str, identity_hash: str, amount: Decimal,
              currency: str, revolving: bool, valid_from: date, valid_to: date, sub_limits: tuple[SubLimit, ...],
              by: Actor, at: datetime, today: date, second_review_above: Decimal,
              group_facility_id: str | None = None) -> "Facility":
        check_terms(amount, valid_from, valid_to, sub_limits, today)
        f = Facility(facility_id, customer_id, customer_name, identity_hash, amount, currency, revolving, valid_from,
                     valid_to, sub_limits, Status.APPLIED, by, at, second_review_above=second_review_above,
                     group_facility_id=group_facility_id)
        return replace(f, history=(HistoryEntry(at, today, by.username, "apply", None, Status.APPLIED.value),))

    def sub_limit_for(self, product_code: str, kind: str) -> SubLimit | None:
        """The sub-limit a drawdown on ``product_code`` (of ``kind``) counts against: the product's own,
        else its kind's. None when the facility has no sub-limits (any product may draw); 422 when it
        has sub-limits and none covers the product."""
        if not self.sub_limits:
            return None
        by_key = {s.key: s for s in self.sub_limits}
        found = by_key.get(f"product:{product_code}") or by_key.get(f"kind:{kind}")
        if found is None:
            raise RuleViolation("facilities.drawdown.product_not_covered",
                                "the facility's sub-limits do not cover this product",
                                {"facility_id": self.facility_id, "product_code": product_code, "kind": kind,
                                 "sub_limits": sorted(by_key)})
        return found

    def transition(self, action: Action, by: Actor, at: datetime, today: date, reason: str | None = None) -> "Facility":
        """Apply one workflow action, checking segregation of duties and dates. Pure: returns the new facility."""
        target = next_status(self.status, action)
        changes: dict[str, Any] = {}
        if action in (Action.CLAIM_FIRST, Action.APPROVE_FIRST, Action.ESCALATE, Action.REJECT_FIRST):
            self._not_the_maker(by)
            if action is Action.CLAIM_FIRST:
                changes["first_reviewer"] = by
            elif self.first_reviewer and self.first_reviewer.user_id != by.user_id:
                raise Forbidden("facilities.review.not_assignee", "another reviewer holds this first review",
                                {"assignee": self.first_reviewer.username})
            if action in (Action.APPROVE_FIRST, Action.ESCALATE):
                needs_second = self.amount > self.second_review_above
                if needs_second != (action is Action.ESCALATE):
                    raise RuleViolation("facilities.review.wrong_level",
                                        "above the tenant's threshold a second review is required" if needs_second
                                        else "at or below the tenant's threshold the first review decides",
                                        {"second_review_above": format(self.second_review_above, "f")})
        if action in (Action.APPROVE_SECOND, Action.REJECT_SECOND):
            self._not_the_maker(by)
            if self.first_reviewer and self.first_reviewer.user_id == by.user_id:
                raise Forbidden("facilities.review.same_reviewer", "the second reviewer must differ from the first")
            changes["second_reviewer"] = by
        if action is Action.WITHDRAW and by.user_id != self.applied_by.user_id:
            raise Forbidden("facilities.facility.not_the_applicant", "only the officer who applied may withdraw")
        if action is Action.ACTIVATE and not (self.valid_from <= today <= self.valid_to):
            raise RuleViolation("facilities.facility.outside_validity",
                                "a facility is activated within its validity (by the business date)",
                                {"business_date": today.isoformat(), "valid_from": self.valid_from.isoformat(),
                                 "valid_to": self.valid_to.isoformat()})
        if action is Action.UNFREEZE and today > self.valid_to:
            raise RuleViolation("facilities.facility.expired", "the facility has expired; it cannot be unfrozen",
                                {"business_date": today.isoformat(), "valid_to": self.valid_to.isoformat()})
        if action is Action.EXPIRE and today <= self.valid_to:
            raise RuleViolation("facilities.facility.not_yet_expired", "the facility is valid until its valid_to",
                                {"business_date": today.isoformat(), "valid_to": self.valid_to.isoformat()})
        entry = HistoryEntry(at, today, by.username, action.value, self.status.value, target.value, reason)
        return replace(self, status=target, history=self.history + (entry,), **changes)

    def _not_the_maker(self, by: Actor) -> None:
        if by.user_id == self.applied_by.user_id:
            raise Forbidden("facilities.review.own_facility", "the officer who applied may not review the facility")


def known_currency(currency: str, scope: str = "facilities") -> str:
    """The ISO 4217 code, or 422 ``<scope>.currency.invalid``."""
    try:
        return currency_code(currency)
    except UnknownCurrency:
        raise RuleViolation(f"{scope}.currency.invalid", "not an ISO 4217 currency", {"field": "currency"}) from None


def check_terms(amount: Decimal, valid_from: date, valid_to: date, sub_limits: tuple[SubLimit, ...],
                today: date) -> None:
    if amount <= 0:
        raise RuleViolation("facilities.amount.invalid", "a facility amount is positive", {"field": "amount"})
    if valid_to < valid_from:
        raise RuleViolation("facilities.valid_to.invalid", "valid_to is on or after valid_from", {"field": "valid_to"})
    if valid_to < today:
        raise RuleViolation("facilities.valid_to.invalid", "valid_to is in the past (by the business date)",
                            {"field": "valid_to", "business_date": today.isoformat()})
    keys = [s.key for s in sub_limits]
    if len(set(keys)) != len(keys):
        raise RuleViolation("facilities.sub_limit.duplicate", "one sub-limit per product or kind", {"keys": keys})
    for s in sub_limits:
        if s.amount <= 0 or s.amount > amount:
            raise RuleViolation("facilities.sub_limit.invalid", "a sub-limit is positive and at most the facility",
                                {"key": s.key})


def draw_refusal(status: Status, valid_from: date, valid_to: date, today: date) -> RuleViolation | None:
    """Why a facility refuses a new drawdown on ``today`` (the tenant's business date), or None.
    A backdated application is checked on the business date too, so it cannot slip past an expiry."""
    if status is Status.FROZEN:
        return RuleViolation("facilities.drawdown.facility_frozen", "the facility is frozen")
    if status is Status.EXPIRED or (status is Status.ACTIVE and today > valid_to):
        return RuleViolation("facilities.drawdown.facility_expired", "the facility has expired",
                             {"valid_to": valid_to.isoformat(), "business_date": today.isoformat()})
    if status is not Status.ACTIVE or today < valid_from:
        return RuleViolation("facilities.drawdown.facility_not_active", f"the facility is {status.value}",
                             {"status": status.value})
    return None


def utilization_ratio(limit: Decimal, utilized: Decimal, blocked: Decimal) -> Decimal:
    return ZERO if limit <= 0 else ((utilized + blocked) / limit).quantize(Decimal("0.0001"))
