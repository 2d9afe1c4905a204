"""The ledger in DynamoDB: PynamoDB records, their mapping to the domain, and one transaction per commit.

Item layout (every key tenant-prefixed, built from the ``TenantContext`` only):

==========================  ================================  ===========================================
item                        PK / SK                           index keys
==========================  ================================  ===========================================
account (balances)          ``LEDGER_ACCOUNT#<id>`` / ROOT    — (no index, so an update costs no index
                                                              write; a shared GL account is updated by
                                                              manual postings and the daily roll-up only)
account listing             ``LEDGER_ACCOUNT#<id>`` / LISTING GSI1 ``LEDGER_ACCOUNTS`` / ``G#<code>#<id>``
                                                              or ``C#<contract>#<id>`` (written once)
statement row               ``LEDGER_ACCOUNT#<id>`` /         —
                            ``LINE#<booked_on>#<seq>``
journal entry               ``LEDGER_ENTRY#<id>`` / ROOT      GSI1 ``LEDGER_JOURNAL`` / ``<booked_on>#<id>``;
                                                              GSI2 ``LEDGER_CONTRACT#<contract>`` / same
reversal marker             ``LEDGER_ENTRY#<id>`` / REVERSED  —
hold                        ``LEDGER_HOLD#<id>`` / ROOT       —
journal proposal            ``LEDGER_PROPOSAL#<id>`` / ROOT   GSI1 ``LEDGER_PROPOSALS#<status>`` /
                                                              ``<created_at>#<id>`` (the checkers' queue:
                                                              a decision moves it to its new status's list
                                                              in the same write)
outbox event                ``LEDGER_EVENT#<entry>`` /        — (consumers read the table's stream,
                            ``<contract>``                    filtered on ``entity = ledger_event``)
GL movement (deferred leg)  ``LEDGER_GLMOVE#<account>#<shard>``  — (immutable; TTL ``expires_at``,
                            / ``<booked_on>#<entry>``         ``GL_MOVEMENT_RETENTION``)
==========================  ================================  ===========================================

A contract posting's lines on shared GL accounts (no floor) are GL movement rows, spread over
``domain.GL_SHARDS`` partitions by the entry id, instead of updates of the account item: postings for
different contracts touch no common item. ``roll_up`` (service) folds a day's rows into the account
item in one transaction per account and day (a roll-up statement row ``LINE#<day>#<seq>``, later
days' rows restated, ``rolled_through`` moved on); reads add the rows not folded yet.

Statement rows sort by booked date then per-account sequence; since an account's rows are booked in
date order (a domain rule), the row with the greatest key ``<= LINE#<date>#~`` holds the balance at
the end of that date — one single-item query, however old the date.

A commit is one ``TransactWriteItems``: the entry (conditional on its id being new — the id derives
from the idempotency key), every directly updated account's balance update (conditional on the
version it was read at and, for accounts that may not go negative, on the balance floor), the
statement rows, the GL movement rows (unconditional: the entry's condition already makes the posting
happen once), the outbox events, and the reversal marker or hold transition. It carries a ``ClientRequestToken`` and asks for
``ReturnConsumedCapacity``.
"""
from __future__ import annotations

from chalicelib.shared import clock

import hashlib
import json
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, Iterator, Sequence

from pynamodb.attributes import BooleanAttribute, NumberAttribute, UnicodeAttribute
from pynamodb.exceptions import PutError, TransactWriteError
from pynamodb.models import Model

