"""Ledger use cases: what servicing, payments and the API call to move money.

Every function takes the verified ``TenantContext`` and a ``store`` (a ``LedgerRepository``:
DynamoDB in production, ``memory.InMemoryLedger`` in fast tests). Money-moving calls are idempotent
under the caller's key; all of them follow the same loop:

1. read the accounts (consistently) and plan the change in the pure domain — balanced lines,
   non-negative accounts, booked-date order, transaction size;
2. commit everything in one transaction conditional on each account's version;
3. if another posting got there first (``StaleWrite``), re-read and re-plan, a bounded number of
   times with jittered back-off; if the same key already posted, return that entry.

Public API (stable for other contexts):

* ``open_chart_of_accounts(ctx, currency=, store=)``
* ``open_contract_accounts(ctx, contract_id, template=, currency=, store=)``
* ``post_entry(ctx, draft, store=)`` — any balanced ``EntryDraft``
* ``post_contract_event(ctx, event, template=, idempotency_key=, store=)`` — disbursement, repayment,
  accrual, fee, penalty, provision, write-off, recovery, refund, built from the template
* ``reverse_entry(ctx, entry_id, idempotency_key=, booked_on=, store=)``
* ``place_hold`` / ``post_hold`` / ``void_hold``
* ``propose_entry`` / ``propose_reversal`` / ``approve_proposal`` / ``reject_proposal`` — manual entries
  and their reversals under maker-checker (money moved by hand always needs a second person)
* ``roll_up(ctx, on, store=)`` — close of business: fold the contract postings' deferred GL
  movements booked up to ``on`` into the GL accounts (idempotent; catches up skipped days)
* ``get_account``, ``list_accounts``, ``get_entry``, ``statement``, ``trial_balance``,
  ``balance_as_of``, ``customer_events``

Contract postings (``post_contract_event``, and reversals of contract entries) never update a shared
GL account with no floor (bank, clearing, income, impairment, allowance): their lines on it are
immutable movement rows (``domain.GlMovement``), so postings for different contracts never race.
``get_account``, ``list_accounts``, ``balance_as_of`` and ``trial_balance`` add the movements not yet
rolled up, so they are exact at any time; a GL account's ``statement`` shows one roll-up row per day
(``gl_rollup``) once the day is rolled up, and its ``line_count`` counts rows, not movements.
"""
from __future__ import annotations

from chalicelib.shared import clock

from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Sequence

from chalicelib.ledger import domain
from chalicelib.ledger.domain import (
    Account,
    AccountingTemplate,
    ContractEvent,
    EntryDraft,
    Hold,
    HoldStatus,
    JournalEntry,
    JournalProposal,
    ProposalStatus,
    StatementLine,
    TrialBalance,
)
from chalicelib.ledger.ports import (
    AlreadyReversed,
    Commit,
    EntryExists,
    HoldExists,
    LedgerRepository,
    ProposalExists,
    Receipt,
    StaleWrite,
)
from chalicelib.shared.errors import Conflict, DomainError, NotFound, RuleViolation
from chalicelib.shared.tenant import TenantContext
from chalicelib.platform import observability
from chalicelib.shared import retry
from chalicelib.platform.observability import log


# A posting re-plans at most this many times when concurrent postings keep winning the race for
# the same accounts; then it gives up with 409 ``ledger.posting.contention`` (safe to retry).
DEFAULT_MAX_ATTEMPTS = 24
_BACKOFF_BASE_S = 0.004
_BACKOFF_CAP_S = 0.25


@dataclass(frozen=True)
class PostingResult:
    """A posted entry, and whether this call posted it or found it already posted under its key."""

    entry: JournalEntry
    replayed: bool
    attempts: int = 0
    receipt: Receipt | None = None


@dataclass(frozen=True)
class StatementPage:
    account: Account
    lines: list[StatementLine]
    next: str | None
    opening_balance: Decimal | None  # the balance before the page's first row
    closing_balance: Decimal | None  # the balance after its last


def _backoff(attempt: int) -> None:
    retry.backoff(attempt, base_s=_BACKOFF_BASE_S, cap_s=_BACKOFF_CAP_S)


def _contention(what: str, attempts: int) -> Conflict:
    return Conflict("ledger.posting.contention", f"{what} kept losing to concurrent postings; retry it",
                    {"attempts": attempts})


# --- accounts --------------------------------------------------------------------------------------


def open_chart_of_accounts(ctx: TenantContext, *, currency: str, store: LedgerRepository) -> list[Account]:
    """Open the tenant's standard chart of accounts (by its kind) in ``currency``. Idempotent."""
    chart = domain.standard_chart(ctx.kind)
    opened = store.open_accounts(ctx, [domain.gl_account(a, currency) for a in chart])
    return [opened[a.code] for a in chart if a.code in opened]


