"""Value and activity grades: tenant-configured, weighted dimensions with bucket edges (RFM style). Pure.

A dimension's value falls in a bucket: the number of its ``edges`` at or below the value (0 … n). The
bucket scores ``100 · bucket / n`` when more is better (balances, contribution, tenure, products) and
``100 · (n − bucket) / n`` when less is better (days past due, days since the last event). The
customer's score is the weight-averaged dimension scores, to two places (HALF_EVEN); the grade is the
first band, best first, whose ``min_score`` the score reaches.

Value dimensions (facts of the month that is graded, as of its last day):

- ``avg_outstanding``: the average of the month-end outstanding principal over the graded months of
  the last twelve (this one included) — kept month by month, so the average is point-in-time;
- ``contribution_12m``: interest and fees the customer paid in the twelve months to the month end;
- ``tenure_months``: whole months since the first contract was disbursed;
- ``worst_dpd_12m``: the worst days past due seen at a month end in the last twelve months;
- ``products_held``: distinct products with a contract in force.

Activity dimensions: ``recency_days`` (days from the last event to the month end) and
``frequency_12m`` (events in the twelve months: applications, disbursements, repayments).
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from enum import Enum
from typing import Annotated, Any, Iterable

from pydantic import ConfigDict, Field, model_validator

from chalicelib.shared.schema import Schema

HUNDRED = Decimal(100)
CENT = Decimal("0.01")
ZERO = Decimal(0)


class ValueDimension(str, Enum):
    AVG_OUTSTANDING = "avg_outstanding"
    CONTRIBUTION_12M = "contribution_12m"
    TENURE_MONTHS = "tenure_months"
    WORST_DPD_12M = "worst_dpd_12m"
    PRODUCTS_HELD = "products_held"


class ActivityDimension(str, Enum):
    RECENCY_DAYS = "recency_days"
    FREQUENCY_12M = "frequency_12m"


LESS_IS_BETTER = {ValueDimension.WORST_DPD_12M.value, ActivityDimension.RECENCY_DAYS.value}

Grade = str  # a band's name, e.g. "A"


class Dimension(Schema):
    model_config = ConfigDict(extra="forbid")

    name: str
    weight: Decimal = Field(gt=0, le=100, allow_inf_nan=False, description="relative weight (decimal string)")
    edges: list[Annotated[Decimal, Field(allow_inf_nan=False, ge=-10**12, le=10**12)]] = Field(
        min_length=1, max_length=10, description="bucket edges, strictly ascending")

    @model_validator(mode="after")
    def _ascending(self) -> "Dimension":
        if any(b <= a for a, b in zip(self.edges, self.edges[1:])):
            raise ValueError(f"{self.name}: edges must be strictly ascending")
        return self


class Band(Schema):
    model_config = ConfigDict(extra="forbid")

    grade: str = Field(pattern=r"^[A-Z][A-Z0-9+-]{0,11}$")
    min_score: Decimal = Field(ge=0, le=100, allow_inf_nan=False)


class GradeScale(Schema):
    """One grade's rules: its dimensions and its bands (best first, the last one open at 0)."""

    model_config = ConfigDict(extra="forbid")

    dimensions: list[Dimension] = Field(min_length=1, max_length=10)
    bands: list[Band] = Field(min_length=2, max_length=10)

    @model_validator(mode="after")
    def _bands(self) -> "GradeScale":
        scores = [b.min_score for b in self.bands]
        if any(b >= a for a, b in zip(scores, scores[1:])):
            raise ValueError("bands must be listed best first with strictly falling min_score")
        if scores[-1] != 0:
            raise ValueError("the last band must start at 0, so every customer gets a grade")
        names = [d.name for d in self.dimensions]
        if len(set(names)) != len(names):
            raise ValueError("a dimension is listed twice")
        if len({b.grade for b in self.bands}) != len(self.bands):
            raise ValueError("a grade is listed twice")
        return self

    def rank(self, grade: Grade) -> int:
        """0 for the best grade; larger is worse."""
        return [b.grade for b in self.bands].index(grade)


class GradeRules(Schema):
    """``PUT /v1/customer-grades/rules``: the tenant's value and activity scales."""

    model_config = ConfigDict(extra="forbid")

    value: GradeScale
    activity: GradeScale

    @model_validator(mode="after")
    def _dimension_names(self) -> "GradeRules":
        for scale, allowed in ((self.value, ValueDimension), (self.activity, ActivityDimension)):
            known = {d.value for d in allowed}
            for d in scale.dimensions:
                if d.name not in known:
                    raise ValueError(f"unknown dimension {d.name!r}; one of {', '.join(sorted(known))}")
        return self


def _d(v: str) -> Decimal:
    return Decimal(v)


