"""Products in DynamoDB: one partition per product, ``T#<tenant>#PRODUCT#<code>``.

    SK ROOT                       the product: code, kind, shelf status, display name and channels
                                  (GSI1 ``T#<tenant>#PRODUCT`` / code lists a tenant's products)
    SK V#0001 …                   one item per version: status, definition (JSON), stamps
    SK H#<at>#<version>#<action>  one item per recorded transition

A change is one transaction: the root (conditional on its revision — every change bumps it, so two
racing changes cannot both commit), the versions that changed (each conditional on its own
revision) and the new transition records. Records map to domain objects explicitly, both ways.
"""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from pynamodb.attributes import UnicodeAttribute, UnicodeSetAttribute, UTCDateTimeAttribute
from pynamodb.exceptions import TransactWriteError

from chalicelib.platform.dynamo import DecimalAttribute, TenantModel, bound, transaction
from chalicelib.platform.repository import TenantRepository
from chalicelib.products.definition import DEFINITION_MODELS, Channel, ProductKind, definition_json
from chalicelib.products.domain import (
    Action,
    Actor,
    Product,
    ProductSummary,
    ProductVersion,
    Rejection,
    Stamp,
    Transition,
    VersionStatus,
)
from chalicelib.shared.errors import Conflict
from chalicelib.shared.tenant import TenantContext


class ProductRecord(TenantModel):
    code = UnicodeAttribute()
    kind = UnicodeAttribute()
    status = UnicodeAttribute()
    statuses = UnicodeSetAttribute()  # every status some version is in (the list's status filter)
    channels = UnicodeSetAttribute()
    segment = UnicodeAttribute()
    currency = UnicodeAttribute()
    name = UnicodeAttribute()  # {"zh-CN", "en-US"} as JSON
    active_version = DecimalAttribute(null=True)
    latest_version = DecimalAttribute()
    version_statuses = UnicodeAttribute()  # {"1": "retired", "2": "active"} as JSON
    created_by = UnicodeAttribute()  # Actor as JSON


class VersionRecord(TenantModel):
    number = DecimalAttribute()
    status = UnicodeAttribute()
    definition = UnicodeAttribute()  # ProductDefinition as JSON: decimals as strings, exact
    based_on = DecimalAttribute(null=True)
    authors = UnicodeAttribute()  # [Actor] as JSON
    stamps = UnicodeAttribute()  # created / submitted / approved / … as JSON


class TransitionRecord(TenantModel):
    number = DecimalAttribute()
    action = UnicodeAttribute()
    from_status = UnicodeAttribute(null=True)
    to_status = UnicodeAttribute()
    actor = UnicodeAttribute()  # Actor as JSON
    at = UTCDateTimeAttribute()
    reason = UnicodeAttribute(null=True)


ROOT = "ROOT"


def version_sk(number: int) -> str:
    return f"V#{number:04d}"