def open_contract_accounts(ctx: TenantContext, contract_id: str, *, template: AccountingTemplate, currency: str,
                           store: LedgerRepository) -> list[Account]:
    """Open a contract's sub-accounts (principal, interest, penalty, fee receivable, suspense, …,
    whatever the template books per contract). Idempotent: existing ones are returned as they are."""
    wanted = domain.contract_accounts_for(template, domain.chart_index(ctx.kind), contract_id, currency)
    opened = store.open_accounts(ctx, wanted)
    return [opened[a.id] for a in wanted]


def get_account(ctx: TenantContext, account_id: str, *, store: LedgerRepository) -> Account:
    """The account and its balances. A shared GL account's balance, debits and credits include the
    contract postings' movements not rolled up yet (exact now; ``line_count`` counts statement rows)."""
    if not domain.valid_id(account_id):
        raise domain.account_not_found(account_id)
    found = store.get_accounts(ctx, [account_id]).get(account_id)
    if found is None:
        raise domain.account_not_found(account_id)
    return _with_unrolled(ctx, store, found)


def list_accounts(ctx: TenantContext, *, store: LedgerRepository, contract_id: str | None = None,
                  gl_only: bool = False, cursor: str | None = None,
                  limit: int = 50) -> tuple[list[Account], str | None]:
    """GL accounts first (by code), then contract sub-accounts; one page and the next cursor. GL
    balances include the movements not rolled up yet, as ``get_account``'s do."""
    if contract_id is not None and not domain.valid_id(contract_id):
        return [], None
    page, nxt = store.list_accounts(ctx, contract_id=contract_id, gl_only=gl_only, cursor=cursor, limit=limit)
    return [_with_unrolled(ctx, store, a) for a in page], nxt


def _accounts_for(ctx: TenantContext, store: LedgerRepository, ids: Sequence[str], currencies: dict[str, str],
                  openable: Sequence[Account] = ()) -> dict[str, Account]:
    """The accounts ``ids`` name. Missing ones are opened on first use if they are standard chart
    accounts or among ``openable`` (a contract's sub-accounts); any other is 404."""
    accounts = store.get_accounts(ctx, ids)
    missing = [a for a in ids if a not in accounts]
    if missing:
        chart = domain.chart_index(ctx.kind) if ctx.kind.is_subsidiary else {}
        known = {a.id: a for a in openable}
        unknown = [a for a in missing if a not in chart and a not in known]
        if unknown:
            raise domain.account_not_found(unknown[0])
        to_open = [domain.gl_account(chart[a], currencies[a]) for a in missing if a not in known]
        if any(a in known for a in missing):
            to_open += list(openable)  # a contract's first event opens all its sub-accounts at once
        opened = store.open_accounts(ctx, to_open)
        accounts.update({a: opened[a] for a in missing})
    return accounts


# --- posting ---------------------------------------------------------------------------------------


def _replay(existing: JournalEntry, draft: EntryDraft) -> PostingResult:
    if existing.fingerprint != draft.fingerprint():
        raise domain.idempotency_mismatch(draft.idempotency_key)
    return PostingResult(existing, replayed=True)


def post_entry(ctx: TenantContext, draft: EntryDraft, *, store: LedgerRepository,
               max_attempts: int = DEFAULT_MAX_ATTEMPTS) -> PostingResult:
    """Post a balanced journal entry: its lines and every touched account's balance, in one transaction.

    Idempotent under ``draft.idempotency_key``: the same draft again returns the entry already posted
    (``replayed=True``); a different draft under the same key is 409 ``ledger.idempotency.mismatch``.
    Refuses (422) unbalanced or empty entries, amounts below the currency's minor unit, a currency
    other than the account's, a non-negative account going negative, a date before an account's
    last booked date and a posting too large for one DynamoDB transaction. Unknown accounts are 404.
    """
    if draft.reverses is not None or draft.hold_id is not None:
        raise ValueError("reversals and hold postings go through reverse_entry and post_hold")
    # No look-up of the key first: the commit itself refuses an entry id already taken, and
    # ``_post`` then answers with that entry (one read fewer on every first posting).
    return _post(ctx, store, draft.normalised(), max_attempts)


def post_contract_event(ctx: TenantContext, event: ContractEvent, *, template: AccountingTemplate,
                        idempotency_key: str, store: LedgerRepository, created_by: str = "",
                        max_attempts: int = DEFAULT_MAX_ATTEMPTS) -> PostingResult:
    """Post a contract's business event (disbursement, repayment allocation, accrual, fee, penalty,
    provision, write-off, recovery, refund) as the template books it, opening the contract's
    sub-accounts on first use. ``event.amounts`` splits the money by component, e.g. a repayment
    ``{principal: 800.00, interest: 190.00, penalty: 10.00}`` after servicing's waterfall."""
    draft = domain.build_contract_entry(template, event, idempotency_key=idempotency_key,
                                        created_by=created_by or ctx.user_id)
    sub_accounts = domain.contract_accounts_for(template, domain.chart_index(ctx.kind), event.contract_id,
                                                event.currency)
    return _post(ctx, store, draft, max_attempts, openable=sub_accounts, defer_gl=True)


