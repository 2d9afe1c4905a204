"""An in-memory twin of ``chalicelib.products.store.ProductStore``, with the same optimistic locking."""
from __future__ import annotations

import copy
from collections import defaultdict

from chalicelib.products.definition import Channel, ProductKind
from chalicelib.products.domain import Product, ProductSummary, ProductVersion, Transition, VersionStatus
from chalicelib.shared.errors import Conflict
from chalicelib.shared.tenant import TenantContext


class InMemoryProductStore:
    def __init__(self) -> None:
        self._products: dict[tuple[str, str], Product] = {}
        self._history: dict[tuple[str, str], list[Transition]] = defaultdict(list)
        self.commits = 0

    def load(self, ctx: TenantContext, code: str) -> Product | None:
        found = self._products.get((ctx.tenant_id, code))
        return copy.deepcopy(found) if found else None

    def version(self, ctx: TenantContext, code: str, kind: ProductKind, number: int) -> ProductVersion | None:
        found = self._products.get((ctx.tenant_id, code))
        return found.versions.get(number) if found else None

    def summary(self, ctx: TenantContext, code: str) -> ProductSummary | None:
        found = self._products.get((ctx.tenant_id, code))
        return found.summary() if found else None

    def history(self, ctx: TenantContext, code: str) -> list[Transition]:
        return list(self._history[(ctx.tenant_id, code)])

    def list_page(self, ctx: TenantContext, cursor: str | None, limit: int, kind: ProductKind | None = None,
                  status: VersionStatus | None = None, channel: Channel | None = None
                  ) -> tuple[list[ProductSummary], str | None]:
        summaries = [p.summary() for (tenant, _), p in sorted(self._products.items()) if tenant == ctx.tenant_id]
        matching = [s for s in summaries
                    if (kind is None or s.kind is kind)
                    and (status is None or status in s.version_statuses.values())
                    and (channel is None or channel.value in s.channels)]
        start = int(cursor or 0)
        end = start + limit
        return matching[start:end], str(end) if end < len(matching) else None

    def commit(self, ctx: TenantContext, product: Product) -> None:
        key = (ctx.tenant_id, product.code)
        current = self._products.get(key)
        if product.revision is None and current is not None:
            raise Conflict("products.product.exists", f"a product {product.code} already exists")
        if product.revision is not None and (current is None or current.revision != product.revision):
            raise Conflict("products.version.conflict", f"{product.code} was changed by someone else meanwhile")
        self._history[key] += product.pending
        product.revision = (product.revision or 0) + 1
        product.pending.clear()
        product.changed.clear()
        self._products[key] = copy.deepcopy(product)
        self.commits += 1
