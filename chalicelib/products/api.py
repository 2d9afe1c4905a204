"""Product factory routes: author, review and shelve product versions; read them; quote on the shelf.

Authoring (create, new version, edit a draft, submit) is for product managers and tenant admins;
reviewing and shelving (approve, reject, activate, suspend, retire) for tenant admins, never the
version's own author; reading and quoting for every subsidiary role. Group and platform roles have
no product routes: HQ sees subsidiaries through consolidation, not through their products.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import ConfigDict, Field

from chalicelib.finance.quote import QuoteResponse
from chalicelib.platform.http import ApiBlueprint, Reply
from chalicelib.products import service
from chalicelib.products.definition import Channel, ProductKind, definition_json
from chalicelib.products.domain import (
    ACTION_ROLES,
    AUTHOR_ROLES,
    CODE_PATTERN,
    Action,
    Actor,
    PinnedVersion,
    ProductSummary,
    ProductVersion,
    Stamp,
    Transition,
    VersionStatus,
    allowed_actions,
)
from chalicelib.products.pricing import QuoteTerms
from chalicelib.shared.errors import NotFound
from chalicelib.shared.schema import Schema
from chalicelib.shared.tenant import SUBSIDIARY_ROLES, TenantContext

api = ApiBlueprint(__name__, tag="products")

READERS = SUBSIDIARY_ROLES
_DEFINITION_DOC = ("the version's parameters: name, segment, currency, channels, terms (bounds and defaults per "
                   "kind), rate, fees, penalty, prepayment, arrears_tolerance, workflow, risk, accounting")

# --- views ----------------------------------------------------------------------------------------


class ActorView(Schema):
    user_id: str
    username: str

    @classmethod
    def of(cls, a: Actor) -> "ActorView":
        return cls(user_id=a.user_id, username=a.username)


class StampView(Schema):
    by: ActorView
    at: datetime

    @classmethod
    def of(cls, s: Stamp | None) -> "StampView | None":
        return cls(by=ActorView.of(s.actor), at=s.at) if s else None


class RejectionView(StampView):
    reason: str


class TransitionView(Schema):
    model_config = ConfigDict(populate_by_name=True)

    version: int
    action: str
    from_status: str | None = Field(alias="from")
    to_status: str = Field(alias="to")
    by: ActorView
    at: datetime
    reason: str | None = None

    @classmethod
    def of(cls, t: Transition) -> "TransitionView":
        return cls(version=t.version, action=t.action.value,
                   from_status=t.from_status.value if t.from_status else None, to_status=t.to_status.value,
                   by=ActorView.of(t.actor), at=t.at, reason=t.reason)


class VersionSummaryView(Schema):
    version: int
    status: str
    based_on: int | None
    name: dict[str, str]
    authors: list[ActorView]
    created: StampView
    updated_at: datetime
    submitted: StampView | None = None
    approved: StampView | None = None
    activated_at: datetime | None = None
    suspended_at: datetime | None = None
    retired_at: datetime | None = None
    last_rejection: RejectionView | None = None
    allowed_actions: list[str] = Field(description="what may happen to it next (roles permitting)")

    @classmethod
    def fields_of(cls, v: ProductVersion) -> dict[str, Any]:
        r = v.last_rejection
        return dict(
            version=v.number, status=v.status.value, based_on=v.based_on,
            name=v.definition.name.model_dump(by_alias=True), authors=[ActorView.of(a) for a in v.authors],
            created=StampView.of(v.created), updated_at=v.updated_at, submitted=StampView.of(v.submitted),
            approved=StampView.of(v.approved), activated_at=v.activated_at, suspended_at=v.suspended_at,
            retired_at=v.retired_at,
            last_rejection=RejectionView(by=ActorView.of(r.actor), at=r.at, reason=r.reason) if r else None,
            allowed_actions=allowed_actions(v.status),
        )

    @classmethod
    def of(cls, v: ProductVersion) -> "VersionSummaryView":
        return cls(**cls.fields_of(v))


class VersionView(VersionSummaryView):
    code: str
    kind: str
    definition: dict[str, Any] = Field(description=_DEFINITION_DOC)

    @classmethod
    def of_pinned(cls, pinned: PinnedVersion) -> "VersionView":
        return cls(code=pinned.code, kind=pinned.kind.value, definition=definition_json(pinned.definition),
                   **cls.fields_of(pinned.version))


class ProductSummaryView(Schema):
    code: str
    kind: str
    status: str = Field(description="active if a version is on the shelf, else the furthest any version got")
    name: dict[str, str]
    segment: str
    currency: str
    channels: list[str]
    active_version: int | None
    latest_version: int
    version_statuses: dict[str, str]
    updated_at: datetime

    @classmethod
    def of(cls, s: ProductSummary) -> "ProductSummaryView":
        return cls(code=s.code, kind=s.kind.value, status=s.status.value, name=s.name, segment=s.segment,
                   currency=s.currency, channels=list(s.channels), active_version=s.active_version,
                   latest_version=s.latest_version,
                   version_statuses={str(n): st.value for n, st in sorted(s.version_statuses.items())},
                   updated_at=s.updated_at)


class ProductView(ProductSummaryView):
    created: StampView
    versions: list[VersionSummaryView]
    history: list[TransitionView] = Field(description="every transition, oldest first")

    @classmethod
    def of_details(cls, d: service.ProductDetails) -> "ProductView":
        p = d.product
        return cls(**ProductSummaryView.of(p.summary()).model_dump(), created=StampView.of(p.created),
                   versions=[VersionSummaryView.of(v) for _, v in sorted(p.versions.items())],
                   history=[TransitionView.of(t) for t in d.history])


class ProductPage(Schema):
    items: list[ProductSummaryView]
    next: str | None = None


class ChangeView(Schema):
    model_config = ConfigDict(populate_by_name=True)

    field: str
    before: Any = Field(alias="from")
    after: Any = Field(alias="to")


class DiffView(Schema):
    model_config = ConfigDict(populate_by_name=True)

    code: str
    from_version: int = Field(alias="from")
    to_version: int = Field(alias="to")
    from_status: str
    to_status: str
    changes: list[ChangeView]


class ProductRef(Schema):
    code: str
    version: int


class ProductQuoteView(QuoteResponse):
    product: ProductRef
    rate: dict[str, Any] = Field(description="how the annual rate was fixed (benchmark, spread) for floating products")
    terms: dict[str, Any] = Field(description="the terms priced, defaults filled in")


class BenchmarkRateView(Schema):
    rate: str
    effective_on: str


class BenchmarkView(Schema):
    code: str
    name: dict[str, str]
    current: BenchmarkRateView
    history: list[BenchmarkRateView]


class BenchmarkList(Schema):
    items: list[BenchmarkView]


# --- requests -------------------------------------------------------------------------------------


class CreateProductRequest(Schema):
    """A new product and its version 1 (a draft). Every problem of code, kind and definition is reported at once."""

    model_config = ConfigDict(extra="forbid")

    code: str = Field(description="unique within the tenant", json_schema_extra={"pattern": CODE_PATTERN})
    kind: str = Field(json_schema_extra={"enum": [k.value for k in ProductKind]})
    definition: dict[str, Any] = Field(description=_DEFINITION_DOC)


class NewVersionRequest(Schema):
    model_config = ConfigDict(extra="forbid")

    from_version: int | None = Field(default=None, ge=1, description="copy this version (default: the latest)")


class PatchVersionRequest(Schema):
    model_config = ConfigDict(extra="forbid")

    definition: dict[str, Any] = Field(description="a JSON merge patch: objects merge, null removes, the rest replaces")


class TransitionRequest(Schema):
    model_config = ConfigDict(extra="forbid")

    reason: str | None = Field(default=None, max_length=1000, description="required to reject")


class ProductListQuery(Schema):
    kind: ProductKind | None = None
    status: VersionStatus | None = Field(default=None, description="products with a version in this status")
    channel: Channel | None = None
    limit: int = Field(default=50, ge=1, le=200)
    next: str | None = Field(default=None, description="cursor from the previous page")


class DiffQuery(Schema):
    model_config = ConfigDict(populate_by_name=True)

    from_version: int | None = Field(default=None, alias="from", ge=1,
                                     description="default: the version `to` was made from")
    to_version: int = Field(alias="to", ge=1)


# --- routes ---------------------------------------------------------------------------------------


@api.route("/v1/products", "POST", roles=AUTHOR_ROLES, body=CreateProductRequest, response=ProductView, status=201)
def create_product(ctx: TenantContext, body: CreateProductRequest) -> Reply:
    """Create a product; its version 1 is a draft."""
    details = service.create_product(ctx, body.code, body.kind, body.definition)
    return Reply(ProductView.of_details(details), 201)


@api.route("/v1/products", "GET", roles=READERS, query=ProductListQuery, response=ProductPage)
def list_products(ctx: TenantContext, query: ProductListQuery) -> ProductPage:
    """The tenant's products by code, filtered by kind, status and channel."""
    items, nxt = service.list_products(ctx, query.next, query.limit, query.kind, query.status, query.channel)
    return ProductPage(items=[ProductSummaryView.of(s) for s in items], next=nxt)