def reverse_entry(ctx: TenantContext, entry_id: str, *, idempotency_key: str, booked_on: date,
                  store: LedgerRepository, memo: str = "", created_by: str = "",
                  max_attempts: int = DEFAULT_MAX_ATTEMPTS) -> PostingResult:
    """Post the entry that undoes ``entry_id`` (every line on the other side), booked on ``booked_on``.

    An entry is reversed at most once (409 ``ledger.entry.already_reversed``) and a reversal is not
    itself reversible (409 ``ledger.entry.is_reversal``). Retrying with the same key returns the
    reversal already posted.
    """
    original = store.get_entry(ctx, entry_id) if domain.valid_id(entry_id) else None
    if original is None:
        raise domain.entry_not_found(entry_id)
    draft = domain.reversal_of(original, idempotency_key=idempotency_key, booked_on=booked_on, memo=memo,
                               created_by=created_by or ctx.user_id).normalised()
    existing = store.get_entry(ctx, draft.entry_id)
    if existing is not None:
        return _replay(existing, draft)
    reversed_by = store.reversal_of(ctx, entry_id)
    if reversed_by is not None:
        raise _already_reversed(entry_id, reversed_by)
    # A contract entry's reversal defers its GL legs like the entry did.
    return _post(ctx, store, draft, max_attempts, defer_gl=draft.contract_id is not None)


def _already_reversed(entry_id: str, reversed_by: str | None) -> Conflict:
    return Conflict("ledger.entry.already_reversed", "the entry has already been reversed",
                    {"entry_id": entry_id, "reversed_by": reversed_by})


@dataclass(frozen=True)
class _Prepared:
    movements: list[domain.Movement]
    gl_movements: list[domain.GlMovement]
    hold_transition: tuple[Hold, Hold] | None = None
    proposal_transition: tuple[JournalProposal, JournalProposal] | None = None


def _prepare(ctx: TenantContext, store: LedgerRepository, draft: EntryDraft, openable: Sequence[Account],
             proposal_id: str | None = None, defer_gl: bool = False) -> _Prepared | PostingResult:
    """Read what the draft touches and plan it (or find it already posted through its hold or proposal)."""
    proposal_transition = None
    if proposal_id is not None:
        proposal = store.get_proposal(ctx, proposal_id)
        if proposal is None:
            raise _proposal_not_found(proposal_id)
        if proposal.status is ProposalStatus.APPROVED and proposal.entry_id == draft.entry_id:
            posted = store.get_entry(ctx, draft.entry_id)
            if posted is not None:
                return _replay(posted, draft)
        proposal_transition = (proposal, proposal.decided(ProposalStatus.APPROVED, ctx.user_id))
    ids = [ln.account_id for ln in draft.lines]
    accounts = _accounts_for(ctx, store, ids, {ln.account_id: ln.currency for ln in draft.lines}, openable)
    release: list[domain.AccountChange] = []
    hold_transition = None
    if draft.hold_id is not None:
        hold = store.get_hold(ctx, draft.hold_id)
        if hold is None:
            raise domain.hold_not_found(draft.hold_id)
        if hold.status is HoldStatus.POSTED and hold.posted_entry_id == draft.entry_id:
            posted = store.get_entry(ctx, draft.entry_id)
            if posted is not None:
                return _replay(posted, draft)
        after = replace(hold.moved_to(HoldStatus.POSTED), posted_amount=draft.lines[0].amount,
                        posted_entry_id=draft.entry_id)
        release = hold.pending_changes(-1)
        hold_transition = (hold, after)
    plan = domain.plan_posting(draft, accounts, release, defer_gl=defer_gl and draft.hold_id is None)
    extras = (1 if draft.reverses else 0) + (1 if hold_transition else 0) + (1 if proposal_transition else 0)
    domain.check_transaction_size(domain.transaction_items(plan.movements, gl_movements=len(plan.gl_movements),
                                                           extra_items=extras))
    return _Prepared(plan.movements, plan.gl_movements, hold_transition, proposal_transition)