class ProductStore(TenantRepository[ProductRecord]):
    record = ProductRecord
    aggregate = "PRODUCT"

    # --- reading -------------------------------------------------------------------------------

    def load(self, ctx: TenantContext, code: str) -> Product | None:
        """The product with every version (one GetItem and one Query, both strongly consistent)."""
        root = self.get(ctx, code)
        if root is None:
            return None
        model = bound(VersionRecord, ctx)
        records = model.query(self.pk(ctx, code), model.SK.startswith("V#"), consistent_read=True)
        kind = ProductKind(root.kind)
        versions = {v.number: v for v in (_version(kind, r) for r in records)}
        return Product(code=root.code, kind=kind, created=Stamp(_actor(json.loads(root.created_by)), root.created_at),
                       versions=versions, revision=root.version)

    def version(self, ctx: TenantContext, code: str, kind: ProductKind, number: int) -> ProductVersion | None:
        model = bound(VersionRecord, ctx)
        try:
            return _version(kind, model.get(self.pk(ctx, code), version_sk(number), consistent_read=True))
        except model.DoesNotExist:
            return None

    def summary(self, ctx: TenantContext, code: str) -> ProductSummary | None:
        """The product as listed (the root alone: no versions)."""
        root = self.get(ctx, code)
        return _summary(root) if root is not None else None

    def history(self, ctx: TenantContext, code: str) -> list[Transition]:
        model = bound(TransitionRecord, ctx)
        return [Transition(version=int(r.number), action=Action(r.action),
                           from_status=VersionStatus(r.from_status) if r.from_status else None,
                           to_status=VersionStatus(r.to_status), actor=_actor(json.loads(r.actor)), at=r.at,
                           reason=r.reason)
                for r in model.query(self.pk(ctx, code), model.SK.startswith("H#"), consistent_read=True)]

    def list_page(self, ctx: TenantContext, cursor: str | None, limit: int, kind: ProductKind | None = None,
                  status: VersionStatus | None = None, channel: Channel | None = None
                  ) -> tuple[list[ProductSummary], str | None]:
        """A page of the tenant's products by code. Filters fill the page; a short page may still have a next."""
        model = self.model(ctx)
        condition = None
        for clause in (model.kind == kind.value if kind else None,
                       model.statuses.contains(status.value) if status else None,
                       model.channels.contains(channel.value) if channel else None):
            if clause is not None:
                condition = clause if condition is None else condition & clause
        records, nxt = self.page(ctx, cursor, limit, filter_condition=condition, newest_first=False)
        return [_summary(r) for r in records], nxt

    # --- writing -------------------------------------------------------------------------------

    def commit(self, ctx: TenantContext, product: Product) -> None:
        """Write the product's pending changes in one transaction.

        409 ``products.product.exists`` when a new product's code is taken, ``products.version.conflict``
        when someone else changed the product since it was loaded.
        """
        root = self._root(ctx, product)
        versions = [self._version_record(ctx, product, product.versions[n]) for n in sorted(product.changed)]
        history = [self._transition_record(ctx, product.code, t) for t in product.pending]
        self._check_owner(ctx, root)
        try:
            with transaction(ctx) as tx:
                tx.save(root)
                for record in versions + history:
                    tx.save(record)
        except TransactWriteError as exc:
            if not any(r is not None and r.code == "ConditionalCheckFailed" for r in exc.cancellation_reasons):
                raise
            if product.revision is None:
                raise Conflict("products.product.exists", f"a product {product.code} already exists",
                               {"code": product.code}) from exc
            raise Conflict("products.version.conflict",
                           f"{product.code} was changed by someone else meanwhile; reload and retry",
                           {"code": product.code}) from exc
        product.revision = root.version
        for record in versions:
            number = int(record.number)
            product.versions[number] = _replace_revision(product.versions[number], record.version)
        product.pending.clear()
        product.changed.clear()

    def _root(self, ctx: TenantContext, product: Product) -> ProductRecord:
        s = product.summary()
        return self.new(
            ctx, product.code, ROOT, list_sk=product.code,
            code=s.code, kind=s.kind.value, status=s.status.value,
            statuses={st.value for st in s.version_statuses.values()}, channels=set(s.channels),
            segment=s.segment, currency=s.currency, name=json.dumps(s.name, ensure_ascii=False),
            active_version=Decimal(s.active_version) if s.active_version else None,
            latest_version=Decimal(s.latest_version),
            version_statuses=json.dumps({str(n): st.value for n, st in s.version_statuses.items()}),
            created_by=json.dumps(_actor_json(product.created.actor), ensure_ascii=False),
            created_at=product.created.at, updated_at=s.updated_at, **_revision(product.revision),
        )

    def _version_record(self, ctx: TenantContext, product: Product, v: ProductVersion) -> VersionRecord:
        model = bound(VersionRecord, ctx)
        stamps = {
            "created": _stamp_json(v.created), "submitted": _stamp_json(v.submitted),
            "approved": _stamp_json(v.approved), "activated_at": _at(v.activated_at),
            "suspended_at": _at(v.suspended_at), "retired_at": _at(v.retired_at),
            "last_rejection": {"reason": v.last_rejection.reason, **_stamp_json(Stamp(v.last_rejection.actor,
                                                                                     v.last_rejection.at))}
            if v.last_rejection else None,
        }
        return model(PK=self.pk(ctx, product.code), SK=version_sk(v.number), entity="product_version",
                     number=Decimal(v.number), status=v.status.value,
                     definition=json.dumps(definition_json(v.definition), ensure_ascii=False),
                     based_on=Decimal(v.based_on) if v.based_on else None,
                     authors=json.dumps([_actor_json(a) for a in v.authors], ensure_ascii=False),
                     stamps=json.dumps(stamps, ensure_ascii=False), created_at=v.created.at, updated_at=v.updated_at,
                     **_revision(v.revision))

    def _transition_record(self, ctx: TenantContext, code: str, t: Transition) -> TransitionRecord:
        model = bound(TransitionRecord, ctx)
        sk = f"H#{t.at.isoformat()}#{t.version:04d}#{t.action.value}"
        return model(PK=self.pk(ctx, code), SK=sk, entity="product_transition", number=Decimal(t.version),
                     action=t.action.value, from_status=t.from_status.value if t.from_status else None,
                     to_status=t.to_status.value, actor=json.dumps(_actor_json(t.actor), ensure_ascii=False),
                     at=t.at, reason=t.reason, created_at=t.at, updated_at=t.at)


