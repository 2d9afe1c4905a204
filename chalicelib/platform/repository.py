"""Tenant-scoped repository base: every key is built from the verified context, never from input.

Contexts subclass it with their record type and an ``aggregate`` name (``PRODUCT``, ``APPLICATION``,
…). Items of one aggregate live in partition ``T#<tenant>#<AGGREGATE>#<id>``; listing goes through
GSI1 on ``T#<tenant>#<AGGREGATE>``. Another tenant's id simply names a partition the caller's
context can never build, so it reads as absent (404), indistinguishable from a missing one.
"""
from __future__ import annotations

from typing import Generic, Iterable, TypeVar

from pynamodb.exceptions import PutError, TransactWriteError, UpdateError

from chalicelib.platform import keys
from chalicelib.platform.dynamo import TenantModel, bound, conditional_failed, decode_cursor, encode_cursor
from chalicelib.shared.errors import Conflict
from chalicelib.shared.tenant import TenantContext

R = TypeVar("R", bound=TenantModel)

DEFAULT_PAGE = 50
MAX_PAGE = 200


class TenantRepository(Generic[R]):
    record: type[R]
    aggregate: str

    def model(self, ctx: TenantContext) -> type[R]:
        return bound(self.record, ctx)

    def pk(self, ctx: TenantContext, aggregate_id: str) -> str:
        return keys.partition(ctx.tenant_id, self.aggregate, aggregate_id)

    def list_pk(self, ctx: TenantContext) -> str:
        return keys.partition(ctx.tenant_id, self.aggregate)

    def new(self, ctx: TenantContext, aggregate_id: str, sk: str = "ROOT", *, list_sk: str | None = None, **attrs) -> R:
        """A record of this tenant's aggregate; ``list_sk`` puts it in the tenant's GSI1 listing."""
        model = self.model(ctx)
        if list_sk is not None:
            attrs.setdefault("GSI1PK", self.list_pk(ctx))
            attrs.setdefault("GSI1SK", list_sk)
        return model(PK=self.pk(ctx, aggregate_id), SK=sk, entity=self.aggregate.lower(), **attrs)

    def get(self, ctx: TenantContext, aggregate_id: str, sk: str = "ROOT", *, consistent: bool = True) -> R | None:
        model = self.model(ctx)
        try:
            return model.get(self.pk(ctx, aggregate_id), sk, consistent_read=consistent)
        except model.DoesNotExist:
            return None

    def items(self, ctx: TenantContext, aggregate_id: str, sk_prefix: str | None = None) -> Iterable[R]:
        model = self.model(ctx)
        condition = model.SK.startswith(sk_prefix) if sk_prefix else None
        return model.query(self.pk(ctx, aggregate_id), condition)

    def create(self, ctx: TenantContext, record: R, conflict_code: str) -> R:
        """Save a new record; 409 ``conflict_code`` if the key is taken."""
        self._check_owner(ctx, record)
        try:
            record.save(condition=type(record).PK.does_not_exist())
        except PutError as exc:
            if conditional_failed(exc):
                raise Conflict(conflict_code, "it already exists") from exc
            raise
        return record

    def save(self, ctx: TenantContext, record: R, conflict_code: str) -> R:
        """Save with optimistic locking on ``version``; a lost race is 409 ``conflict_code``."""
        self._check_owner(ctx, record)
        try:
            record.save()
        except (PutError, UpdateError, TransactWriteError) as exc:
            if conditional_failed(exc):
                raise Conflict(conflict_code, "it was changed by someone else; reload and retry") from exc
            raise
        return record

    def page(self, ctx: TenantContext, cursor: str | None, limit: int = DEFAULT_PAGE,
             filter_condition=None, newest_first: bool = True) -> tuple[list[R], str | None]:
        """One page of this tenant's aggregates (GSI1), with an opaque cursor bound to this list."""
        model = self.model(ctx)
        list_key = self.list_pk(ctx)
        result = model.gsi1.query(
            list_key, filter_condition=filter_condition, limit=max(1, min(limit, MAX_PAGE)),
            last_evaluated_key=decode_cursor(cursor, ctx, list_key=list_key), scan_index_forward=not newest_first,
        )
        items = list(result)
        return items, encode_cursor(result.last_evaluated_key, list_key=list_key)

    @staticmethod
    def _check_owner(ctx: TenantContext, record: R) -> None:
        # Defence in depth: a record built for another tenant must never be written under this one.
        if not record.PK.startswith(keys.tenant_prefix(ctx.tenant_id)):
            raise PermissionError("record belongs to another tenant")