@observability.traced
def _post(ctx: TenantContext, store: LedgerRepository, draft: EntryDraft, max_attempts: int,
          openable: Sequence[Account] = (), proposal_id: str | None = None, defer_gl: bool = False) -> PostingResult:
    # Nothing is booked in the tenant's future: a close, a repayment or a journal dated after the
    # business date would let one user brick every later day.
    clock.not_after_business_date(ctx, draft.booked_on, "ledger.entry.future_date", "an entry")
    for attempt in range(1, max_attempts + 1):
        try:
            prepared = _prepare(ctx, store, draft, openable, proposal_id, defer_gl)
        except DomainError:
            # A concurrent call with the same key may have posted it first, changing the balances
            # this plan was refused on: the caller gets that entry, not the refusal.
            existing = store.get_entry(ctx, draft.entry_id)
            if existing is not None:
                return _replay(existing, draft)
            raise
        if isinstance(prepared, PostingResult):
            return prepared
        movements = prepared.movements
        entry = JournalEntry(
            id=draft.entry_id, kind=draft.kind, booked_on=draft.booked_on, lines=draft.lines,
            idempotency_key=draft.idempotency_key, fingerprint=draft.fingerprint(),
            created_at=clock.now(), memo=draft.memo, contract_id=draft.contract_id,
            reverses=draft.reverses, hold_id=draft.hold_id, created_by=draft.created_by or ctx.user_id,
            metadata=dict(draft.metadata),
        )
        events = domain.customer_events(entry.id, entry.kind, entry.booked_on, movements)
        try:
            receipt = store.commit(ctx, Commit(movements=movements, entry=entry, events=events,
                                               reverses=draft.reverses, hold_transition=prepared.hold_transition,
                                               proposal_transition=prepared.proposal_transition,
                                               gl_movements=prepared.gl_movements))
        except EntryExists:
            existing = store.get_entry(ctx, draft.entry_id)
            if existing is None:  # the entry's id is taken but unreadable: never expected
                raise
            return _replay(existing, draft)
        except AlreadyReversed:
            raise _already_reversed(draft.reverses or "", store.reversal_of(ctx, draft.reverses or "")) from None
        except StaleWrite as lost:
            log.debug("ledger posting lost a race; re-planning",
                      extra={"entry_id": draft.entry_id, "attempt": attempt, "reason": str(lost)})
            _backoff(attempt)
            continue
        if prepared.gl_movements:
            _fold_if_raced(ctx, store, draft.booked_on, [g.account_id for g in prepared.gl_movements])
        observability.count("Postings", ctx.tenant_id, kind=entry.kind.value)
        return PostingResult(entry, replayed=False, attempts=attempt, receipt=receipt)
    raise _contention("the posting", max_attempts)


def _fold_if_raced(ctx: TenantContext, store: LedgerRepository, booked_on: date, account_ids: Sequence[str]) -> None:
    """A roll-up may have moved a GL account past ``booked_on`` between this posting's read and its
    commit (the deferred legs carry no condition on the account): fold the day again so the movement
    is not left behind. Movements on the rolled day itself need nothing — reads add them."""
    for account in store.get_accounts(ctx, account_ids).values():
        if account.rolled_through is not None and account.rolled_through > booked_on:
            log.warning("a GL movement raced a roll-up; folding its day again",
                        extra={"account_id": account.id, "booked_on": booked_on.isoformat()})
            _fold_day(ctx, store, account.id, booked_on)


# --- manual journal proposals (maker-checker) ------------------------------------------------------


def _proposal_not_found(proposal_id: str) -> NotFound:
    return NotFound("ledger.proposal.not_found", "no such journal proposal", {"proposal_id": proposal_id})


def propose_entry(ctx: TenantContext, draft: EntryDraft, *, idempotency_key: str,
                  store: LedgerRepository) -> JournalProposal:
    """Propose a manual journal entry for another user to approve. It is checked now (balanced, its
    accounts exist in their currencies) and posts only on approval. Idempotent under the key."""
    clock.not_after_business_date(ctx, draft.booked_on, "ledger.entry.future_date", "a journal")
    proposal = domain.new_proposal(draft, maker_id=ctx.user_id, idempotency_key=idempotency_key)
    lines = proposal.draft.lines
    accounts = _accounts_for(ctx, store, [ln.account_id for ln in lines], {ln.account_id: ln.currency for ln in lines})
    domain.check_currencies(lines, accounts)
    return _create_proposal(ctx, proposal, idempotency_key, store)


def propose_reversal(ctx: TenantContext, entry_id: str, *, idempotency_key: str, booked_on: date, memo: str,
                     store: LedgerRepository) -> JournalProposal:
    """Propose reversing a manual journal entry; another user's approval posts the reversal (at most
    once: the reversal marker is written with it). Only manual journals are reversed by hand — an
    entry another context posted is reversed through that context (409 ``ledger.entry.owned``).
    Idempotent under the key; an entry already reversed is 409 ``ledger.entry.already_reversed``."""
    clock.not_after_business_date(ctx, booked_on, "ledger.entry.future_date", "a reversal")
    original = store.get_entry(ctx, entry_id) if domain.valid_id(entry_id) else None
    if original is None:
        raise domain.entry_not_found(entry_id)
    proposal = domain.reversal_proposal(original, maker_id=ctx.user_id, idempotency_key=idempotency_key,
                                        booked_on=booked_on, memo=memo)
    existing = store.get_proposal(ctx, proposal.id)
    if existing is None:
        reversed_by = store.reversal_of(ctx, entry_id)
        if reversed_by is not None:
            raise _already_reversed(entry_id, reversed_by)
    return _create_proposal(ctx, proposal, idempotency_key, store)


