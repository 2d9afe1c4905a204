"""This context's records in DynamoDB: one record shape, a JSON body, keys built from the context.

Partitions (all under the tenant's ``T#<tenant>#`` prefix)::

    CUSTOMER360#<customer>   EVIDENCE#<at>#<id> · LEVEL#<at> · CONSENT#<id> · GRADE#<yyyy-mm> · OVERRIDE#<id>
    GRADE_RULES              ROOT                    the tenant's value and activity scales
    GRADE_RUN#<yyyy-mm>      ROOT                    a monthly run's summary (listed on GSI1)
    CAMPAIGN#<id>            ROOT · LEAD#<key>       a campaign and its list (listed on GSI1)
    GROUP_CUSTOMER#<hash>    SUB#<subsidiary>        HQ only: each subsidiary's relationship card

A month's grade is written once (conditional on absence): re-running a month cannot change it.
"""
from __future__ import annotations

import json
from typing import Any, Iterator

from pynamodb.attributes import UnicodeAttribute
from pynamodb.exceptions import PutError

from chalicelib.platform import keys
from chalicelib.platform.dynamo import TenantModel, bound, conditional_failed
from chalicelib.shared.errors import Conflict
from chalicelib.shared.serial import dumps
from chalicelib.shared.tenant import TenantContext


class CustomerFactRecord(TenantModel):
    data = UnicodeAttribute()


class CustomerFacts:
    """Reads and writes of this context's records for one tenant (the context's partition only)."""

    def model(self, ctx: TenantContext) -> type[CustomerFactRecord]:
        return bound(CustomerFactRecord, ctx)

    def pk(self, ctx: TenantContext, *parts: str) -> str:
        return keys.partition(ctx.tenant_id, *parts)

    def put(self, ctx: TenantContext, pk_parts: tuple[str, ...], sk: str, entity: str, data: dict[str, Any], *,
            list_parts: tuple[str, ...] | None = None, list_sk: str | None = None, new_only: str | None = None,
            version: int | None = None) -> int:
        """Write one record; ``new_only`` names the 409 if it exists; ``version`` guards an update."""
        model = self.model(ctx)
        attrs: dict[str, Any] = {}
        if list_parts is not None:
            attrs.update(GSI1PK=self.pk(ctx, *list_parts), GSI1SK=list_sk or sk)
        record = model(PK=self.pk(ctx, *pk_parts), SK=sk, entity=entity,
                       data=dumps(data, sort_keys=True), **attrs)
        if version is None and not new_only:  # a plain overwrite: guard on whatever version is there now
            try:
                version = model.get(record.PK, sk, consistent_read=True, attributes_to_get=["version"]).version
            except model.DoesNotExist:
                version = None
        if version is not None:
            record.version = version
        try:
            if new_only:
                record.save(condition=model.PK.does_not_exist())
            else:
                record.save()
        except PutError as exc:
            if conditional_failed(exc):
                raise Conflict(new_only or "customers.record.changed",
                               "it already exists" if new_only else "it was changed meanwhile; reload and retry") from exc
            raise
        return record.version

    def get(self, ctx: TenantContext, pk_parts: tuple[str, ...], sk: str = "ROOT") -> tuple[dict[str, Any], int] | None:
        model = self.model(ctx)
        try:
            r = model.get(self.pk(ctx, *pk_parts), sk, consistent_read=True)
        except model.DoesNotExist:
            return None
        return json.loads(r.data), r.version

    def query(self, ctx: TenantContext, pk_parts: tuple[str, ...], prefix: str = "") -> Iterator[dict[str, Any]]:
        model = self.model(ctx)
        condition = model.SK.startswith(prefix) if prefix else None
        for r in model.query(self.pk(ctx, *pk_parts), condition, consistent_read=True):
            yield json.loads(r.data)

    def listing(self, ctx: TenantContext, list_parts: tuple[str, ...], prefix: str = "",
                newest_first: bool = True, limit: int | None = None) -> Iterator[dict[str, Any]]:
        model = self.model(ctx)
        condition = model.GSI1SK.startswith(prefix) if prefix else None
        for r in model.gsi1.query(self.pk(ctx, *list_parts), condition, scan_index_forward=not newest_first,
                                  limit=limit):
            yield json.loads(r.data)

    def sections(self, ctx: TenantContext, pk_parts: tuple[str, ...]) -> dict[str, list[dict[str, Any]]]:
        """Every record of one partition in one query, by the first part of its sort key (``GRADE``, …)."""
        model = self.model(ctx)
        out: dict[str, list[dict[str, Any]]] = {}
        for r in model.query(self.pk(ctx, *pk_parts), consistent_read=True):
            out.setdefault(r.SK.split("#", 1)[0], []).append(json.loads(r.data))
        return out
