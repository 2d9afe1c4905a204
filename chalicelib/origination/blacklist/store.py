"""The tenant's blacklist: identity hashes it will not do business with (no raw identity numbers)."""
from __future__ import annotations


from pynamodb.attributes import UnicodeAttribute

from chalicelib.platform import keys
from chalicelib.platform.dynamo import TenantModel
from chalicelib.platform.repository import TenantRepository
from chalicelib.shared.tenant import TenantContext
from chalicelib.origination.blacklist.domain import BlacklistEntry


class BlacklistRecord(TenantModel):
    entry_id = UnicodeAttribute(null=True)
    identity_hash = UnicodeAttribute()
    identity_masked = UnicodeAttribute(null=True)
    name = UnicodeAttribute(null=True)
    reason = UnicodeAttribute()
    added_by = UnicodeAttribute()




def _entry(r: BlacklistRecord) -> BlacklistEntry:
    return BlacklistEntry(r.entry_id or "", r.identity_hash, r.identity_masked, r.name, r.reason, r.added_by,
                          r.created_at)


class Blacklist(TenantRepository[BlacklistRecord]):
    record = BlacklistRecord
    aggregate = "BLACKLIST"

    def add(self, ctx: TenantContext, entry: BlacklistEntry) -> BlacklistEntry:
        # Keyed by the identity (one entry per person); found by its entry id through GSI2.
        record = self.new(ctx, entry.identity_hash, list_sk=entry.entry_id, entry_id=entry.entry_id,
                          GSI2PK=self._entry_pk(ctx, entry.entry_id), GSI2SK="ROOT",
                          identity_hash=entry.identity_hash, identity_masked=entry.identity_masked, name=entry.name,
                          reason=entry.reason, added_by=entry.added_by)
        self.create(ctx, record, "origination.blacklist.exists")
        return _entry(record)

    def find(self, ctx: TenantContext, identity_hash: str) -> BlacklistEntry | None:
        r = self.get(ctx, identity_hash)
        return _entry(r) if r is not None else None

    def listed(self, ctx: TenantContext, identity_hashes: list[str]) -> set[str]:
        """Which of these hashes are on the blacklist (one consistent read each; lists are short)."""
        return {h for h in identity_hashes if self.get(ctx, h) is not None}

    def remove(self, ctx: TenantContext, entry_id: str) -> bool:
        model = self.model(ctx)
        found = list(model.gsi2.query(self._entry_pk(ctx, entry_id), limit=1))
        r = self.get(ctx, found[0].identity_hash) if found else None
        if r is None or r.entry_id != entry_id:
            return False
        r.delete()
        return True

    @staticmethod
    def _entry_pk(ctx: TenantContext, entry_id: str) -> str:
        return keys.partition(ctx.tenant_id, "BLACKLIST_ENTRY", entry_id)

    def list_page(self, ctx: TenantContext, cursor: str | None, limit: int) -> tuple[list[BlacklistEntry], str | None]:
        records, nxt = self.page(ctx, cursor, limit)
        return [_entry(r) for r in records], nxt