def _create_proposal(ctx: TenantContext, proposal: JournalProposal, idempotency_key: str,
                     store: LedgerRepository) -> JournalProposal:
    try:
        return store.create_proposal(ctx, proposal)
    except ProposalExists:
        existing = store.get_proposal(ctx, proposal.id)
        if existing is None or existing.draft.fingerprint() != proposal.draft.fingerprint() \
                or existing.maker_id != proposal.maker_id:
            raise domain.idempotency_mismatch(idempotency_key) from None
        return existing


def get_proposal(ctx: TenantContext, proposal_id: str, *, store: LedgerRepository) -> JournalProposal:
    proposal = store.get_proposal(ctx, proposal_id) if domain.valid_id(proposal_id) else None
    if proposal is None:
        raise _proposal_not_found(proposal_id)
    return proposal


def list_proposals(ctx: TenantContext, *, status: ProposalStatus = ProposalStatus.PENDING, cursor: str | None = None,
                   limit: int = 50, store: LedgerRepository) -> tuple[list[JournalProposal], str | None]:
    """The checkers' queue: the tenant's proposals in ``status`` (pending by default), newest first."""
    return store.list_proposals(ctx, status=status, cursor=cursor, limit=limit)


def approve_proposal(ctx: TenantContext, proposal_id: str, *, store: LedgerRepository,
                     max_attempts: int = DEFAULT_MAX_ATTEMPTS) -> PostingResult:
    """Approve and post a proposed entry — never by its maker (403 ``ledger.maker_checker``).

    The entry and the proposal's approval are one transaction; approving again returns the entry."""
    proposal = get_proposal(ctx, proposal_id, store=store)
    if proposal.status is ProposalStatus.APPROVED and proposal.entry_id:
        posted = store.get_entry(ctx, proposal.entry_id)
        if posted is not None:
            return PostingResult(posted, replayed=True)
    proposal.decided(ProposalStatus.APPROVED, ctx.user_id)  # 403 / 409 before any work
    return _post(ctx, store, proposal.draft, max_attempts, proposal_id=proposal.id)


def reject_proposal(ctx: TenantContext, proposal_id: str, *, reason: str, store: LedgerRepository,
                    max_attempts: int = DEFAULT_MAX_ATTEMPTS) -> JournalProposal:
    """Reject a pending proposal (its maker may withdraw it this way). Nothing is posted."""
    for attempt in range(1, max_attempts + 1):
        proposal = get_proposal(ctx, proposal_id, store=store)
        if proposal.status is ProposalStatus.REJECTED:
            return proposal
        after = proposal.decided(ProposalStatus.REJECTED, ctx.user_id, reason)
        try:
            store.commit(ctx, Commit(movements=[], proposal_transition=(proposal, after)))
        except StaleWrite:
            _backoff(attempt)
            continue
        return get_proposal(ctx, proposal_id, store=store)
    raise _contention("rejecting the proposal", max_attempts)


# --- holds -----------------------------------------------------------------------------------------


def _replay_hold(existing: Hold, requested: Hold) -> Hold:
    if existing.fingerprint != requested.fingerprint:
        raise domain.idempotency_mismatch(requested.idempotency_key)
    return existing


def place_hold(ctx: TenantContext, *, debit_account: str, credit_account: str, amount: Decimal | str, currency: str,
               idempotency_key: str, store: LedgerRepository, memo: str = "", contract_id: str | None = None,
               max_attempts: int = DEFAULT_MAX_ATTEMPTS) -> Hold:
    """Reserve ``amount`` to move from ``credit_account`` to ``debit_account`` later (two-phase).

    Both accounts' available balances drop by the held amount on the side it will move; a
    non-negative account cannot hold more than it has available (422). Idempotent under the key.
    """
    hold = domain.new_hold(debit_account=debit_account, credit_account=credit_account, amount=amount,
                           currency=currency, idempotency_key=idempotency_key, memo=memo, contract_id=contract_id,
                           created_by=ctx.user_id)
    existing = store.get_hold(ctx, hold.id)
    if existing is not None:
        return _replay_hold(existing, hold)
    currencies = {debit_account: hold.currency, credit_account: hold.currency}
    for attempt in range(1, max_attempts + 1):
        accounts = _accounts_for(ctx, store, [debit_account, credit_account], currencies)
        movements = domain.plan_hold(hold, accounts, +1)
        try:
            store.commit(ctx, Commit(movements=movements, new_hold=hold))
        except HoldExists:
            return _replay_hold(store.get_hold(ctx, hold.id) or hold, hold)
        except StaleWrite:
            _backoff(attempt)
            continue
        return store.get_hold(ctx, hold.id) or hold
    raise _contention("placing the hold", max_attempts)