DEFAULT_RULES = GradeRules(
    value=GradeScale(
        dimensions=[
            Dimension(name="avg_outstanding", weight=_d("30"), edges=[_d("10000"), _d("50000"), _d("200000")]),
            Dimension(name="contribution_12m", weight=_d("30"), edges=[_d("500"), _d("2000"), _d("10000")]),
            Dimension(name="tenure_months", weight=_d("15"), edges=[_d("6"), _d("12"), _d("36")]),
            Dimension(name="worst_dpd_12m", weight=_d("15"), edges=[_d("1"), _d("31"), _d("91")]),
            Dimension(name="products_held", weight=_d("10"), edges=[_d("1"), _d("2"), _d("3")]),
        ],
        bands=[Band(grade="A", min_score=_d("75")), Band(grade="B", min_score=_d("50")),
               Band(grade="C", min_score=_d("25")), Band(grade="D", min_score=_d("0"))],
    ),
    activity=GradeScale(
        dimensions=[
            Dimension(name="recency_days", weight=_d("50"), edges=[_d("31"), _d("91"), _d("181")]),
            Dimension(name="frequency_12m", weight=_d("50"), edges=[_d("1"), _d("4"), _d("12")]),
        ],
        bands=[Band(grade="ACTIVE", min_score=_d("60")), Band(grade="OCCASIONAL", min_score=_d("30")),
               Band(grade="DORMANT", min_score=_d("0"))],
    ),
)


# --- months ---------------------------------------------------------------------------------------


def month_of(on: date) -> str:
    return f"{on.year:04d}-{on.month:02d}"


def month_end(month: str) -> date:
    y, m = int(month[:4]), int(month[5:7])
    return date(y, m, calendar.monthrange(y, m)[1])


def months_back(month: str, n: int) -> str:
    y, m = int(month[:4]), int(month[5:7])
    total = y * 12 + (m - 1) - n
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


def whole_months(start: date, end: date) -> int:
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day and end != month_end(month_of(end)):
        months -= 1
    return max(0, months)


# --- facts and scoring ----------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthFacts:
    """What the customer's contracts and events showed at one month end (what a month's grade keeps)."""

    outstanding: Decimal = ZERO  # principal outstanding at the month end
    paid_contribution: Decimal = ZERO  # interest + fees paid on all contracts to the month end (cumulative)
    days_past_due: int = 0  # worst across contracts at the month end
    first_disbursed_on: date | None = None
    products_held: int = 0
    event_dates: tuple[date, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"outstanding": format(self.outstanding, "f"), "paid_contribution": format(self.paid_contribution, "f"),
                "days_past_due": self.days_past_due,
                "first_disbursed_on": self.first_disbursed_on.isoformat() if self.first_disbursed_on else None,
                "products_held": self.products_held, "events": len(self.event_dates)}


@dataclass(frozen=True)
class PastMonth:
    """A graded month's kept facts, as later months' averages read them."""

    month: str
    outstanding: Decimal
    paid_contribution: Decimal
    days_past_due: int


def dimension_values(month: str, facts: MonthFacts, history: Iterable[PastMonth]) -> dict[str, Decimal]:
    """Every dimension's value for ``month`` from its facts and the earlier graded months."""
    end = month_end(month)
    window_start = months_back(month, 11)  # twelve months, this one included
    past = [h for h in history if window_start <= h.month < month]
    balances = [h.outstanding for h in past] + [facts.outstanding]
    average = (sum(balances, ZERO) / len(balances)).quantize(CENT, ROUND_HALF_EVEN)
    # Contribution in the window: the cumulative paid now, less what was paid by the month before it.
    before = [h for h in history if h.month == months_back(month, 12)]
    contribution = facts.paid_contribution - (before[0].paid_contribution if before else ZERO)
    worst = max([h.days_past_due for h in past] + [facts.days_past_due])
    tenure = whole_months(facts.first_disbursed_on, end) if facts.first_disbursed_on else 0
    events = [d for d in facts.event_dates if d <= end]
    recent = [d for d in events if month_of(d) >= window_start]
    recency = (end - max(events)).days if events else 9999
    return {
        "avg_outstanding": average, "contribution_12m": contribution, "tenure_months": Decimal(tenure),
        "worst_dpd_12m": Decimal(worst), "products_held": Decimal(facts.products_held),
        "recency_days": Decimal(recency), "frequency_12m": Decimal(len(recent)),
    }


@dataclass(frozen=True)
class Scored:
    grade: Grade
    score: Decimal
    dimensions: dict[str, dict[str, str]] = field(default_factory=dict)  # name → value, bucket, score

    def to_json(self) -> dict[str, Any]:
        return {"grade": self.grade, "score": format(self.score, "f"), "dimensions": self.dimensions}


def dimension_score(name: str, value: Decimal, edges: list[Decimal]) -> tuple[int, Decimal]:
    bucket = sum(1 for e in edges if e <= value)
    n = len(edges)
    points = bucket if name not in LESS_IS_BETTER else n - bucket
    return bucket, HUNDRED * points / n


def score(scale: GradeScale, values: dict[str, Decimal]) -> Scored:
    """The weighted score and the grade it reaches on ``scale``."""
    total_weight = sum((d.weight for d in scale.dimensions), ZERO)
    weighted = ZERO
    shown: dict[str, dict[str, str]] = {}
    for d in scale.dimensions:
        bucket, points = dimension_score(d.name, values[d.name], d.edges)
        weighted += d.weight * points
        shown[d.name] = {"value": format(values[d.name], "f"), "bucket": str(bucket),
                         "score": format(points.quantize(CENT, ROUND_HALF_EVEN), "f")}
    total = (weighted / total_weight).quantize(CENT, ROUND_HALF_EVEN)
    grade = next(b.grade for b in scale.bands if total >= b.min_score)
    return Scored(grade, total, shown)
