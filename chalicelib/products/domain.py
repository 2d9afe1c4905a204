"""The product factory's model: a product, its versions and their lifecycle. Pure — no AWS here.

A ``Product`` (code and kind, unique per tenant) is the aggregate; it holds its ``ProductVersion``s.
A version is authored as a ``draft`` and, once submitted, never changes again:

    draft ─submit→ submitted ─approve→ approved ─activate→ active ─suspend→ suspended
                   submitted ─reject→ draft (with the reviewer's reason)
                   active / suspended / approved ─retire→ retired;  suspended ─activate→ active

``TRANSITIONS`` is the one table of what may happen; ``ACTION_ROLES`` who may ask for it. One version
is active at a time: activating one retires the version that was active (contracts stay pinned to the
version they were written on). Maker-checker: whoever authored a version — created it, edited it or
submitted it — never approves it.

Every change is recorded as a ``Transition`` (who, when, from → to, reason) that the aggregate
collects in ``pending``; the store writes the root, the changed versions and those records in one
transaction, conditional on the root's revision, so two racing changes cannot both win.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import Enum
from typing import Any

from chalicelib.products.definition import (
    FieldsInvalid,
    ProductDefinition,
    ProductKind,
    check_definition,
    definition_json,
    problem,
)
from chalicelib.shared.errors import Conflict, Forbidden, NotFound, RuleViolation
from chalicelib.shared.tenant import Role

CODE_PATTERN = r"^[A-Z][A-Z0-9_-]{1,39}$"


class VersionStatus(str, Enum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    ACTIVE = "active"
    SUSPENDED = "suspended"
    RETIRED = "retired"


class Action(str, Enum):
    CREATE = "create"  # a new draft version; not a transition of an existing one
    SUBMIT = "submit"
    APPROVE = "approve"
    REJECT = "reject"
    ACTIVATE = "activate"
    SUSPEND = "suspend"
    RETIRE = "retire"


S, A = VersionStatus, Action
TRANSITIONS: dict[tuple[VersionStatus, Action], VersionStatus] = {
    (S.DRAFT, A.SUBMIT): S.SUBMITTED,
    (S.SUBMITTED, A.APPROVE): S.APPROVED,
    (S.SUBMITTED, A.REJECT): S.DRAFT,
    (S.APPROVED, A.ACTIVATE): S.ACTIVE,
    (S.SUSPENDED, A.ACTIVATE): S.ACTIVE,  # back on the shelf
    (S.ACTIVE, A.SUSPEND): S.SUSPENDED,
    (S.ACTIVE, A.RETIRE): S.RETIRED,
    (S.SUSPENDED, A.RETIRE): S.RETIRED,
    (S.APPROVED, A.RETIRE): S.RETIRED,  # approved but never launched
}

AUTHOR_ROLES = (Role.PRODUCT_MANAGER, Role.TENANT_ADMIN)
CHECKER_ROLES = (Role.TENANT_ADMIN,)
ACTION_ROLES: dict[Action, tuple[Role, ...]] = {
    A.CREATE: AUTHOR_ROLES,
    A.SUBMIT: AUTHOR_ROLES,
    A.APPROVE: CHECKER_ROLES,
    A.REJECT: CHECKER_ROLES,
    A.ACTIVATE: CHECKER_ROLES,
    A.SUSPEND: CHECKER_ROLES,
    A.RETIRE: CHECKER_ROLES,
}
REASON_REQUIRED = frozenset({A.REJECT})
MAX_REASON = 1000


@dataclass(frozen=True)
class Actor:
    user_id: str
    username: str


@dataclass(frozen=True)
class Transition:
    """One recorded change of a version's status (``from_status`` is None when it was created)."""

    version: int
    action: Action
    from_status: VersionStatus | None
    to_status: VersionStatus
    actor: Actor
    at: datetime
    reason: str | None = None


@dataclass(frozen=True)
class Stamp:
    actor: Actor
    at: datetime


@dataclass(frozen=True)
class Rejection:
    reason: str
    actor: Actor
    at: datetime


@dataclass(frozen=True)
class ProductVersion:
    """One version of a product's definition. ``revision`` is the store's optimistic-lock counter."""

    number: int
    status: VersionStatus
    definition: ProductDefinition
    created: Stamp
    updated_at: datetime
    authors: tuple[Actor, ...]
    based_on: int | None = None
    submitted: Stamp | None = None
    approved: Stamp | None = None
    activated_at: datetime | None = None
    suspended_at: datetime | None = None
    retired_at: datetime | None = None
    last_rejection: Rejection | None = None
    revision: int | None = None

    def authored_by(self, actor: Actor) -> bool:
        return any(a.user_id == actor.user_id for a in self.authors)

    def with_author(self, actor: Actor) -> tuple[Actor, ...]:
        return self.authors if self.authored_by(actor) else (*self.authors, actor)