def post_hold(ctx: TenantContext, hold_id: str, *, booked_on: date, store: LedgerRepository,
              amount: Decimal | str | None = None, idempotency_key: str | None = None,
              max_attempts: int = DEFAULT_MAX_ATTEMPTS) -> PostingResult:
    """Post a pending hold: ``amount`` (default: all of it) moves for real, the rest is released.

    The hold becomes ``posted`` in the same transaction as the entry. Posting it again returns the
    same entry; posting a voided hold is 409 ``ledger.hold.not_pending``.
    """
    hold = store.get_hold(ctx, hold_id) if domain.valid_id(hold_id) else None
    if hold is None:
        raise domain.hold_not_found(hold_id)
    key = idempotency_key or f"hold-posting:{hold_id}"
    draft = domain.hold_posting_draft(hold, amount=None if amount is None else Decimal(amount), booked_on=booked_on,
                                      idempotency_key=key, created_by=ctx.user_id).normalised()
    existing = store.get_entry(ctx, draft.entry_id)
    if existing is not None:
        return _replay(existing, draft)
    hold.moved_to(HoldStatus.POSTED)  # 409 early if it is no longer pending
    return _post(ctx, store, draft, max_attempts)


def void_hold(ctx: TenantContext, hold_id: str, *, store: LedgerRepository,
              max_attempts: int = DEFAULT_MAX_ATTEMPTS) -> Hold:
    """Release a pending hold without moving money. Voiding a voided hold returns it unchanged."""
    for attempt in range(1, max_attempts + 1):
        hold = store.get_hold(ctx, hold_id) if domain.valid_id(hold_id) else None
        if hold is None:
            raise domain.hold_not_found(hold_id)
        if hold.status is HoldStatus.VOIDED:
            return hold
        after = hold.moved_to(HoldStatus.VOIDED)
        accounts = store.get_accounts(ctx, [hold.debit_account, hold.credit_account])
        movements = domain.plan_hold(hold, accounts, -1)
        try:
            store.commit(ctx, Commit(movements=movements, hold_transition=(hold, after)))
        except StaleWrite:
            _backoff(attempt)
            continue
        return store.get_hold(ctx, hold_id) or after
    raise _contention("voiding the hold", max_attempts)


# --- close of business: rolling deferred GL movements up --------------------------------------------


def roll_up(ctx: TenantContext, on: date, *, store: LedgerRepository) -> dict:
    """Fold every GL account's deferred movements booked on or before ``on`` into the account.

    Per GL account and day: one transaction (conditional on the account's version: manual postings
    may race it, then it re-reads and retries) that adds the day's net to the balance, debits and
    credits, writes ONE statement row for the day (``gl_rollup``, entry id ``rollup:<day>``, the
    day's debit and credit totals and the balance after) and moves ``rolled_through`` to the day.
    Earlier unrolled days go first, in date order, so a skipped close is caught up. Idempotent: a
    second call finds nothing left to fold and writes nothing. Movements booked on a rolled day
    afterwards are folded by the next roll-up (and reads include them meanwhile).

    Returns ``{"on", "accounts": [{"account_id", "movements", "debit", "credit"}], "movements"}`` —
    what this call folded (accounts with nothing to fold are left out).
    """
    clock.not_after_business_date(ctx, on, "ledger.rollup.future_date", "a roll-up")
    folded = []
    for account in store.all_accounts(ctx, gl_only=True):  # tens of accounts, never the contracts' millions
        if not account.defers_contract_legs:
            continue
        figures = _roll_up_account(ctx, store, account, on)
        if figures["movements"] or figures["debit"] or figures["credit"]:
            folded.append(figures)
    folded.sort(key=lambda f: f["account_id"])
    observability.count("GlRollups", ctx.tenant_id)
    log.info("GL movements rolled up", extra={"tenant_id": ctx.tenant_id, "on": on.isoformat(),
                                              "accounts": len(folded)})
    return {"on": on, "accounts": folded, "movements": sum(f["movements"] for f in folded)}


def _roll_up_account(ctx: TenantContext, store: LedgerRepository, account: Account, on: date) -> dict:
    zero = domain.quantize(domain.ZERO, account.currency)
    figures = {"account_id": account.id, "movements": 0, "debit": zero, "credit": zero}
    if account.rolled_through is not None and on < account.rolled_through:
        return figures  # rolled past already
    moves = store.gl_movements(ctx, account.id, from_on=account.rolled_through, to_on=on)
    by_day: dict[date, list[domain.GlMovement]] = {}
    for m in moves:
        by_day.setdefault(m.booked_on, []).append(m)
    days = sorted(by_day)
    for day in days:
        fold = _fold_day(ctx, store, account.id, day, by_day[day])
        if fold is not None:
            figures["movements"] += fold.movements
            figures["debit"] += fold.debit
            figures["credit"] += fold.credit
    # A posting that read the account before this roll-up and committed after its query of a day now
    # behind ``rolled_through``: fold those days once more (a no-op unless one did).
    for day in days[:-1]:
        fold = _fold_day(ctx, store, account.id, day)
        if fold is not None:
            figures["movements"] += fold.movements
            figures["debit"] += fold.debit
            figures["credit"] += fold.credit
    return figures