from chalicelib.ledger.domain import (
    Account,
    AccountType,
    EntryDraft,
    EntryKind,
    GlMovement,
    GL_SHARDS,
    Hold,
    HoldStatus,
    JournalEntry,
    JournalLine,
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
from chalicelib.platform import keys
from chalicelib.platform.dynamo import (
    DecimalAttribute,
    TenantModel,
    bound,
    conditional_failed,
    decode_cursor,
    encode_cursor,
    table_name_for,
)
from chalicelib.platform.settings import get_settings
from chalicelib.shared.money import quantize
from chalicelib.shared.tenant import TenantContext

ROOT = "ROOT"
LISTING = "LISTING"
REVERSED = "REVERSED"
LINE_PREFIX = "LINE#"
EVENT_RETENTION = timedelta(days=30)  # outbox items expire (TTL) once consumers have long had them
# GL movement rows expire (TTL) long after the roll-up folded them (it runs daily; a skipped close is
# caught up within days). A tenant whose close stalls longer than this would lose unrolled movements.
GL_MOVEMENT_RETENTION = timedelta(days=400)
MAX_PAGE = 200

# Cancellation reasons that mean "someone else got there first: re-read and try again".
_RETRYABLE_REASONS = {"ConditionalCheckFailed", "TransactionConflict", "ThrottlingError",
                      "ProvisionedThroughputExceeded", "RequestLimitExceeded"}


# --- records ---------------------------------------------------------------------------------------


class LedgerAccountRecord(TenantModel):
    account_id = UnicodeAttribute()
    code = UnicodeAttribute()
    account_type = UnicodeAttribute()
    contra = BooleanAttribute(default=False)
    non_negative = BooleanAttribute(default=False)
    currency = UnicodeAttribute()
    name_zh = UnicodeAttribute()
    name_en = UnicodeAttribute()
    contract_id = UnicodeAttribute(null=True)
    role = UnicodeAttribute(null=True)
    balance = DecimalAttribute()
    debits = DecimalAttribute()
    credits = DecimalAttribute()
    pending_debits = DecimalAttribute()
    pending_credits = DecimalAttribute()
    line_count = NumberAttribute(default=0)  # an integer count, not money
    last_booked_on = UnicodeAttribute(null=True)
    rolled_through = UnicodeAttribute(null=True)  # the last day whose GL movements were folded in
    rolled_debits = DecimalAttribute(null=True)  # what was folded for that day
    rolled_credits = DecimalAttribute(null=True)


class LedgerAccountListingRecord(TenantModel):
    account_id = UnicodeAttribute()
    code = UnicodeAttribute()
    contract_id = UnicodeAttribute(null=True)


class StatementLineRecord(TenantModel):
    account_id = UnicodeAttribute()
    currency = UnicodeAttribute()
    seq = NumberAttribute()
    booked_on = UnicodeAttribute()
    entry_id = UnicodeAttribute()
    kind = UnicodeAttribute()
    debit = DecimalAttribute()
    credit = DecimalAttribute()
    balance_after = DecimalAttribute()
    memo = UnicodeAttribute(default="")
    contract_id = UnicodeAttribute(null=True)
    movements = NumberAttribute(null=True)  # a roll-up row: the GL movements it folded (a count)


class GlMovementRecord(TenantModel):
    account_id = UnicodeAttribute()
    booked_on = UnicodeAttribute()
    entry_id = UnicodeAttribute()
    kind = UnicodeAttribute()
    debit = DecimalAttribute()
    credit = DecimalAttribute()
    currency = UnicodeAttribute()
    contract_id = UnicodeAttribute(null=True)
    expires_at = NumberAttribute()  # epoch seconds: the table's TTL attribute


class JournalEntryRecord(TenantModel):
    entry_id = UnicodeAttribute()
    kind = UnicodeAttribute()
    booked_on = UnicodeAttribute()
    lines = UnicodeAttribute()  # JSON: amounts as decimal strings, exact
    idempotency_key = UnicodeAttribute()
    fingerprint = UnicodeAttribute()
    memo = UnicodeAttribute(default="")
    contract_id = UnicodeAttribute(null=True)
    reverses = UnicodeAttribute(null=True)
    hold_id = UnicodeAttribute(null=True)
    created_by = UnicodeAttribute(default="")
    metadata = UnicodeAttribute(default="{}")


class ReversalMarkerRecord(TenantModel):
    reversal_entry_id = UnicodeAttribute()


class HoldRecord(TenantModel):
    hold_id = UnicodeAttribute()
    debit_account = UnicodeAttribute()
    credit_account = UnicodeAttribute()
    amount = DecimalAttribute()
    currency = UnicodeAttribute()
    status = UnicodeAttribute()
    idempotency_key = UnicodeAttribute()
    fingerprint = UnicodeAttribute()
    memo = UnicodeAttribute(default="")
    contract_id = UnicodeAttribute(null=True)
    posted_amount = DecimalAttribute()
    posted_entry_id = UnicodeAttribute(null=True)
    created_by = UnicodeAttribute(default="")


class JournalProposalRecord(TenantModel):
    proposal_id = UnicodeAttribute()
    status = UnicodeAttribute()
    maker_id = UnicodeAttribute()
    idempotency_key = UnicodeAttribute()
    booked_on = UnicodeAttribute()
    memo = UnicodeAttribute(default="")
    lines = UnicodeAttribute()  # JSON, amounts as decimal strings
    decided_by = UnicodeAttribute(null=True)
    entry_id = UnicodeAttribute(null=True)
    reason = UnicodeAttribute(default="")
    kind = UnicodeAttribute(null=True)  # manual (absent on older records) or reversal
    reverses = UnicodeAttribute(null=True)  # a reversal proposal's manual entry


class LedgerEventRecord(TenantModel):
    event_id = UnicodeAttribute()
    event_type = UnicodeAttribute()
    contract_id = UnicodeAttribute()
    entry_id = UnicodeAttribute()
    payload = UnicodeAttribute()  # JSON
    expires_at = NumberAttribute()  # epoch seconds: the table's TTL attribute


# --- keys ------------------------------------------------------------------------------------------


def account_pk(ctx: TenantContext, account_id: str) -> str:
    return keys.partition(ctx.tenant_id, "LEDGER_ACCOUNT", account_id)


def entry_pk(ctx: TenantContext, entry_id: str) -> str:
    return keys.partition(ctx.tenant_id, "LEDGER_ENTRY", entry_id)


def hold_pk(ctx: TenantContext, hold_id: str) -> str:
    return keys.partition(ctx.tenant_id, "LEDGER_HOLD", hold_id)


def proposal_pk(ctx: TenantContext, proposal_id: str) -> str:
    return keys.partition(ctx.tenant_id, "LEDGER_PROPOSAL", proposal_id)


def proposals_list_pk(ctx: TenantContext, status: ProposalStatus) -> str:
    """The GSI1 partition listing a tenant's proposals in one status, newest last."""
    return keys.partition(ctx.tenant_id, "LEDGER_PROPOSALS", status.value)


def event_pk(ctx: TenantContext, entry_id: str) -> str:
    return keys.partition(ctx.tenant_id, "LEDGER_EVENT", entry_id)


def gl_movement_pk(ctx: TenantContext, account_id: str, shard: int) -> str:
    return keys.partition(ctx.tenant_id, "LEDGER_GLMOVE", account_id, str(shard))


def gl_movement_sk(booked_on: date, entry_id: str) -> str:
    return f"{booked_on.isoformat()}#{entry_id}"


def line_sk(booked_on: date, seq: int) -> str:
    return f"{LINE_PREFIX}{booked_on.isoformat()}#{seq:010d}"


def listing_sk(account: Account) -> str:
    if account.contract_id:
        return f"C#{account.contract_id}#{account.id}"
    return f"G#{account.code}#{account.id}"


# --- mapping ---------------------------------------------------------------------------------------


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _money(value: Decimal, currency: str) -> Decimal:
    # DynamoDB normalises numbers ("100.50" reads back as "100.5"); money reads back at its scale.
    return quantize(value, currency)


def to_account(r: LedgerAccountRecord) -> Account:
    c = r.currency
    return Account(
        id=r.account_id, code=r.code, type=AccountType(r.account_type), currency=c, name_zh=r.name_zh,
        name_en=r.name_en, contra=bool(r.contra), non_negative=bool(r.non_negative), contract_id=r.contract_id,
        role=r.role, balance=_money(r.balance, c), debits=_money(r.debits, c), credits=_money(r.credits, c),
        pending_debits=_money(r.pending_debits, c), pending_credits=_money(r.pending_credits, c),
        line_count=int(r.line_count or 0), last_booked_on=_date(r.last_booked_on), version=r.version,
        rolled_through=_date(r.rolled_through), rolled_debits=_money(r.rolled_debits or Decimal(0), c),
        rolled_credits=_money(r.rolled_credits or Decimal(0), c),
    )


def to_entry(r: JournalEntryRecord) -> JournalEntry:
    return JournalEntry(
        id=r.entry_id, kind=EntryKind(r.kind), booked_on=date.fromisoformat(r.booked_on),
        lines=tuple(JournalLine.from_json(x) for x in json.loads(r.lines)), idempotency_key=r.idempotency_key,
        fingerprint=r.fingerprint, created_at=r.created_at, memo=r.memo or "", contract_id=r.contract_id,
        reverses=r.reverses, hold_id=r.hold_id, created_by=r.created_by or "", metadata=json.loads(r.metadata or "{}"),
    )


def to_statement_line(r: StatementLineRecord) -> StatementLine:
    c = r.currency
    return StatementLine(account_id=r.account_id, seq=int(r.seq), booked_on=date.fromisoformat(r.booked_on),
                         entry_id=r.entry_id, kind=EntryKind(r.kind), debit=_money(r.debit, c),
                         credit=_money(r.credit, c), balance_after=_money(r.balance_after, c), memo=r.memo or "",
                         contract_id=r.contract_id, created_at=r.created_at,
                         movements=None if r.movements is None else int(r.movements))


def to_gl_movement(r: GlMovementRecord) -> GlMovement:
    c = r.currency
    return GlMovement(account_id=r.account_id, booked_on=date.fromisoformat(r.booked_on), entry_id=r.entry_id,
                      kind=EntryKind(r.kind), debit=_money(r.debit, c), credit=_money(r.credit, c), currency=c,
                      contract_id=r.contract_id, created_at=r.created_at)


def to_hold(r: HoldRecord) -> Hold:
    c = r.currency
    return Hold(id=r.hold_id, debit_account=r.debit_account, credit_account=r.credit_account,
                amount=_money(r.amount, c), currency=c, status=HoldStatus(r.status), idempotency_key=r.idempotency_key,
                fingerprint=r.fingerprint, memo=r.memo or "", contract_id=r.contract_id,
                posted_amount=_money(r.posted_amount, c),
                posted_entry_id=r.posted_entry_id, created_by=r.created_by or "", created_at=r.created_at,
                version=r.version)


def to_proposal(r: JournalProposalRecord) -> JournalProposal:
    lines = tuple(JournalLine.from_json(x) for x in json.loads(r.lines))
    draft = EntryDraft(kind=EntryKind(r.kind or EntryKind.MANUAL.value), booked_on=date.fromisoformat(r.booked_on),
                       lines=lines, idempotency_key=f"proposal:{r.proposal_id}", memo=r.memo or "",
                       reverses=r.reverses, created_by=r.maker_id)
    return JournalProposal(id=r.proposal_id, draft=draft, maker_id=r.maker_id, status=ProposalStatus(r.status),
                           idempotency_key=r.idempotency_key, created_at=r.created_at, decided_by=r.decided_by,
                           entry_id=r.entry_id, reason=r.reason or "", version=r.version)


# --- binding to a table (and, for DynamoDB Local, an endpoint) -------------------------------------

_binding_lock = threading.Lock()
_host_bound: dict[tuple[type, str, str, str], type] = {}


def _bind(record: type[Model], table_name: str, host: str | None) -> type[Model]:
    """``record`` pointed at ``table_name``; at ``host`` when given (else wherever the SDK points)."""
    if host is None:
        return bound(record, table_name=table_name)
    region = get_settings().region
    key = (record, table_name, region, host)
    cls = _host_bound.get(key)
    if cls is None:
        with _binding_lock:
            cls = _host_bound.get(key)
            if cls is None:
                meta = type("Meta", (), {"table_name": table_name, "region": region, "host": host})
                cls = type(record.__name__, (record,), {"Meta": meta, "__module__": record.__module__})
                _host_bound[key] = cls
    return cls


class _Tables:
    """The record classes of one tenant's table, resolved once per call."""

    def __init__(self, table_name: str, host: str | None):
        self.account = _bind(LedgerAccountRecord, table_name, host)
        self.listing = _bind(LedgerAccountListingRecord, table_name, host)
        self.line = _bind(StatementLineRecord, table_name, host)
        self.entry = _bind(JournalEntryRecord, table_name, host)
        self.marker = _bind(ReversalMarkerRecord, table_name, host)
        self.hold = _bind(HoldRecord, table_name, host)
        self.event = _bind(LedgerEventRecord, table_name, host)
        self.proposal = _bind(JournalProposalRecord, table_name, host)
        self.gl_movement = _bind(GlMovementRecord, table_name, host)
        # Every record class has the same key schema (TenantModel's), so they can share one
        # connection: one botocore client and pool per table instead of seven (cold starts).
        shared = self.account._get_connection()
        for cls in (self.listing, self.line, self.entry, self.marker, self.hold, self.event, self.proposal,
                    self.gl_movement):
            if cls._connection is None:
                cls._connection = shared


# --- the repository --------------------------------------------------------------------------------


class LedgerStore:
    """The ledger's repository over DynamoDB (see the module docstring for the item layout).

    ``host`` points it at a specific DynamoDB endpoint (DynamoDB Local in tests) and ``table_name``
    at a specific table; by default the tenant's table (pool or silo) wherever the SDK points.
    """

    def __init__(self, *, host: str | None = None, table_name: str | None = None):
        self.host = host
        self.table_name = table_name

    def _t(self, ctx: TenantContext) -> _Tables:
        return _Tables(self.table_name or table_name_for(ctx.isolation, ctx.tenant_id), self.host)

    # accounts ----------------------------------------------------------------------------------

    def get_accounts(self, ctx: TenantContext, account_ids: Sequence[str]) -> dict[str, Account]:
        t = self._t(ctx)
        wanted = list(dict.fromkeys(account_ids))
        if not wanted:
            return {}
        if len(wanted) == 1:
            try:
                r = t.account.get(account_pk(ctx, wanted[0]), ROOT, consistent_read=True)
            except t.account.DoesNotExist:
                return {}
            return {r.account_id: to_account(r)}
        found = t.account.batch_get([(account_pk(ctx, a), ROOT) for a in wanted], consistent_read=True)
        return {r.account_id: to_account(r) for r in found}

    def open_accounts(self, ctx: TenantContext, accounts: Sequence[Account]) -> dict[str, Account]:
        t = self._t(ctx)
        existing = self.get_accounts(ctx, [a.id for a in accounts])
        missing = [a for a in accounts if a.id not in existing]
        if not missing:
            return existing
        now = clock.now()
        records: list[Model] = []
        for account in missing:
            records.append(t.listing(
                PK=account_pk(ctx, account.id), SK=LISTING, entity="ledger_account_listing",
                GSI1PK=keys.partition(ctx.tenant_id, "LEDGER_ACCOUNTS"), GSI1SK=listing_sk(account),
                account_id=account.id, code=account.code, contract_id=account.contract_id,
                created_at=now, updated_at=now,
            ))
            records.append(t.account(
                PK=account_pk(ctx, account.id), SK=ROOT, entity="ledger_account", account_id=account.id,
                code=account.code, account_type=account.type.value, contra=account.contra,
                non_negative=account.non_negative, currency=account.currency, name_zh=account.name_zh,
                name_en=account.name_en, contract_id=account.contract_id, role=account.role,
                balance=account.balance, debits=account.debits, credits=account.credits,
                pending_debits=account.pending_debits, pending_credits=account.pending_credits,
                line_count=0, last_booked_on=None, created_at=now, updated_at=now,
            ))
        connection = t.account._get_connection().connection
        for chunk in range(0, len(records), 100):
            batch = records[chunk:chunk + 100]
            try:
                # Each put is conditional on the key being new (a new record's save is conditional
                # on its version), so two concurrent opens never overwrite a moved balance.
                connection.transact_write_items(condition_check_items=[], delete_items=[], update_items=[],
                                                put_items=[r.get_save_kwargs_from_instance() for r in batch])
            except TransactWriteError as exc:
                if exc.cause_response_code != "TransactionCanceledException":
                    raise
                for record in batch:  # someone opened some of them meanwhile: create the rest one by one
                    _put_once(record)
        return self.get_accounts(ctx, [a.id for a in accounts])

    def list_accounts(self, ctx: TenantContext, *, contract_id: str | None = None, gl_only: bool = False,
                      cursor: str | None = None, limit: int = 50) -> tuple[list[Account], str | None]:
        t = self._t(ctx)
        prefix = f"C#{contract_id}#" if contract_id else ("G#" if gl_only else None)
        condition = t.listing.GSI1SK.startswith(prefix) if prefix else None
        pk = keys.partition(ctx.tenant_id, "LEDGER_ACCOUNTS")
        # The sort-key prefix narrows the one partition, so the cursor is bound to the prefix too.
        list_key = f"{pk}|{prefix or ''}"
        result = t.listing.gsi1.query(  # type: ignore[attr-defined]
            pk, condition, limit=max(1, min(limit, MAX_PAGE)),
            last_evaluated_key=decode_cursor(cursor, ctx, list_key=list_key),
        )
        listed = [r.account_id for r in result]
        accounts = self.get_accounts(ctx, listed)
        return [accounts[a] for a in listed if a in accounts], encode_cursor(result.last_evaluated_key,
                                                                             list_key=list_key)

    def all_accounts(self, ctx: TenantContext, *, gl_only: bool = False) -> Iterator[Account]:
        cursor = None
        while True:
            page, cursor = self.list_accounts(ctx, cursor=cursor, limit=100, gl_only=gl_only)
            yield from page
            if not cursor:
                return

    # entries and holds --------------------------------------------------------------------------

    def get_entry(self, ctx: TenantContext, entry_id: str) -> JournalEntry | None:
        t = self._t(ctx)
        try:
            return to_entry(t.entry.get(entry_pk(ctx, entry_id), ROOT, consistent_read=True))
        except t.entry.DoesNotExist:
            return None

    def reversal_of(self, ctx: TenantContext, entry_id: str) -> str | None:
        t = self._t(ctx)
        try:
            return t.marker.get(entry_pk(ctx, entry_id), REVERSED, consistent_read=True).reversal_entry_id
        except t.marker.DoesNotExist:
            return None

    def get_hold(self, ctx: TenantContext, hold_id: str) -> Hold | None:
        t = self._t(ctx)
        try:
            return to_hold(t.hold.get(hold_pk(ctx, hold_id), ROOT, consistent_read=True))
        except t.hold.DoesNotExist:
            return None

    def get_proposal(self, ctx: TenantContext, proposal_id: str) -> JournalProposal | None:
        t = self._t(ctx)
        try:
            return to_proposal(t.proposal.get(proposal_pk(ctx, proposal_id), ROOT, consistent_read=True))
        except t.proposal.DoesNotExist:
            return None

    def create_proposal(self, ctx: TenantContext, proposal: JournalProposal) -> JournalProposal:
        t = self._t(ctx)
        now = clock.now()
        d = proposal.draft
        record = t.proposal(
            PK=proposal_pk(ctx, proposal.id), SK=ROOT, entity="ledger_proposal", proposal_id=proposal.id,
            status=proposal.status.value, maker_id=proposal.maker_id, idempotency_key=proposal.idempotency_key,
            booked_on=d.booked_on.isoformat(), memo=d.memo, lines=json.dumps([ln.to_json() for ln in d.lines]),
            kind=d.kind.value, reverses=d.reverses,
            GSI1PK=proposals_list_pk(ctx, proposal.status), GSI1SK=f"{now.isoformat()}#{proposal.id}",
            created_at=now, updated_at=now,
        )
        try:
            record.save(condition=t.proposal.PK.does_not_exist())
        except PutError as exc:
            if conditional_failed(exc):
                raise ProposalExists() from exc
            raise
        return to_proposal(record)

    def list_proposals(self, ctx: TenantContext, *, status: ProposalStatus, cursor: str | None = None,
                       limit: int = 50) -> tuple[list[JournalProposal], str | None]:
        t = self._t(ctx)
        pk = proposals_list_pk(ctx, status)
        start = decode_cursor(cursor, ctx, list_key=pk)
        result = t.proposal.gsi1.query(  # type: ignore[attr-defined]
            pk, limit=max(1, min(limit, MAX_PAGE)), last_evaluated_key=start, scan_index_forward=False,
        )
        items = [to_proposal(r) for r in result]
        return items, encode_cursor(result.last_evaluated_key, list_key=pk)

    def events_for_entry(self, ctx: TenantContext, entry_id: str) -> list[dict]:
        t = self._t(ctx)
        return [json.loads(r.payload) for r in t.event.query(event_pk(ctx, entry_id), consistent_read=True)]

    # statements and balances --------------------------------------------------------------------

    def statement(self, ctx: TenantContext, account_id: str, *, from_on: date | None, to_on: date | None,
                  cursor: str | None, limit: int) -> tuple[list[StatementLine], str | None]:
        t = self._t(ctx)
        low = f"{LINE_PREFIX}{from_on.isoformat()}" if from_on else LINE_PREFIX
        high = f"{LINE_PREFIX}{to_on.isoformat()}#~" if to_on else f"{LINE_PREFIX}~"
        pk = account_pk(ctx, account_id)
        start = decode_cursor(cursor, ctx, list_key=pk)
        result = t.line.query(pk, t.line.SK.between(low, high), consistent_read=True,
                              limit=max(1, min(limit, MAX_PAGE)), last_evaluated_key=start)
        rows = [to_statement_line(r) for r in result]
        return rows, encode_cursor(result.last_evaluated_key, list_key=pk)

    def balances_as_of(self, ctx: TenantContext, accounts: Sequence[Account], as_of: date) -> dict[str, Decimal]:
        t = self._t(ctx)
        out: dict[str, Decimal] = {}
        for account in accounts:
            if account.last_booked_on is None:
                out[account.id] = Decimal(0)
            elif account.last_booked_on <= as_of:
                out[account.id] = account.balance  # nothing booked after the date
            else:
                last = list(t.line.query(
                    account_pk(ctx, account.id), t.line.SK.between(LINE_PREFIX, f"{LINE_PREFIX}{as_of.isoformat()}#~"),
                    scan_index_forward=False, limit=1, consistent_read=True,
                ))
                out[account.id] = last[0].balance_after if last else Decimal(0)
        return out

    def gl_movements(self, ctx: TenantContext, account_id: str, *, from_on: date | None,
                     to_on: date | None) -> list[GlMovement]:
        t = self._t(ctx)
        low = from_on.isoformat() if from_on else "0"
        high = f"{to_on.isoformat()}#~" if to_on else "~"

        def shard_rows(shard: int) -> list[GlMovement]:
            return [to_gl_movement(r) for r in t.gl_movement.query(
                gl_movement_pk(ctx, account_id, shard), t.gl_movement.SK.between(low, high), consistent_read=True)]

        # One small query per shard, side by side: a read costs one round trip, not sixteen.
        out = [g for rows in _shard_pool().map(shard_rows, range(GL_SHARDS)) for g in rows]
        out.sort(key=lambda g: (g.booked_on, g.entry_id))
        return out

    # the commit ---------------------------------------------------------------------------------

    def commit(self, ctx: TenantContext, commit: Commit) -> Receipt:
        t = self._t(ctx)
        now = clock.now()
        puts: list[tuple[str, dict[str, Any]]] = []
        updates: list[tuple[str, dict[str, Any]]] = []

        entry = commit.entry
        if entry is not None:
            listed_as = f"{entry.booked_on.isoformat()}#{entry.id}"
            by_contract = (keys.partition(ctx.tenant_id, "LEDGER_CONTRACT", entry.contract_id)
                           if entry.contract_id else None)
            record = t.entry(
                PK=entry_pk(ctx, entry.id), SK=ROOT, entity="ledger_entry", entry_id=entry.id, kind=entry.kind.value,
                booked_on=entry.booked_on.isoformat(), lines=json.dumps([ln.to_json() for ln in entry.lines]),
                idempotency_key=entry.idempotency_key, fingerprint=entry.fingerprint, memo=entry.memo,
                contract_id=entry.contract_id, reverses=entry.reverses, hold_id=entry.hold_id,
                created_by=entry.created_by, metadata=json.dumps(dict(entry.metadata), sort_keys=True),
                GSI1PK=keys.partition(ctx.tenant_id, "LEDGER_JOURNAL"), GSI1SK=listed_as,
                GSI2PK=by_contract, GSI2SK=listed_as if by_contract else None,
                created_at=entry.created_at, updated_at=entry.created_at,
            )
            puts.append(("entry", record.get_save_kwargs_from_instance(condition=t.entry.PK.does_not_exist())))
        if commit.reverses is not None:
            if entry is None:
                raise ValueError("a reversal marker needs the reversing entry")
            marker = t.marker(PK=entry_pk(ctx, commit.reverses), SK=REVERSED, entity="ledger_reversal",
                              reversal_entry_id=entry.id, created_at=now, updated_at=now)
            puts.append(("marker", marker.get_save_kwargs_from_instance(condition=t.marker.PK.does_not_exist())))
        if commit.new_hold is not None:
            h = commit.new_hold
            record = t.hold(
                PK=hold_pk(ctx, h.id), SK=ROOT, entity="ledger_hold", hold_id=h.id, debit_account=h.debit_account,
                credit_account=h.credit_account, amount=h.amount, currency=h.currency, status=h.status.value,
                idempotency_key=h.idempotency_key, fingerprint=h.fingerprint, memo=h.memo, contract_id=h.contract_id,
                posted_amount=h.posted_amount, posted_entry_id=h.posted_entry_id, created_by=h.created_by,
                created_at=now, updated_at=now,
            )
            puts.append(("new_hold", record.get_save_kwargs_from_instance(condition=t.hold.PK.does_not_exist())))
        for m in commit.movements:
            if m.row is None:
                continue
            r = m.row
            record = t.line(
                PK=account_pk(ctx, r.account_id), SK=line_sk(r.booked_on, r.seq), entity="ledger_line",
                account_id=r.account_id, currency=m.after.currency, seq=r.seq, booked_on=r.booked_on.isoformat(),
                entry_id=r.entry_id,
                kind=r.kind.value, debit=r.debit, credit=r.credit, balance_after=r.balance_after, memo=r.memo,
                contract_id=r.contract_id, movements=r.movements, created_at=now, updated_at=now,
            )
            puts.append((f"line:{r.account_id}", record.get_save_kwargs_from_instance()))
        moves_expire_at = int((now + GL_MOVEMENT_RETENTION).timestamp())
        for g in commit.gl_movements:
            record = t.gl_movement(
                PK=gl_movement_pk(ctx, g.account_id, g.shard), SK=gl_movement_sk(g.booked_on, g.entry_id),
                entity="ledger_gl_movement", account_id=g.account_id, booked_on=g.booked_on.isoformat(),
                entry_id=g.entry_id, kind=g.kind.value, debit=g.debit, credit=g.credit, currency=g.currency,
                contract_id=g.contract_id, expires_at=moves_expire_at, created_at=now, updated_at=now,
            )
            op = record.get_save_kwargs_from_instance()
            # Unconditional: the key is the entry's own, and the entry's conditional put already makes
            # the posting happen once (no read of anything shared).
            op.pop("ConditionExpression", None)
            op.pop("ExpressionAttributeNames", None)
            op.pop("ExpressionAttributeValues", None)
            puts.append((f"glmove:{g.account_id}", op))
        expires_at = int((now + EVENT_RETENTION).timestamp())
        for ev in commit.events:
            record = t.event(
                PK=event_pk(ctx, ev.entry_id), SK=ev.contract_id, entity="ledger_event", event_id=ev.event_id,
                event_type="ledger.customer_account.moved", contract_id=ev.contract_id, entry_id=ev.entry_id,
                payload=json.dumps(ev.payload(), sort_keys=True), expires_at=expires_at,
                created_at=now, updated_at=now,
            )
            puts.append((f"event:{ev.contract_id}", record.get_save_kwargs_from_instance()))

        if commit.hold_transition is not None:
            before, after = commit.hold_transition
            record = t.hold(PK=hold_pk(ctx, before.id), SK=ROOT, version=before.version)
            actions = [t.hold.status.set(after.status.value), t.hold.posted_amount.set(after.posted_amount),
                       t.hold.updated_at.set(now)]
            if after.posted_entry_id:
                actions.append(t.hold.posted_entry_id.set(after.posted_entry_id))
            condition = t.hold.status == before.status.value
            updates.append(("hold", record.get_update_kwargs_from_instance(actions=actions, condition=condition)))
        if commit.proposal_transition is not None:
            before, after = commit.proposal_transition
            record = t.proposal(PK=proposal_pk(ctx, before.id), SK=ROOT, version=before.version)
            P = t.proposal
            # The new status moves it to that status's list (GSI1) in this same write.
            actions = [P.status.set(after.status.value), P.decided_by.set(after.decided_by), P.reason.set(after.reason),
                       P.GSI1PK.set(proposals_list_pk(ctx, after.status)), P.updated_at.set(now)]
            if after.entry_id:
                actions.append(P.entry_id.set(after.entry_id))
            updates.append(("proposal", record.get_update_kwargs_from_instance(
                actions=actions, condition=P.status == before.status.value)))
        for m in commit.movements:
            updates.append((f"account:{m.before.id}", self._account_update(t, ctx, m, now)))
        for r in commit.restated:  # a roll-up's later rows (the account's version condition guards them)
            # Written out by hand: PynamoDB would make an update of a record read without its version
            # conditional on the item not existing.
            updates.append((f"restated:{r.account_id}", {
                "TableName": t.line.Meta.table_name,
                "Key": {"PK": {"S": account_pk(ctx, r.account_id)}, "SK": {"S": line_sk(r.booked_on, r.seq)}},
                "ConditionExpression": "attribute_exists (#pk)",
                "UpdateExpression": "SET #b = :b, #u = :u",
                "ExpressionAttributeNames": {"#pk": "PK", "#b": "balance_after", "#u": "updated_at"},
                "ExpressionAttributeValues": {
                    ":b": {"N": t.line.balance_after.serialize(r.balance_after)},
                    ":u": {"S": t.line.updated_at.serialize(now)}},
            }))

        items = len(puts) + len(updates)
        token = _request_token(puts, updates)
        connection = t.account._get_connection().connection
        try:
            response = connection.transact_write_items(
                condition_check_items=[], delete_items=[], put_items=[op for _, op in puts],
                update_items=[op for _, op in updates], client_request_token=token, return_consumed_capacity="TOTAL",
            )
        except TransactWriteError as exc:
            raise _classify(exc, [label for label, _ in puts] + [label for label, _ in updates]) from exc
        consumed = response.get("ConsumedCapacity") if isinstance(response, dict) else None
        units = sum(float(c.get("CapacityUnits", 0)) for c in consumed) if consumed else None
        return Receipt(items=items, consumed_write_units=units)

    @staticmethod
    def _account_update(t: _Tables, ctx: TenantContext, m: Any, now: datetime) -> dict[str, Any]:
        before, after, change = m.before, m.after, m.change
        A = t.account
        record = A(PK=account_pk(ctx, before.id), SK=ROOT, version=before.version)
        actions = [A.updated_at.set(now)]
        # ADD, not SET: DynamoDB does the arithmetic on the stored value; the version condition
        # guarantees that value is the one the plan was computed from.
        if after.balance != before.balance:
            actions.append(A.balance.add(after.balance - before.balance))
        if change.posted_debit:
            actions.append(A.debits.add(change.posted_debit))
        if change.posted_credit:
            actions.append(A.credits.add(change.posted_credit))
        if change.pending_debit:
            actions.append(A.pending_debits.add(change.pending_debit))
        if change.pending_credit:
            actions.append(A.pending_credits.add(change.pending_credit))
        if m.row is not None:
            actions.append(A.line_count.set(after.line_count))
            actions.append(A.last_booked_on.set(after.last_booked_on.isoformat()))
        condition = A.PK.exists()
        if (after.rolled_through, after.rolled_debits, after.rolled_credits) != \
                (before.rolled_through, before.rolled_debits, before.rolled_credits):
            actions += [A.rolled_through.set(after.rolled_through.isoformat()),
                        A.rolled_debits.set(after.rolled_debits), A.rolled_credits.set(after.rolled_credits)]
        if after.rolled_through is not None and after.rolled_through != before.rolled_through:
            # A day is rolled forward once (the version condition guards it too).
            condition &= A.rolled_through.does_not_exist() | (A.rolled_through < after.rolled_through.isoformat())
        if m.balance_floor is not None:
            condition &= A.balance >= m.balance_floor  # the non-negative rule, enforced by DynamoDB itself
        return record.get_update_kwargs_from_instance(actions=actions, condition=condition)


_pool: ThreadPoolExecutor | None = None


def _shard_pool() -> ThreadPoolExecutor:
    """Threads for the per-shard queries, made on first use and kept (like the AWS clients)."""
    global _pool
    if _pool is None:
        with _binding_lock:
            if _pool is None:
                _pool = ThreadPoolExecutor(max_workers=GL_SHARDS, thread_name_prefix="ledger-glmove")
    return _pool


def _put_once(record: Model) -> None:
    """Create ``record`` unless its key exists (a new record's save is conditional on its version)."""
    try:
        record.save()
    except PutError as exc:
        if not conditional_failed(exc):
            raise


def _request_token(puts: list[tuple[str, dict]], updates: list[tuple[str, dict]]) -> str:
    """DynamoDB's idempotency token for this exact request: an SDK-level retry of a call whose
    response was lost re-sends the same token and is not applied twice; a new attempt (new expected
    versions, new timestamps) is a new request with a new token."""
    body = json.dumps([op for _, op in puts] + [op for _, op in updates], sort_keys=True, default=str)
    return hashlib.sha256(body.encode()).hexdigest()[:36]


def _classify(exc: TransactWriteError, labels: list[str]) -> Exception:
    if exc.cause_response_code != "TransactionCanceledException":
        return exc
    reasons = exc.cancellation_reasons or []
    codes = {labels[i]: r.code for i, r in enumerate(reasons) if r is not None and r.code not in (None, "None")}
    if codes.get("entry") == "ConditionalCheckFailed":
        return EntryExists()
    if codes.get("marker") == "ConditionalCheckFailed":
        return AlreadyReversed()
    if codes.get("new_hold") == "ConditionalCheckFailed":
        return HoldExists()
    if not codes or all(code in _RETRYABLE_REASONS for code in codes.values()):
        return StaleWrite(", ".join(f"{k}={v}" for k, v in codes.items()))
    return exc