@dataclass(frozen=True)
class ProductSummary:
    """A product as a list shows it (no versions loaded)."""

    code: str
    kind: ProductKind
    status: VersionStatus
    name: dict[str, str]
    segment: str
    currency: str
    channels: tuple[str, ...]
    active_version: int | None
    latest_version: int
    version_statuses: dict[int, VersionStatus]
    updated_at: datetime


@dataclass(frozen=True)
class PinnedVersion:
    """One version of one product, as other contexts use it: a contract is written on exactly this."""

    code: str
    kind: ProductKind
    version: ProductVersion

    @property
    def number(self) -> int:
        return self.version.number

    @property
    def status(self) -> VersionStatus:
        return self.version.status

    @property
    def definition(self) -> ProductDefinition:
        return self.version.definition


@dataclass
class Product:
    """The aggregate: a product and all its versions. Mutations record ``pending`` transitions."""

    code: str
    kind: ProductKind
    created: Stamp
    versions: dict[int, ProductVersion] = field(default_factory=dict)
    revision: int | None = None
    pending: list[Transition] = field(default_factory=list)
    changed: set[int] = field(default_factory=set)

    # --- reading -------------------------------------------------------------------------------

    @property
    def latest_version(self) -> int:
        return max(self.versions)

    @property
    def active_version(self) -> int | None:
        return next((n for n, v in self.versions.items() if v.status is S.ACTIVE), None)

    @property
    def status(self) -> VersionStatus:
        """The product as the shelf sees it: active if a version is, else the furthest any version got."""
        statuses = {v.status for v in self.versions.values()}
        for candidate in (S.ACTIVE, S.SUSPENDED, S.APPROVED, S.SUBMITTED, S.DRAFT):
            if candidate in statuses:
                return candidate
        return S.RETIRED

    @property
    def display(self) -> ProductVersion:
        """The version whose name and channels represent the product: the active one, else the latest."""
        return self.versions[self.active_version or self.latest_version]

    def summary(self) -> ProductSummary:
        display = self.display.definition
        return ProductSummary(
            code=self.code, kind=self.kind, status=self.status, name=display.name.model_dump(by_alias=True),
            segment=display.segment.value, currency=display.currency,
            channels=tuple(sorted(c.value for c in display.channels)), active_version=self.active_version,
            latest_version=self.latest_version, version_statuses={n: v.status for n, v in sorted(self.versions.items())},
            updated_at=max(v.updated_at for v in self.versions.values()))

    def pinned(self, number: int) -> PinnedVersion:
        return PinnedVersion(self.code, self.kind, self.version(number))

    def version(self, number: int) -> ProductVersion:
        found = self.versions.get(number)
        if found is None:
            raise NotFound("products.version.not_found", f"{self.code} has no version {number}",
                           {"code": self.code, "version": number})
        return found

    # --- authoring -----------------------------------------------------------------------------

    @classmethod
    def create(cls, code: str, kind: ProductKind, definition: ProductDefinition, actor: Actor, at: datetime) -> "Product":
        """A new product with version 1 as a draft."""
        product = cls(code=code, kind=kind, created=Stamp(actor, at))
        product._add(definition, actor, at, based_on=None)
        return product

    def new_draft(self, actor: Actor, at: datetime, from_version: int | None = None) -> ProductVersion:
        """A new draft copied from ``from_version`` (default: the latest version)."""
        source = self.version(from_version if from_version is not None else self.latest_version)
        return self._add(source.definition, actor, at, based_on=source.number)

    def draft(self, number: int) -> ProductVersion:
        """Version ``number`` if it is still a draft; once submitted a version is immutable (409)."""
        current = self.version(number)
        if current.status is not S.DRAFT:
            raise Conflict("products.version.immutable",
                           f"version {number} is {current.status.value}; only a draft can change — make a new version",
                           {"version": number, "status": current.status.value})
        return current

    def revise_draft(self, number: int, definition: ProductDefinition, actor: Actor, at: datetime) -> ProductVersion:
        """Replace a draft's definition; whoever does becomes one of its authors."""
        current = self.draft(number)
        return self._put(replace(current, definition=definition, updated_at=at, authors=current.with_author(actor)))

    def _add(self, definition: ProductDefinition, actor: Actor, at: datetime, based_on: int | None) -> ProductVersion:
        number = (self.latest_version + 1) if self.versions else 1
        version = ProductVersion(number=number, status=S.DRAFT, definition=definition, created=Stamp(actor, at),
                                 updated_at=at, authors=(actor,), based_on=based_on)
        self.pending.append(Transition(number, A.CREATE, None, S.DRAFT, actor, at,
                                       f"from version {based_on}" if based_on else None))
        return self._put(version)

    def _put(self, version: ProductVersion) -> ProductVersion:
        self.versions[version.number] = version
        self.changed.add(version.number)
        return version

    # --- the lifecycle -------------------------------------------------------------------------

    def apply(self, number: int, action: Action, actor: Actor, roles: frozenset[Role], at: datetime,
              reason: str | None = None) -> ProductVersion:
        """Move version ``number`` by ``action``, after checking role, table and maker-checker."""
        version = self.version(number)
        if not roles & set(ACTION_ROLES[action]):
            raise Forbidden("auth.role.forbidden", f"your role cannot {action.value} a product version",
                            {"allowed_roles": [r.value for r in ACTION_ROLES[action]]})
        target = TRANSITIONS.get((version.status, action))
        if target is None:
            raise Conflict("products.version.illegal_transition",
                           f"cannot {action.value} version {number}: it is {version.status.value}",
                           {"from": version.status.value, "action": action.value, "version": number,
                            "allowed_actions": allowed_actions(version.status)})
        reason = _reason(action, reason)
        if action is A.APPROVE and version.authored_by(actor):
            raise Forbidden("products.maker_checker", "the author of a version cannot approve it",
                            {"version": number, "authors": [a.username for a in version.authors]})
        if action is A.ACTIVATE:
            self._retire_active(replacing=number, actor=actor, at=at)
        return self._move(version, action, target, actor, at, reason)

    def _retire_active(self, replacing: int, actor: Actor, at: datetime) -> None:
        active = self.active_version
        if active is not None and active != replacing:
            self._move(self.versions[active], A.RETIRE, S.RETIRED, actor, at, f"superseded by version {replacing}")

    def _move(self, version: ProductVersion, action: Action, target: VersionStatus, actor: Actor, at: datetime,
              reason: str | None) -> ProductVersion:
        stamp = Stamp(actor, at)
        changes: dict[str, Any] = {"status": target, "updated_at": at}
        if action is A.SUBMIT:
            changes.update(submitted=stamp, authors=version.with_author(actor))
        elif action is A.APPROVE:
            changes["approved"] = stamp
        elif action is A.REJECT:
            changes.update(last_rejection=Rejection(reason or "", actor, at), submitted=None)
        elif action is A.ACTIVATE:
            changes.update(activated_at=at, suspended_at=None)
        elif action is A.SUSPEND:
            changes["suspended_at"] = at
        elif action is A.RETIRE:
            changes["retired_at"] = at
        self.pending.append(Transition(version.number, action, version.status, target, actor, at, reason))
        return self._put(replace(version, **changes))