def _fold_day(ctx: TenantContext, store: LedgerRepository, account_id: str, day: date,
              movements: Sequence[domain.GlMovement] | None = None,
              max_attempts: int = DEFAULT_MAX_ATTEMPTS) -> domain.Fold | None:
    """Fold what is not folded yet of ``account_id``'s movements booked on ``day`` (one transaction)."""
    for attempt in range(1, max_attempts + 1):
        account = store.get_accounts(ctx, [account_id])[account_id]
        if movements is None or attempt > 1:
            movements = store.gl_movements(ctx, account_id, from_on=day, to_on=day)
        rows = _rows_from(ctx, store, account_id, day)
        balance_end = store.balances_as_of(ctx, [account], day)[account_id]
        fold = domain.plan_fold(account, day, movements, rows, balance_end)
        if fold is None:
            return None
        try:
            store.commit(ctx, Commit(movements=[fold.movement], restated=fold.restated))
        except StaleWrite:
            _backoff(attempt)
            continue
        return fold
    raise _contention("the roll-up", max_attempts)


def _rows_from(ctx: TenantContext, store: LedgerRepository, account_id: str, day: date) -> list[StatementLine]:
    rows: list[StatementLine] = []
    cursor = None
    while True:
        page, cursor = store.statement(ctx, account_id, from_on=day, to_on=None, cursor=cursor, limit=200)
        rows += page
        if not cursor:
            return rows


def _with_unrolled(ctx: TenantContext, store: LedgerRepository, account: Account) -> Account:
    """A GL account as it reads with the deferred movements not rolled up yet."""
    if not account.defers_contract_legs:
        return account
    moves = store.gl_movements(ctx, account.id, from_on=account.rolled_through, to_on=None)
    return domain.with_unrolled(account, *domain.unrolled(account, moves))


# --- reading ---------------------------------------------------------------------------------------


def get_entry(ctx: TenantContext, entry_id: str, *, store: LedgerRepository) -> tuple[JournalEntry, str | None]:
    """The entry and the id of the entry that reversed it (if any)."""
    entry = store.get_entry(ctx, entry_id) if domain.valid_id(entry_id) else None
    if entry is None:
        raise domain.entry_not_found(entry_id)
    return entry, store.reversal_of(ctx, entry_id)


def statement(ctx: TenantContext, account_id: str, *, store: LedgerRepository, from_on: date | None = None,
              to_on: date | None = None, cursor: str | None = None, limit: int = 50) -> StatementPage:
    """An account's movements in booked-date order, each with the running balance it left."""
    if from_on and to_on and from_on > to_on:
        raise RuleViolation("ledger.statement.range.invalid", "from must not be after to")
    account = get_account(ctx, account_id, store=store)
    if account.defers_contract_legs:
        return _control_statement(ctx, account, store, from_on, to_on, cursor, limit)
    lines, nxt = store.statement(ctx, account_id, from_on=from_on, to_on=to_on, cursor=cursor, limit=limit)
    return _page(account, lines, nxt)


def _page(account: Account, lines: list[StatementLine], nxt: str | None) -> StatementPage:
    """A statement page with the balance before its first row and after its last (None if empty)."""
    opening = closing = None
    if lines:
        first = lines[0]
        opening = first.balance_after - (account.signed(domain.Side.DEBIT, first.debit)
                                         + account.signed(domain.Side.CREDIT, first.credit))
        closing = lines[-1].balance_after
    return StatementPage(account, lines, nxt, opening, closing)


_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)  # a movement that carries no time sorts first, in its order


