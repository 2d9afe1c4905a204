"""Group limits and early warnings. Pure: no AWS.

``group-risk`` configures the limits (``LimitsConfig``); each is an amount, a share of the group's
net capital, or both (the lower applies):

* single-customer — one identity's exposure across every subsidiary;
* group-customer — a group of connected customers (集团客户) taken together;
* industry — by GB/T 4754 code prefix (``C`` covers all manufacturing, ``C34`` one division);
* per subsidiary — the subsidiary's whole book;
* related party — the total lent to the holding group's own related parties (关联方).

``check_limits`` measures a consolidation against them: utilisation ≥ ``near_breach_ratio`` (90% by
default) is a near-breach, above 100% a breach. ``warnings_for`` turns near-breaches, breaches and
the consolidation's findings (a customer overdue in one subsidiary and current in another, exposure
in a currency the group does not consolidate, a subsidiary missing from a partial run) into
warnings, each with a stable key so the same condition on the next day refreshes one warning
instead of raising another. ``Warning.reconcile`` says what to do with a warning already on file.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_EVEN, Decimal
from enum import Enum
from typing import Any, Iterable

from pydantic import ConfigDict, Field, field_validator, model_validator

from chalicelib.risk.consolidation import Consolidation, ratio
from chalicelib.shared.schema import Schema

ZERO = Decimal(0)
DEFAULT_NEAR_BREACH = Decimal("0.90")


class LimitRule(Schema):
    """An amount, a share of group net capital (a decimal fraction: ``"0.10"`` is 10%), or both."""

    model_config = ConfigDict(extra="forbid")

    amount: Decimal | None = Field(default=None, ge=0, description="Decimal string in the group currency")
    share_of_net_capital: Decimal | None = Field(default=None, gt=0, le=1)

    @model_validator(mode="after")
    def _one_at_least(self) -> "LimitRule":
        if self.amount is None and self.share_of_net_capital is None:
            raise ValueError("a limit needs an amount or a share_of_net_capital")
        return self

    def effective(self, net_capital: Decimal | None) -> Decimal:
        candidates = []
        if self.amount is not None:
            candidates.append(self.amount)
        if self.share_of_net_capital is not None and net_capital is not None:
            candidates.append((net_capital * self.share_of_net_capital).quantize(Decimal("0.01"), ROUND_HALF_EVEN))
        return min(candidates)


class LimitsConfig(Schema):
    """The group's limits (``PUT /v1/group/limits``). Every amount a decimal string."""

    model_config = ConfigDict(extra="forbid")

    net_capital: Decimal | None = Field(default=None, gt=0, description="Group net capital, the base of share limits")
    single_customer: LimitRule | None = None
    group_customer: LimitRule | None = None
    industries: dict[str, LimitRule] = Field(default_factory=dict, description="GB/T 4754 code prefix → limit")
    subsidiaries: dict[str, LimitRule] = Field(default_factory=dict, description="subsidiary tenant id → limit")
    related_party: LimitRule | None = Field(default=None, description="total exposure to the group's related parties")
    large_exposure: LimitRule = Field(default_factory=lambda: LimitRule(share_of_net_capital=Decimal("0.10")),
                                      description="what counts as a large exposure in the report")
    near_breach_ratio: Decimal = Field(default=DEFAULT_NEAR_BREACH, gt=0, le=1)

    @field_validator("industries")
    @classmethod
    def _industry_codes(cls, v: dict[str, LimitRule]) -> dict[str, LimitRule]:
        import re

        for code in v:
            if not re.match(r"^[A-T](\d{2,4})?$", code):
                raise ValueError(f"{code!r} is not a GB/T 4754 code (a section letter, optionally with digits)")
        return v

    @model_validator(mode="after")
    def _shares_need_net_capital(self) -> "LimitsConfig":
        rules = [self.single_customer, self.group_customer, self.related_party, *self.industries.values(),
                 *self.subsidiaries.values()]
        if self.net_capital is None and any(r is not None and r.amount is None for r in rules):
            raise ValueError("a limit given only as a share of net capital needs net_capital")
        return self

    def single_customer_limit(self) -> Decimal | None:
        return self.single_customer.effective(self.net_capital) if self.single_customer else None

    def group_customer_limit(self) -> Decimal | None:
        return self.group_customer.effective(self.net_capital) if self.group_customer else None

    def large_exposure_threshold(self) -> Decimal | None:
        if self.large_exposure.amount is None and self.net_capital is None:
            return None
        return self.large_exposure.effective(self.net_capital)


