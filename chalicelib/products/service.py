"""Product factory use cases: author, review and shelve versions; read them; quote on the active one.

Each use case loads the product aggregate through the store, asks the domain to change it and commits
the change in one transaction. The store and the clock come in as arguments (tests pass an in-memory
store and a fixed clock); by default they come from ``wiring``.

Other contexts call ``get_version`` (the version a contract is pinned to, whatever its status now)
and ``active_version`` (what new business is written on).
"""
from __future__ import annotations

from chalicelib.shared import clock

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Callable, Protocol
from zoneinfo import ZoneInfo

from chalicelib.products import domain, pricing, wiring
from chalicelib.products.definition import (
    Channel,
    FieldsInvalid,
    check_definition,
    definition_json,
    merge_patch,
)
from chalicelib.products.domain import (
    Action,
    Actor,
    Change,
    PinnedVersion,
    Product,
    ProductKind,
    ProductSummary,
    ProductVersion,
    Transition,
    VersionStatus,
)
from chalicelib.shared.errors import Conflict, DomainError, NotFound, RuleViolation
from chalicelib.shared.tenant import TenantContext

if TYPE_CHECKING:
    from chalicelib.products.benchmarks import BenchmarkTable

Clock = Callable[[], datetime]
BUSINESS_TIMEZONE = ZoneInfo("Asia/Shanghai")  # the demo group's; a quote's "today" is a business date


class ProductStore(Protocol):
    """What the use cases need from storage (``store.ProductStore``; tests have an in-memory twin)."""

    def load(self, ctx: TenantContext, code: str) -> Product | None: ...
    def version(self, ctx: TenantContext, code: str, kind: ProductKind, number: int) -> ProductVersion | None: ...
    def summary(self, ctx: TenantContext, code: str) -> ProductSummary | None: ...
    def history(self, ctx: TenantContext, code: str) -> list[Transition]: ...
    def list_page(self, ctx: TenantContext, cursor: str | None, limit: int, kind: ProductKind | None = None,
                  status: VersionStatus | None = None, channel: Channel | None = None
                  ) -> tuple[list[ProductSummary], str | None]: ...
    def commit(self, ctx: TenantContext, product: Product) -> None: ...


@dataclass(frozen=True)
class ProductDetails:
    product: Product
    history: list[Transition]


@dataclass(frozen=True)
class VersionDiff:
    code: str
    before: ProductVersion
    after: ProductVersion
    changes: list[Change]


utc_now = clock.now


def actor_of(ctx: TenantContext) -> Actor:
    return Actor(ctx.user_id, ctx.username)


# --- authoring and the lifecycle ----------------------------------------------------------------


def create_product(ctx: TenantContext, code: Any, kind: Any, definition: Any, *, store: ProductStore | None = None,
                   now: Clock = utc_now) -> ProductDetails:
    """A new product whose version 1 is a draft. 409 ``products.product.exists`` if the code is taken here."""
    store = store or wiring.product_store()
    code, product_kind, checked = domain.check_new_product(code, kind, definition)
    product = Product.create(code, product_kind, checked, actor_of(ctx), now())
    history = list(product.pending)
    store.commit(ctx, product)
    return ProductDetails(product, history)


def new_version(ctx: TenantContext, code: str, from_version: int | None = None, *,
                store: ProductStore | None = None, now: Clock = utc_now) -> PinnedVersion:
    """A new draft copied from ``from_version`` (default: the latest)."""
    store = store or wiring.product_store()
    product = _load(ctx, code, store)
    version = product.new_draft(actor_of(ctx), now(), from_version)
    store.commit(ctx, product)
    return product.pinned(version.number)


def revise_draft(ctx: TenantContext, code: str, number: int, patch: Any, *, store: ProductStore | None = None,
                 now: Clock = utc_now) -> PinnedVersion:
    """Apply a JSON merge patch to a draft's definition; the result is validated as a whole."""
    store = store or wiring.product_store()
    product = _load(ctx, code, store)
    current = product.draft(number)  # "immutable" comes before any judgement of the patch
    if not isinstance(patch, dict):
        raise FieldsInvalid([{"field": "definition", "message": "must be an object", "type": "dict_type"}])
    definition = check_definition(product.kind, merge_patch(definition_json(current.definition), patch))
    product.revise_draft(number, definition, actor_of(ctx), now())
    store.commit(ctx, product)
    return product.pinned(number)


def transition(ctx: TenantContext, code: str, number: int, action: Action, reason: str | None = None, *,
               store: ProductStore | None = None, now: Clock = utc_now) -> PinnedVersion:
    """Submit, approve, reject, activate, suspend or retire a version (see ``domain.TRANSITIONS``).

    Activating retires the version that was active, in the same transaction.
    """
    store = store or wiring.product_store()
    product = _load(ctx, code, store)
    product.apply(number, action, actor_of(ctx), ctx.roles, now(), reason)
    store.commit(ctx, product)
    return product.pinned(number)