@api.route("/v1/products/{code}", "GET", roles=READERS, response=ProductView)
def get_product(ctx: TenantContext, code: str) -> ProductView:
    """A product with its versions and every transition (who, when, from → to, reason)."""
    return ProductView.of_details(service.get_product(ctx, code))


@api.route("/v1/products/{code}/versions", "POST", roles=AUTHOR_ROLES, body=NewVersionRequest,
           response=VersionView, status=201)
def new_version(ctx: TenantContext, code: str, body: NewVersionRequest) -> Reply:
    """A new draft version, copied from `from_version` or the latest."""
    return Reply(VersionView.of_pinned(service.new_version(ctx, code, body.from_version)), 201)


@api.route("/v1/products/{code}/versions/{version}", "GET", roles=READERS, response=VersionView)
def get_version(ctx: TenantContext, code: str, version: str) -> VersionView:
    """One version with its whole definition."""
    return VersionView.of_pinned(service.get_version(ctx, code, _number(code, version)))


@api.route("/v1/products/{code}/versions/{version}", "PATCH", roles=AUTHOR_ROLES, body=PatchVersionRequest,
           response=VersionView)
def revise_draft(ctx: TenantContext, code: str, version: str, body: PatchVersionRequest) -> VersionView:
    """Edit a draft (merge patch); a submitted version is immutable (409)."""
    return VersionView.of_pinned(service.revise_draft(ctx, code, _number(code, version), body.definition))


