"""What the ledger's use cases need from storage: one repository interface and what it may raise.

``store.LedgerStore`` implements it over DynamoDB (one TransactWriteItems per commit);
``memory.InMemoryLedger`` is its in-process twin for fast tests of the use cases (here and in the
contexts that post to the ledger). Both make the same promises:

* ``commit`` applies every part of a ``Commit`` or none of it, and only if every account it updates
  is still at the version it was read at; otherwise it raises ``StaleWrite`` and nothing changed.
  Its ``gl_movements`` (a contract posting's deferred GL legs) are new immutable rows, written with no
  condition on any account: contract postings for different contracts share no item.
* ``gl_movements`` returns a GL account's movement rows by booked day, from every shard; rows are never
  changed or deleted (they expire long after the roll-up folded them).
* An account item holds only what was applied to it directly plus what roll-ups folded in
  (``rolled_through``); the exact GL figure adds its unrolled movements (``domain.unrolled``), which the
  service does for ``get_account``, ``list_accounts`` and ``trial_balance``.
* Keys come from the ``TenantContext`` only: another tenant's account or entry reads as absent.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Iterator, Protocol, Sequence

from chalicelib.ledger.domain import (
    Account,
    CustomerAccountMoved,
    GlMovement,
    Hold,
    JournalEntry,
    JournalProposal,
    Movement,
    ProposalStatus,
    StatementLine,
)
from chalicelib.shared.tenant import TenantContext


class StaleWrite(Exception):
    """An account or hold changed since it was read (or a concurrent transaction held it): re-read, retry."""


class EntryExists(Exception):
    """An entry with this id (so this idempotency key) is already posted."""


class AlreadyReversed(Exception):
    """The entry being reversed already has a reversal."""


class HoldExists(Exception):
    """A hold with this id (so this idempotency key) is already placed."""


class ProposalExists(Exception):
    """A journal proposal with this id (so this idempotency key) already exists."""


@dataclass(frozen=True)
class Commit:
    """Everything one posting, hold placement, hold posting or void writes, atomically."""

    movements: Sequence[Movement]
    entry: JournalEntry | None = None
    events: Sequence[CustomerAccountMoved] = ()
    reverses: str | None = None  # mark this entry as reversed by ``entry`` (at most once)
    new_hold: Hold | None = None
    hold_transition: tuple[Hold, Hold] | None = None  # (as read, as it becomes)
    proposal_transition: tuple[JournalProposal, JournalProposal] | None = None  # (as read, as it becomes)
    gl_movements: Sequence[GlMovement] = ()  # deferred GL legs: new rows, unconditional
    restated: Sequence[StatementLine] = ()  # statement rows whose balance_after a roll-up restates


@dataclass(frozen=True)
class Receipt:
    """What the commit cost: DynamoDB items written and write units DynamoDB reported (None if it
    reported none — moto does not)."""

    items: int
    consumed_write_units: float | None = None
    extras: dict[str, float] = field(default_factory=dict)


class LedgerRepository(Protocol):
    def get_accounts(self, ctx: TenantContext, account_ids: Sequence[str]) -> dict[str, Account]:
        """Consistent reads of the accounts that exist among ``account_ids``."""

    def open_accounts(self, ctx: TenantContext, accounts: Sequence[Account]) -> dict[str, Account]:
        """Create the accounts that do not exist yet (idempotent); return all of them as stored."""

    def list_accounts(self, ctx: TenantContext, *, contract_id: str | None = None, gl_only: bool = False,
                      cursor: str | None = None, limit: int = 50) -> tuple[list[Account], str | None]: ...

    def all_accounts(self, ctx: TenantContext, *, gl_only: bool = False) -> Iterator[Account]:
        """Every account of the tenant (``gl_only``: its GL accounts, not the contracts' sub-accounts)."""

    def get_entry(self, ctx: TenantContext, entry_id: str) -> JournalEntry | None: ...

    def reversal_of(self, ctx: TenantContext, entry_id: str) -> str | None:
        """The id of the entry that reversed ``entry_id``, if any."""

    def get_hold(self, ctx: TenantContext, hold_id: str) -> Hold | None: ...

    def get_proposal(self, ctx: TenantContext, proposal_id: str) -> JournalProposal | None: ...

    def create_proposal(self, ctx: TenantContext, proposal: JournalProposal) -> JournalProposal:
        """Store a new pending proposal, or raise ProposalExists."""

    def list_proposals(self, ctx: TenantContext, *, status: ProposalStatus, cursor: str | None = None,
                       limit: int = 50) -> tuple[list[JournalProposal], str | None]:
        """The tenant's proposals in ``status``, newest first, one page and the next page's cursor.
        A decision moves a proposal from the pending list to its new status's list."""

    def commit(self, ctx: TenantContext, commit: Commit) -> Receipt:
        """Apply ``commit`` atomically or raise StaleWrite / EntryExists / AlreadyReversed / HoldExists."""

    def statement(self, ctx: TenantContext, account_id: str, *, from_on: date | None, to_on: date | None,
                  cursor: str | None, limit: int) -> tuple[list[StatementLine], str | None]: ...

    def balances_as_of(self, ctx: TenantContext, accounts: Sequence[Account], as_of: date) -> dict[str, Decimal]:
        """Each account's posted balance at the end of ``as_of``."""

    def events_for_entry(self, ctx: TenantContext, entry_id: str) -> list[dict]:
        """The customer-account events an entry wrote to the outbox (their payloads)."""

    def gl_movements(self, ctx: TenantContext, account_id: str, *, from_on: date | None,
                     to_on: date | None) -> list[GlMovement]:
        """A GL account's deferred movements booked in ``[from_on, to_on]`` (open ends when None),
        from every shard, in booked-day order."""
