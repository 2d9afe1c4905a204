"""An in-process twin of ``store.LedgerStore``: same promises, no AWS.

For fast tests of the ledger's use cases and of the contexts that post to it (servicing, payments).
A commit checks every version and condition first and then applies all of it under one lock — the
all-or-nothing behaviour of a DynamoDB transaction. The integration tests hold the DynamoDB store to
the same behaviour, so the two cannot drift unnoticed.
"""
from __future__ import annotations

from chalicelib.shared import clock

import threading
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Iterator, Sequence

from chalicelib.ledger.domain import (
    Account,
    GlMovement,
    Hold,
    JournalEntry,
    JournalProposal,
    ProposalStatus,
    StatementLine,
)
from chalicelib.ledger.ports import (
    AlreadyReversed,
    Commit,
    EntryExists,
    HoldExists,
    ProposalExists,
    Receipt,
    StaleWrite,
)
from chalicelib.shared.tenant import TenantContext


class InMemoryLedger:
    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._accounts: dict[tuple[str, str], Account] = {}
        self._entries: dict[tuple[str, str], JournalEntry] = {}
        self._reversals: dict[tuple[str, str], str] = {}
        self._holds: dict[tuple[str, str], Hold] = {}
        self._lines: dict[tuple[str, str], list[StatementLine]] = {}
        self._events: dict[tuple[str, str], list[dict]] = {}
        self._proposals: dict[tuple[str, str], JournalProposal] = {}
        self._gl_movements: dict[tuple[str, str], list[GlMovement]] = {}
        self._stamp = datetime.min.replace(tzinfo=timezone.utc)
        self.commits = 0

    # accounts

    def get_accounts(self, ctx: TenantContext, account_ids: Sequence[str]) -> dict[str, Account]:
        with self._lock:
            return {a: self._accounts[(ctx.tenant_id, a)] for a in account_ids if (ctx.tenant_id, a) in self._accounts}

    def open_accounts(self, ctx: TenantContext, accounts: Sequence[Account]) -> dict[str, Account]:
        with self._lock:
            for a in accounts:
                self._accounts.setdefault((ctx.tenant_id, a.id), replace(a, version=1))
            return self.get_accounts(ctx, [a.id for a in accounts])

    def list_accounts(self, ctx: TenantContext, *, contract_id: str | None = None, gl_only: bool = False,
                      cursor: str | None = None, limit: int = 50) -> tuple[list[Account], str | None]:
        with self._lock:
            mine = [a for (t, _), a in self._accounts.items() if t == ctx.tenant_id]
        if contract_id:
            mine = [a for a in mine if a.contract_id == contract_id]
        elif gl_only:
            mine = [a for a in mine if a.contract_id is None]
        mine.sort(key=lambda a: (a.contract_id is not None, a.contract_id or a.code, a.id))
        start = int(cursor or 0)
        page = mine[start:start + limit]
        return page, (str(start + limit) if start + limit < len(mine) else None)

    def all_accounts(self, ctx: TenantContext, *, gl_only: bool = False) -> Iterator[Account]:
        with self._lock:
            return iter([a for (t, _), a in self._accounts.items()
                         if t == ctx.tenant_id and not (gl_only and a.contract_id)])

    # entries, holds, events

    def get_entry(self, ctx: TenantContext, entry_id: str) -> JournalEntry | None:
        return self._entries.get((ctx.tenant_id, entry_id))

    def reversal_of(self, ctx: TenantContext, entry_id: str) -> str | None:
        return self._reversals.get((ctx.tenant_id, entry_id))

    def get_hold(self, ctx: TenantContext, hold_id: str) -> Hold | None:
        return self._holds.get((ctx.tenant_id, hold_id))

    def get_proposal(self, ctx: TenantContext, proposal_id: str) -> JournalProposal | None:
        return self._proposals.get((ctx.tenant_id, proposal_id))

    def create_proposal(self, ctx: TenantContext, proposal: JournalProposal) -> JournalProposal:
        with self._lock:
            if (ctx.tenant_id, proposal.id) in self._proposals:
                raise ProposalExists()
            created_at = proposal.created_at or clock.now()
            self._proposals[(ctx.tenant_id, proposal.id)] = replace(proposal, version=1, created_at=created_at)
            return self._proposals[(ctx.tenant_id, proposal.id)]

    def list_proposals(self, ctx: TenantContext, *, status: ProposalStatus, cursor: str | None = None,
                       limit: int = 50) -> tuple[list[JournalProposal], str | None]:
        # Like the store's index: newest first by (created_at, id); the cursor is the last key returned.
        def sort_key(p: JournalProposal) -> str:
            return f"{p.created_at.isoformat() if p.created_at else ''}#{p.id}"

        with self._lock:
            mine = [p for (t, _), p in self._proposals.items() if t == ctx.tenant_id and p.status is status]
        mine.sort(key=sort_key, reverse=True)
        if cursor:
            mine = [p for p in mine if sort_key(p) < cursor]
        page = mine[:max(1, limit)]
        return page, (sort_key(page[-1]) if len(mine) > len(page) else None)

    def events_for_entry(self, ctx: TenantContext, entry_id: str) -> list[dict]:
        return list(self._events.get((ctx.tenant_id, entry_id), []))

    # the commit

    def commit(self, ctx: TenantContext, commit: Commit) -> Receipt:
        t = ctx.tenant_id
        with self._lock:
            if commit.entry is not None and (t, commit.entry.id) in self._entries:
                raise EntryExists()
            if commit.reverses is not None and (t, commit.reverses) in self._reversals:
                raise AlreadyReversed()
            if commit.new_hold is not None and (t, commit.new_hold.id) in self._holds:
                raise HoldExists()
            if commit.hold_transition is not None:
                before, _ = commit.hold_transition
                current = self._holds.get((t, before.id))
                if current is None or current.version != before.version or current.status is not before.status:
                    raise StaleWrite("hold")
            if commit.proposal_transition is not None:
                before, _ = commit.proposal_transition
                current_p = self._proposals.get((t, before.id))
                if current_p is None or current_p.version != before.version or current_p.status is not before.status:
                    raise StaleWrite("proposal")
            for m in commit.movements:
                current = self._accounts.get((t, m.before.id))
                if current is None or current.version != m.before.version:
                    raise StaleWrite(m.before.id)
                if m.balance_floor is not None and current.balance < m.balance_floor:
                    raise StaleWrite(m.before.id)
            # every condition holds: apply all of it
            if commit.entry is not None:
                self._entries[(t, commit.entry.id)] = commit.entry
            if commit.reverses is not None and commit.entry is not None:
                self._reversals[(t, commit.reverses)] = commit.entry.id
            if commit.new_hold is not None:
                self._holds[(t, commit.new_hold.id)] = replace(commit.new_hold, version=1)
            if commit.hold_transition is not None:
                before, after = commit.hold_transition
                self._holds[(t, before.id)] = replace(after, version=(before.version or 0) + 1)
            if commit.proposal_transition is not None:
                before, after = commit.proposal_transition
                self._proposals[(t, before.id)] = replace(after, version=(before.version or 0) + 1)
            for m in commit.movements:
                self._accounts[(t, m.before.id)] = replace(m.after, version=(m.before.version or 0) + 1)
                if m.row is not None:
                    self._lines.setdefault((t, m.row.account_id), []).append(m.row)
            for r in commit.restated:
                rows = self._lines[(t, r.account_id)]
                rows[:] = [r if (x.booked_on, x.seq) == (r.booked_on, r.seq) else x for x in rows]
            # Stamped as the store stamps its rows (the commit's instant), strictly increasing here so a
            # fixed test clock still orders a day's movements as they were posted.
            self._stamp = max(clock.now(), self._stamp + timedelta(microseconds=1))
            for g in commit.gl_movements:
                self._gl_movements.setdefault((t, g.account_id), []).append(replace(g, created_at=self._stamp))
            for ev in commit.events:
                self._events.setdefault((t, ev.entry_id), []).append(ev.payload())
            self.commits += 1
            singles = (commit.entry, commit.reverses, commit.new_hold, commit.hold_transition,
                       commit.proposal_transition)
            items = sum(1 for x in singles if x is not None) + len(commit.movements) \
                + sum(1 for m in commit.movements if m.row) + len(commit.events) + len(commit.gl_movements) \
                + len(commit.restated)
            return Receipt(items=items)

    # statements and balances

    def _rows(self, ctx: TenantContext, account_id: str) -> list[StatementLine]:
        # In the store's key order (booked day, then sequence): a roll-up row can follow later days' rows.
        with self._lock:
            return sorted(self._lines.get((ctx.tenant_id, account_id), []), key=lambda r: (r.booked_on, r.seq))

    def gl_movements(self, ctx: TenantContext, account_id: str, *, from_on: date | None,
                     to_on: date | None) -> list[GlMovement]:
        with self._lock:
            rows = list(self._gl_movements.get((ctx.tenant_id, account_id), []))
        return sorted((g for g in rows if (from_on is None or g.booked_on >= from_on)
                       and (to_on is None or g.booked_on <= to_on)), key=lambda g: (g.booked_on, g.entry_id))

    def statement(self, ctx: TenantContext, account_id: str, *, from_on: date | None, to_on: date | None,
                  cursor: str | None, limit: int) -> tuple[list[StatementLine], str | None]:
        rows = [r for r in self._rows(ctx, account_id)
                if (from_on is None or r.booked_on >= from_on) and (to_on is None or r.booked_on <= to_on)]
        start = int(cursor or 0)
        return rows[start:start + limit], (str(start + limit) if start + limit < len(rows) else None)

    def balances_as_of(self, ctx: TenantContext, accounts: Sequence[Account], as_of: date) -> dict[str, Decimal]:
        out = {}
        for a in accounts:
            rows = [r for r in self._rows(ctx, a.id) if r.booked_on <= as_of]
            out[a.id] = rows[-1].balance_after if rows else Decimal(0)
        return out