# --- reading --------------------------------------------------------------------------------------


def list_products(ctx: TenantContext, cursor: str | None = None, limit: int = 50, kind: ProductKind | None = None,
                  status: VersionStatus | None = None, channel: Channel | None = None, *,
                  store: ProductStore | None = None) -> tuple[list[ProductSummary], str | None]:
    """The tenant's products by code. ``status`` matches a product with any version in it
    (``active``: on the shelf; ``submitted``: waiting for approval)."""
    store = store or wiring.product_store()
    return store.list_page(ctx, cursor, limit, kind, status, channel)


def get_product(ctx: TenantContext, code: str, *, store: ProductStore | None = None) -> ProductDetails:
    """The product with its versions and every recorded transition, oldest first."""
    store = store or wiring.product_store()
    product = _load(ctx, code, store)
    return ProductDetails(product, store.history(ctx, code))


def get_version(ctx: TenantContext, code: str, version: int, *, store: ProductStore | None = None) -> PinnedVersion:
    """Version ``version`` of product ``code``, whatever its status (a contract stays pinned to it).

    404 ``products.product.not_found`` / ``products.version.not_found`` — also for another tenant's.
    """
    store = store or wiring.product_store()
    summary = _summary(ctx, code, store)
    found = store.version(ctx, code, summary.kind, version)
    if found is None:
        raise NotFound("products.version.not_found", f"{code} has no version {version}",
                       {"code": code, "version": version})
    return PinnedVersion(code, summary.kind, found)


def active_version(ctx: TenantContext, code: str, *, store: ProductStore | None = None) -> PinnedVersion:
    """The version new business on ``code`` is written on.

    404 if the product is absent; 409 ``products.product.not_active`` if no version is on the shelf.
    """
    store = store or wiring.product_store()
    summary = _summary(ctx, code, store)
    if summary.active_version is None:
        raise Conflict("products.product.not_active", f"{code} has no active version",
                       {"code": code, "status": summary.status.value})
    return get_version(ctx, code, summary.active_version, store=store)


def diff_versions(ctx: TenantContext, code: str, to: int, from_: int | None = None, *,
                  store: ProductStore | None = None) -> VersionDiff:
    """What changed from ``from_`` (default: the version ``to`` was made from, else the one before) to ``to``."""
    store = store or wiring.product_store()
    product = _load(ctx, code, store)
    after = product.version(to)
    base = from_ if from_ is not None else (after.based_on or to - 1)
    if base < 1:
        raise RuleViolation("products.diff.from.required", "version 1 has no predecessor: name from",
                            {"errors": [{"field": "from", "message": "is required", "type": "missing"}]})
    before = product.version(base)
    return VersionDiff(code, before, after, domain.diff(before.definition, after.definition))


def benchmarks() -> "BenchmarkTable":
    """The benchmark rates floating products price over."""
    return wiring.benchmarks()


# --- quoting --------------------------------------------------------------------------------------


def quote(ctx: TenantContext, code: str, terms: pricing.QuoteTerms, *, store: ProductStore | None = None,
          benchmarks: "BenchmarkTable | None" = None, today: date | None = None) -> dict[str, Any]:
    """Price ``terms`` on the active version: bounds checked (422 naming each term outside them),
    defaults filled in, the rate fixed (benchmark + spread for floating products), the finance
    engine's schedule returned in the ``/v1/quotes`` shape, plus the product, rate and terms used."""
    from chalicelib.finance.quote import price_quote

    pinned = active_version(ctx, code, store=store)
    resolved = pricing.resolve_terms(pinned.kind, pinned.definition, terms,
                                     today or clock.business_date(ctx),
                                     benchmarks or wiring.benchmarks())
    try:
        priced = price_quote(resolved.request)
    except DomainError as err:
        # The engine names its own fields under "quotes."; this route's scope is the product quote.
        raise RuleViolation(err.code.replace("quotes.", f"{pricing.SCOPE}.", 1), err.message, err.details) from err
    return {**priced, "product": {"code": code, "version": pinned.number}, "rate": resolved.rate.as_json(),
            "terms": resolved.request}


# --- helpers --------------------------------------------------------------------------------------


def _load(ctx: TenantContext, code: str, store: ProductStore) -> Product:
    product = store.load(ctx, code) if _plausible(code) else None
    if product is None:
        raise NotFound("products.product.not_found", f"no product {code}", {"code": code})
    return product


def _summary(ctx: TenantContext, code: str, store: ProductStore) -> ProductSummary:
    summary = store.summary(ctx, code) if _plausible(code) else None
    if summary is None:
        raise NotFound("products.product.not_found", f"no product {code}", {"code": code})
    return summary


def _plausible(code: str) -> bool:
    """A code that could exist — anything else (``#`` included) never reaches a key builder."""
    return bool(re.fullmatch(domain.CODE_PATTERN, code or ""))