class LimitStatus(str, Enum):
    OK = "ok"
    NEAR_BREACH = "near_breach"
    BREACH = "breach"


@dataclass(frozen=True)
class LimitCheck:
    kind: str  # single_customer | group_customer | industry | subsidiary | related_party
    subject: str
    label: str
    limit: Decimal
    exposure: Decimal
    status: LimitStatus

    @property
    def utilisation(self) -> Decimal:
        return ratio(self.exposure, self.limit) if self.limit else Decimal("1.000000")

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "subject": self.subject, "label": self.label, "limit": format(self.limit, "f"),
                "exposure": format(self.exposure, "f"), "utilisation": format(self.utilisation, "f"),
                "status": self.status.value}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "LimitCheck":
        return cls(d["kind"], d["subject"], d["label"], Decimal(d["limit"]), Decimal(d["exposure"]),
                   LimitStatus(d["status"]))


def status_of(exposure: Decimal, limit: Decimal, near_breach_ratio: Decimal) -> LimitStatus:
    if exposure > limit:
        return LimitStatus.BREACH
    if exposure >= limit * near_breach_ratio and exposure > 0:
        return LimitStatus.NEAR_BREACH
    return LimitStatus.OK


def check_limits(c: Consolidation, config: LimitsConfig,
                 subsidiary_names: dict[str, str] | None = None) -> list[LimitCheck]:
    """Every configured limit measured against the consolidation. Customers and groups below 90% of
    their limit are left out (there are as many as there are customers); portfolio limits all appear."""
    names = subsidiary_names or {}
    near = config.near_breach_ratio
    checks: list[LimitCheck] = []
    single = config.single_customer_limit()
    if single is not None:
        for h, cust in c.customers.items():
            st = status_of(cust.exposure, single, near)
            if st is not LimitStatus.OK:
                checks.append(LimitCheck("single_customer", h, cust.label, single, cust.exposure, st))
    group = config.group_customer_limit()
    if group is not None:
        for gid, g in c.groups.items():
            st = status_of(g.exposure, group, near)
            if st is not LimitStatus.OK:
                checks.append(LimitCheck("group_customer", gid, g.label, group, g.exposure, st))
    industries = c.portfolio.get("industry", {})
    for code, rule in sorted(config.industries.items()):
        limit = rule.effective(config.net_capital)
        exposure = sum((p.exposure for key, p in industries.items() if key.startswith(code)), ZERO)
        checks.append(LimitCheck("industry", code, code, limit, exposure, status_of(exposure, limit, near)))
    by_sub = c.portfolio.get("subsidiary", {})
    for sub, rule in sorted(config.subsidiaries.items()):
        limit = rule.effective(config.net_capital)
        exposure = by_sub[sub].exposure if sub in by_sub else ZERO
        checks.append(LimitCheck("subsidiary", sub, names.get(sub, sub), limit, exposure,
                                 status_of(exposure, limit, near)))
    if config.related_party is not None:
        limit = config.related_party.effective(config.net_capital)
        exposure = sum((x.exposure for x in c.customers.values() if x.group_related_party), ZERO)
        checks.append(LimitCheck("related_party", "related_parties", "关联方 related parties", limit, exposure,
                                 status_of(exposure, limit, near)))
    return checks


# --- warnings ----------------------------------------------------------------------------------------------