def allowed_actions(status: VersionStatus) -> list[str]:
    return [action.value for (source, action) in TRANSITIONS if source is status]


def _reason(action: Action, reason: str | None) -> str | None:
    reason = (reason or "").strip() or None
    if action in REASON_REQUIRED and reason is None:
        raise RuleViolation("products.reason.required", f"a reason is required to {action.value} a version",
                            {"errors": [{"field": "reason", "message": "is required", "type": "missing"}]})
    if reason is not None and len(reason) > MAX_REASON:
        raise RuleViolation("products.reason.invalid", f"a reason has at most {MAX_REASON} characters",
                            {"errors": [{"field": "reason", "message": f"at most {MAX_REASON} characters",
                                         "type": "string_too_long"}]})
    return reason


# --- a new product --------------------------------------------------------------------------------


def check_new_product(code: Any, kind: Any, definition: Any) -> tuple[str, ProductKind, ProductDefinition]:
    """Code, kind and definition of a new product, or ``FieldsInvalid`` with every problem of all three."""
    problems = []
    if not isinstance(code, str) or not re.fullmatch(CODE_PATTERN, code):
        problems.append(problem("code", "must be 2–40 characters: capital letters, digits, - and _, "
                                "starting with a letter (e.g. CONSUMER-36M)", "string_pattern_mismatch"))
    try:
        product_kind = ProductKind(kind)
    except ValueError:
        problems.append(problem("kind", "must be one of loan, lease, factoring", "enum"))
        raise FieldsInvalid(problems) from None
    try:
        checked = check_definition(product_kind, definition)
    except FieldsInvalid as invalid:
        raise FieldsInvalid(problems + invalid.problems) from None
    if problems:
        raise FieldsInvalid(problems)
    return code, product_kind, checked


# --- what changed between two versions ---------------------------------------------------------


@dataclass(frozen=True)
class Change:
    field: str
    before: Any
    after: Any


def diff(before: ProductDefinition, after: ProductDefinition) -> list[Change]:
    """The parameters that differ, as dotted paths (``terms.amount.max``), for the approver.

    Lists of items with a ``code`` (fees, documents) are compared item by item under their code
    (``fees.ARRANGEMENT.rate``); other lists (channels, allowed values) as whole values.
    """
    left, right = _flatten(definition_json(before)), _flatten(definition_json(after))
    return [Change(path, left.get(path), right.get(path))
            for path in sorted(left.keys() | right.keys()) if left.get(path) != right.get(path)]


def _flatten(value: Any, path: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            out.update(_flatten(item, f"{path}.{key}" if path else key))
        return out
    if isinstance(value, list) and value and all(isinstance(v, dict) and "code" in v for v in value):
        out = {}
        for item in value:
            out.update(_flatten({k: v for k, v in item.items() if k != "code"}, f"{path}.{item['code']}"))
        return out
    return {path: value}