# --- record ↔ domain ------------------------------------------------------------------------------


def _summary(r: ProductRecord) -> ProductSummary:
    return ProductSummary(
        code=r.code, kind=ProductKind(r.kind), status=VersionStatus(r.status), name=json.loads(r.name),
        segment=r.segment, currency=r.currency, channels=tuple(sorted(r.channels)),
        active_version=_int(r.active_version), latest_version=int(r.latest_version),
        version_statuses={int(n): VersionStatus(s) for n, s in json.loads(r.version_statuses).items()},
        updated_at=r.updated_at,
    )


def _version(kind: ProductKind, r: VersionRecord) -> ProductVersion:
    stamps = json.loads(r.stamps)
    rejection = stamps.get("last_rejection")
    return ProductVersion(
        number=int(r.number), status=VersionStatus(r.status),
        # Stored definitions were validated when written; rules added since must not make them unreadable.
        definition=DEFINITION_MODELS[kind].model_validate(json.loads(r.definition)),
        created=_stamp(stamps["created"]), updated_at=r.updated_at,
        authors=tuple(_actor(a) for a in json.loads(r.authors)), based_on=_int(r.based_on),
        submitted=_stamp(stamps.get("submitted")), approved=_stamp(stamps.get("approved")),
        activated_at=_parse_at(stamps.get("activated_at")), suspended_at=_parse_at(stamps.get("suspended_at")),
        retired_at=_parse_at(stamps.get("retired_at")),
        last_rejection=Rejection(rejection["reason"], _actor(rejection["by"]), _parse_at(rejection["at"]))
        if rejection else None,
        revision=r.version,
    )


def _revision(revision: int | None) -> dict[str, int]:
    """The optimistic-lock counter to write against; a new item has none (it must not exist yet)."""
    return {} if revision is None else {"version": revision}


def _replace_revision(v: ProductVersion, revision: int | None) -> ProductVersion:
    return replace(v, revision=revision)


def _actor_json(a: Actor) -> dict[str, str]:
    return {"user_id": a.user_id, "username": a.username}


def _actor(data: dict[str, str]) -> Actor:
    return Actor(data["user_id"], data["username"])


def _stamp_json(s: Stamp | None) -> dict[str, Any] | None:
    return {"by": _actor_json(s.actor), "at": s.at.isoformat()} if s else None


def _stamp(data: dict[str, Any] | None) -> Stamp | None:
    return Stamp(_actor(data["by"]), datetime.fromisoformat(data["at"])) if data else None


def _at(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _parse_at(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _int(value: Decimal | None) -> int | None:
    return int(value) if value is not None else None