class Severity(str, Enum):
    ALERT = "alert"  # a finding to look at (not a limit)
    NEAR_BREACH = "near_breach"
    BREACH = "breach"

    @property
    def rank(self) -> int:
        return {"alert": 0, "near_breach": 1, "breach": 2}[self.value]


class WarningStatus(str, Enum):
    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"


@dataclass(frozen=True)
class RaisedWarning:
    """A condition found by a run. ``key`` names the condition, so it maps to one warning over time."""

    kind: str
    subject: str
    label: str
    severity: Severity
    message: str
    figures: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.subject}"

    def warning_id(self, group_id: str) -> str:
        return "wrn_" + hashlib.sha256(f"{group_id}|{self.key}".encode()).hexdigest()[:20]


_LIMIT_KIND_ZH = {"single_customer": "单一客户限额", "group_customer": "集团客户限额", "industry": "行业限额",
                  "subsidiary": "子公司限额", "related_party": "关联交易限额"}


def warnings_for(c: Consolidation, checks: Iterable[LimitCheck],
                 missing_subsidiaries: Iterable[str] = ()) -> list[RaisedWarning]:
    out: list[RaisedWarning] = []
    for chk in checks:
        if chk.status is LimitStatus.OK:
            continue
        severity = Severity.BREACH if chk.status is LimitStatus.BREACH else Severity.NEAR_BREACH
        word = "breached" if severity is Severity.BREACH else "near breach"
        out.append(RaisedWarning(
            f"{chk.kind}_limit", chk.subject, chk.label, severity,
            f"{_LIMIT_KIND_ZH[chk.kind]} {word}: {chk.label} at {(chk.utilisation * 100).quantize(Decimal('0.1'))}% "
            f"of {format(chk.limit, 'f')}",
            {"limit": format(chk.limit, "f"), "exposure": format(chk.exposure, "f"),
             "utilisation": format(chk.utilisation, "f")},
        ))
    for x in c.cross_overdue:
        out.append(RaisedWarning(
            "cross_subsidiary_overdue", x.identity_hash, x.label, Severity.ALERT,
            f"{x.label or x.identity_hash[:12]} is overdue in {', '.join(x.overdue_in)} "
            f"while active in {', '.join(x.current_in)}",
            {"overdue_in": list(x.overdue_in), "current_in": list(x.current_in), "max_dpd": x.max_dpd,
             "exposure": format(x.exposure, "f")},
        ))
    for ccy, p in sorted(c.unconverted.items()):
        out.append(RaisedWarning(
            "unconsolidated_currency", ccy, ccy, Severity.ALERT,
            f"{p.contracts} contract(s) in {ccy} are reported apart: the group consolidates in {c.currency}",
            {"contracts": p.contracts, "exposure": format(p.exposure, "f"), "currency": ccy},
        ))
    for sub in sorted(set(missing_subsidiaries)):
        out.append(RaisedWarning(
            "extract_missing", sub, sub, Severity.ALERT,
            f"{sub}'s exposures could not be extracted: the group figures of {c.as_of.isoformat()} exclude it",
            {"as_of": c.as_of.isoformat()},
        ))
    return out


class Reconcile(str, Enum):
    CREATE = "create"
    REFRESH = "refresh"  # same condition, new figures; status unchanged
    REOPEN = "reopen"  # acknowledged, but it has got worse since


def reconcile(existing_status: WarningStatus | None, existing_severity: Severity | None,
              raised: RaisedWarning) -> Reconcile:
    """What a run does with a condition that already has a warning on file."""
    if existing_status is None:
        return Reconcile.CREATE
    if existing_status is WarningStatus.ACKNOWLEDGED and existing_severity is not None \
            and raised.severity.rank > existing_severity.rank:
        return Reconcile.REOPEN
    return Reconcile.REFRESH


@dataclass(frozen=True)
class Acknowledgement:
    by: str
    at: datetime
    note: str