def _control_statement(ctx: TenantContext, account: Account, store: LedgerRepository, from_on: date | None,
                       to_on: date | None, cursor: str | None, limit: int) -> StatementPage:
    """A GL control account's statement as an accountant reads it: its own rows (manual journals) and
    every contract posting's movement row, each entry by name, in booked-date order, with the running
    balance from the balance the day before. The roll-up's one-row-per-day summaries are not shown:
    the movements they fold are. Paged by position in the range (the cursor is bound to the account)."""
    from datetime import timedelta

    from chalicelib.platform.dynamo import decode_cursor, encode_cursor
    from chalicelib.platform.keys import partition

    own: list[StatementLine] = []
    page_cursor = None
    while True:
        page, page_cursor = store.statement(ctx, account.id, from_on=from_on, to_on=to_on, cursor=page_cursor,
                                            limit=200)
        own += [r for r in page if r.kind is not domain.EntryKind.ROLLUP]
        if not page_cursor:
            break
    moves = store.gl_movements(ctx, account.id, from_on=from_on, to_on=to_on)
    merged = sorted([((r.booked_on, 0, f"{r.seq:012d}"), r.booked_on, r.entry_id, r.kind, r.debit, r.credit, r.memo,
                      r.contract_id) for r in own]
                    + [((m.booked_on, 1, (m.created_at or _EPOCH).isoformat()), m.booked_on, m.entry_id, m.kind,
                        m.debit, m.credit, "", m.contract_id) for m in moves], key=lambda row: row[0])
    zero = domain.quantize(domain.ZERO, account.currency)
    balance = balance_as_of(ctx, account.id, from_on - timedelta(days=1), store=store) if from_on else zero
    lines: list[StatementLine] = []
    for n, (_, on, entry_id, kind, debit, credit, memo, contract_id) in enumerate(merged, start=1):
        balance += account.signed(domain.Side.DEBIT, debit) + account.signed(domain.Side.CREDIT, credit)
        lines.append(StatementLine(account.id, n, on, entry_id, kind, debit, credit, balance, memo, contract_id))
    pk = partition(ctx.tenant_id, "LEDGER_ACCOUNT", account.id)
    list_key = f"{pk}|control|{from_on}|{to_on}"
    start = decode_cursor(cursor, ctx, list_key=list_key)
    offset = int(start["offset"]["N"]) if start else 0
    shown = lines[offset:offset + max(1, min(limit, 200))]
    end = offset + len(shown)
    nxt = encode_cursor({"PK": {"S": pk}, "offset": {"N": str(end)}}, list_key=list_key) if end < len(lines) else None
    return _page(account, shown, nxt)


def balance_as_of(ctx: TenantContext, account_id: str, as_of: date, *, store: LedgerRepository) -> Decimal:
    """The account's balance at the end of ``as_of``, unrolled GL movements included."""
    if not domain.valid_id(account_id):
        raise domain.account_not_found(account_id)
    account = store.get_accounts(ctx, [account_id]).get(account_id)
    if account is None:
        raise domain.account_not_found(account_id)
    return _balances_as_of(ctx, store, [account], as_of)[account_id]


def _balances_as_of(ctx: TenantContext, store: LedgerRepository, accounts: Sequence[Account],
                    as_of: date) -> dict[str, Decimal]:
    """Balances at the end of ``as_of``: the statement rows' (rolled-up figures), plus, for a shared
    GL account, its movements booked in ``[rolled_through, as_of]`` that are not folded yet."""
    balances = store.balances_as_of(ctx, accounts, as_of)
    for account in accounts:
        rt = account.rolled_through
        if not account.defers_contract_legs or (rt is not None and as_of < rt):
            continue
        moves = store.gl_movements(ctx, account.id, from_on=rt, to_on=as_of)
        debit, credit = domain.unrolled(account, moves, as_of)
        balances[account.id] += account.signed(domain.Side.DEBIT, debit) + account.signed(domain.Side.CREDIT, credit)
    return balances


def trial_balance(ctx: TenantContext, as_of: date, *, store: LedgerRepository, attempts: int = 4) -> TrialBalance:
    """Every GL code's balance at the end of ``as_of`` (contract sub-accounts rolled up), per currency.

    Exact at any date: a shared GL account's figure is its statement's balance at the date plus its
    deferred movements booked up to the date that no roll-up has folded yet.
    Accounts are read one by one, so a posting landing mid-read could be half seen; a trial balance
    that does not balance is re-read (it always balances once no posting is in flight).
    """
    chart = domain.chart_index(ctx.kind) if ctx.kind.is_subsidiary else {}
    tb = None
    for attempt in range(attempts):
        accounts = list(store.all_accounts(ctx))
        balances = _balances_as_of(ctx, store, accounts, as_of)
        tb = domain.trial_balance(as_of, [(a, balances[a.id]) for a in accounts], chart)
        if tb.balanced:
            return tb
        _backoff(attempt + 3)
    log.error("trial balance does not balance", extra={"tenant_id": ctx.tenant_id, "as_of": as_of.isoformat()})
    return tb  # type: ignore[return-value]


def customer_events(ctx: TenantContext, entry_id: str, *, store: LedgerRepository) -> list[dict]:
    """The 动账提醒 events an entry wrote (one per contract whose accounts it moved)."""
    return store.events_for_entry(ctx, entry_id)


__all__ = [
    "PostingResult", "StatementPage", "open_chart_of_accounts", "open_contract_accounts", "get_account",
    "list_accounts", "post_entry", "post_contract_event", "reverse_entry", "place_hold", "post_hold", "void_hold",
    "get_entry", "statement", "balance_as_of", "trial_balance", "customer_events", "propose_entry", "get_proposal",
    "propose_reversal",
    "approve_proposal", "reject_proposal", "roll_up",
]