@api.route("/v1/products/{code}/diff", "GET", roles=READERS, query=DiffQuery, response=DiffView)
def diff_versions(ctx: TenantContext, code: str, query: DiffQuery) -> DiffView:
    """The parameters that changed between two versions (`?from=1&to=2`), for the approver."""
    d = service.diff_versions(ctx, code, query.to_version, query.from_version)
    return DiffView(code=d.code, from_version=d.before.number, to_version=d.after.number,
                    from_status=d.before.status.value, to_status=d.after.status.value,
                    changes=[ChangeView(field=c.field, before=c.before, after=c.after) for c in d.changes])


# The lifecycle's transitions, one route each (POST …/versions/{version}/<action>), from the one table.
VERSION_TRANSITIONS = {
    Action.SUBMIT: "Submit a draft for approval; from now on it never changes.",
    Action.APPROVE: "Approve a submitted version (never by its author: 403 products.maker_checker).",
    Action.REJECT: "Send a submitted version back to draft, with the reviewer's reason.",
    Action.ACTIVATE: "Put an approved (or suspended) version on the shelf; the version active until now is retired.",
    Action.SUSPEND: "Take the active version off the shelf for now.",
    Action.RETIRE: "Retire a version for new business; contracts written on it keep it.",
}


def _transition_route(action: Action, doc: str) -> None:
    def view(ctx: TenantContext, code: str, version: str, body: TransitionRequest) -> VersionView:
        return _transition(ctx, code, version, action, body)

    view.__name__ = view.__qualname__ = f"{action.value}_version"
    view.__doc__ = doc
    api.route(f"/v1/products/{{code}}/versions/{{version}}/{action.value}", "POST", roles=ACTION_ROLES[action],
              body=TransitionRequest, response=VersionView)(view)


for _action, _doc in VERSION_TRANSITIONS.items():
    _transition_route(_action, _doc)


@api.route("/v1/products/{code}/quote", "POST", roles=READERS, body=QuoteTerms, response=ProductQuoteView,
           error_scope="products.quote")
def quote_product(ctx: TenantContext, code: str, body: QuoteTerms) -> dict[str, Any]:
    """Price terms on the active version: bounds checked, defaults filled, same shape as /v1/quotes."""
    return service.quote(ctx, code, body)


@api.route("/v1/benchmarks", "GET", response=BenchmarkList)
def list_benchmarks(ctx: TenantContext) -> BenchmarkList:
    """Benchmark rates floating products price over (LPR), with their history."""
    items = []
    for b in service.benchmarks():
        rates = [BenchmarkRateView(rate=format(r.rate, "f"), effective_on=r.effective_on.isoformat())
                 for r in reversed(b.rates)]
        items.append(BenchmarkView(code=b.code, name=b.name, current=rates[0], history=rates))
    return BenchmarkList(items=items)


# --- helpers --------------------------------------------------------------------------------------


def _transition(ctx: TenantContext, code: str, version: str, action: Action, body: TransitionRequest) -> VersionView:
    return VersionView.of_pinned(service.transition(ctx, code, _number(code, version), action, body.reason))


def _number(code: str, version: str) -> int:
    if not version.isdigit() or not 0 < int(version) < 10000:
        raise NotFound("products.version.not_found", f"{code} has no version {version}",
                       {"code": code, "version": version})
    return int(version)
