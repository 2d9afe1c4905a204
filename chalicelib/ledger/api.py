"""Ledger routes: chart of accounts, statements, trial balance, and manual journals and their reversals.

Money moved by hand needs two people: a manual journal or the reversal of one is only ever proposed
here and posted when another user approves it. There is no route that posts an entry directly — the
system's own postings (servicing, payments) call ``ledger.service`` and are reversed through the
context that owns them."""
from __future__ import annotations

from chalicelib.shared.ids import ResourceId
from chalicelib.shared import clock

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from pydantic import ConfigDict, Field

from chalicelib.ledger import domain, service, wiring
from chalicelib.ledger.domain import Account, EntryDraft, EntryKind, JournalEntry, JournalProposal, Side, StatementLine
from chalicelib.platform import effects
from chalicelib.platform.http import ApiBlueprint, Reply
from chalicelib.shared.schema import Schema
from chalicelib.shared.tenant import Role, TenantContext

api = ApiBlueprint(__name__, tag="ledger")

READERS = (Role.FINANCE, Role.TENANT_ADMIN, Role.VIEWER)
POSTERS = (Role.FINANCE,)
CHECKERS = (Role.FINANCE, Role.TENANT_ADMIN)
MAX_MANUAL_LINES = 40


# --- views -----------------------------------------------------------------------------------------


class AccountView(Schema):
    id: str
    code: str = Field(description="GL code the account rolls up into")
    name: dict[str, str] = Field(description="zh-CN and en-US names")
    type: str
    normal_side: str
    currency: str
    contract_id: str | None = None
    role: str | None = Field(default=None, description="the contract sub-account's slot (principal, interest, …)")
    non_negative: bool
    balance: Decimal = Field(description="posted balance, signed in the account's normal direction")
    available: Decimal = Field(description="balance less pending holds that will reduce it")
    debits: Decimal
    credits: Decimal
    pending_debits: Decimal
    pending_credits: Decimal
    last_booked_on: date | None = None

    @classmethod
    def of(cls, a: Account) -> "AccountView":
        return cls(id=a.id, code=a.code, name={"zh-CN": a.name_zh, "en-US": a.name_en}, type=a.type.value,
                   normal_side=a.normal_side.value, currency=a.currency, contract_id=a.contract_id, role=a.role,
                   non_negative=a.non_negative, balance=a.balance, available=a.available, debits=a.debits,
                   credits=a.credits, pending_debits=a.pending_debits, pending_credits=a.pending_credits,
                   last_booked_on=a.last_booked_on)


class AccountPage(Schema):
    items: list[AccountView]
    next: str | None = None


class AccountsQuery(Schema):
    model_config = ConfigDict(extra="forbid")

    contract_id: ResourceId | None = Field(default=None, description="only this contract's sub-accounts")
    level: Literal["all", "gl"] = Field(default="all", description="gl: only chart (GL) accounts")
    limit: int = Field(default=50, ge=1, le=200)
    next: str | None = Field(default=None, description="cursor from the previous page")


class StatementRow(Schema):
    seq: int
    booked_on: date
    entry_id: str
    kind: str
    debit: Decimal
    credit: Decimal
    balance_after: Decimal
    memo: str
    contract_id: str | None = None
    created_at: datetime | None = None

    @classmethod
    def of(cls, r: StatementLine) -> "StatementRow":
        return cls(seq=r.seq, booked_on=r.booked_on, entry_id=r.entry_id, kind=r.kind.value, debit=r.debit,
                   credit=r.credit, balance_after=r.balance_after, memo=r.memo, contract_id=r.contract_id,
                   created_at=r.created_at)


class StatementView(Schema):
    account: AccountView
    items: list[StatementRow]
    opening_balance: Decimal | None = Field(default=None, description="balance before this page's first row")
    closing_balance: Decimal | None = Field(default=None, description="balance after this page's last row")
    next: str | None = None


class StatementQuery(Schema):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    from_on: date | None = Field(default=None, alias="from", description="first booked date (YYYY-MM-DD)")
    to_on: date | None = Field(default=None, alias="to", description="last booked date (YYYY-MM-DD)")
    limit: int = Field(default=50, ge=1, le=200)
    next: str | None = None


class TrialBalanceQuery(Schema):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    as_of: date = Field(alias="date", description="balances at the end of this date (YYYY-MM-DD)")


class TrialBalanceRowView(Schema):
    code: str
    name: dict[str, str]
    type: str
    currency: str
    debit: Decimal
    credit: Decimal
    accounts: int


class CurrencyTotals(Schema):
    currency: str
    debit: Decimal
    credit: Decimal


class TrialBalanceView(Schema):
    model_config = ConfigDict(populate_by_name=True)

    as_of: date = Field(alias="date")
    rows: list[TrialBalanceRowView]
    totals: list[CurrencyTotals]
    balanced: bool
    memorandum: list[TrialBalanceRowView] = Field(
        default_factory=list, description="off-balance-sheet memorandum accounts (unused committed credit facilities "
                                          "and their contra), outside the totals: they balance among themselves")


class LineView(Schema):
    account_id: str
    side: Side
    amount: Decimal
    currency: str


class EntryView(Schema):
    id: str
    kind: str
    booked_on: date
    memo: str
    lines: list[LineView]
    contract_id: str | None = None
    reverses: str | None = None
    reversed_by: str | None = None
    hold_id: str | None = None
    created_at: datetime
    created_by: str

    @classmethod
    def of(cls, e: JournalEntry, reversed_by: str | None = None) -> "EntryView":
        return cls(id=e.id, kind=e.kind.value, booked_on=e.booked_on, memo=e.memo,
                   lines=[LineView(account_id=ln.account_id, side=ln.side, amount=ln.amount, currency=ln.currency)
                          for ln in e.lines],
                   contract_id=e.contract_id, reverses=e.reverses, reversed_by=reversed_by, hold_id=e.hold_id,
                   created_at=e.created_at, created_by=e.created_by)


class ManualLine(Schema):
    model_config = ConfigDict(extra="forbid")

    account_id: str = Field(min_length=1, max_length=100)
    side: Side
    amount: Decimal = Field(gt=0, description="decimal string, e.g. \"100.00\"")
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$", description="defaults to the account's")


class ManualEntryRequest(Schema):
    model_config = ConfigDict(extra="forbid")

    booked_on: date | None = Field(default=None, description="defaults to the tenant's business date")
    memo: str = Field(min_length=1, max_length=500)
    lines: list[ManualLine] = Field(min_length=2, max_length=MAX_MANUAL_LINES)


class ReverseRequest(Schema):
    model_config = ConfigDict(extra="forbid")

    memo: str = Field(min_length=1, max_length=500, description="why the entry is reversed")
    booked_on: date | None = Field(default=None, description="defaults to the tenant's business date")


class ProposalView(Schema):
    id: str
    kind: Literal["journal", "reversal"] = Field(description="a manual journal, or the reversal of one")
    reverses: str | None = Field(default=None, description="the manual entry a reversal proposal undoes")
    status: str
    booked_on: date
    memo: str
    lines: list[LineView]
    maker_id: str
    decided_by: str | None = None
    entry_id: str | None = Field(default=None, description="the posted entry, once approved")
    reason: str = ""
    created_at: datetime | None = None

    @classmethod
    def of(cls, p: JournalProposal) -> "ProposalView":
        kind = "reversal" if p.draft.kind is EntryKind.REVERSAL else "journal"
        return cls(id=p.id, kind=kind, reverses=p.draft.reverses, status=p.status.value, booked_on=p.draft.booked_on,
                   memo=p.draft.memo,
                   lines=[LineView(account_id=ln.account_id, side=ln.side, amount=ln.amount, currency=ln.currency)
                          for ln in p.draft.lines],
                   maker_id=p.maker_id, decided_by=p.decided_by, entry_id=p.entry_id, reason=p.reason,
                   created_at=p.created_at)


class ProposalPage(Schema):
    items: list[ProposalView]
    next: str | None = None


class ProposalsQuery(Schema):
    model_config = ConfigDict(extra="forbid")

    status: Literal["pending", "approved", "rejected"] = Field(default="pending",
                                                                description="which list: pending is the checkers' queue")
    limit: int = Field(default=50, ge=1, le=200)
    next: str | None = Field(default=None, description="cursor from the previous page")


class RejectRequest(Schema):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(min_length=1, max_length=500)


# --- routes ----------------------------------------------------------------------------------------


def _idempotency_key(scope: str) -> str:
    """The request's Idempotency-Key, namespaced by the operation (the same client key used for two
    different operations names two requests, not one)."""
    return f"{scope}:{api.idempotency_key('ledger')}"


@api.route("/v1/ledger/accounts", "GET", roles=READERS, query=AccountsQuery, response=AccountPage)
def list_ledger_accounts(ctx: TenantContext, query: AccountsQuery) -> AccountPage:
    """The chart of accounts and contract sub-accounts, with balances."""
    wiring.ensure_books(ctx)
    items, nxt = service.list_accounts(ctx, store=wiring.ledger_store(), contract_id=query.contract_id,
                                       gl_only=query.level == "gl", cursor=query.next, limit=query.limit)
    return AccountPage(items=[AccountView.of(a) for a in items], next=nxt)


@api.route("/v1/ledger/accounts/{account_id}", "GET", roles=READERS, response=AccountView)
def get_ledger_account(ctx: TenantContext, account_id: str) -> AccountView:
    """One account with its balance, holds and available balance."""
    wiring.ensure_books(ctx)
    return AccountView.of(service.get_account(ctx, account_id, store=wiring.ledger_store()))


@api.route("/v1/ledger/accounts/{account_id}/entries", "GET", roles=READERS, query=StatementQuery,
           response=StatementView)
def get_account_statement(ctx: TenantContext, account_id: str, query: StatementQuery) -> StatementView:
    """The account's statement: movements in booked-date order with the running balance."""
    wiring.ensure_books(ctx)
    page = service.statement(ctx, account_id, store=wiring.ledger_store(), from_on=query.from_on, to_on=query.to_on,
                             cursor=query.next, limit=query.limit)
    return StatementView(account=AccountView.of(page.account), items=[StatementRow.of(r) for r in page.lines],
                         opening_balance=page.opening_balance, closing_balance=page.closing_balance, next=page.next)


@api.route("/v1/ledger/trial-balance", "GET", roles=READERS, query=TrialBalanceQuery, response=TrialBalanceView)
def get_trial_balance(ctx: TenantContext, query: TrialBalanceQuery) -> TrialBalanceView:
    """Every GL account's balance at the end of the date, contract sub-accounts rolled up."""
    wiring.ensure_books(ctx)
    tb = service.trial_balance(ctx, query.as_of, store=wiring.ledger_store())
    return TrialBalanceView(
        as_of=tb.as_of, balanced=tb.balanced,
        rows=[TrialBalanceRowView(code=r.code, name={"zh-CN": r.name_zh, "en-US": r.name_en}, type=r.type.value,
                                  currency=r.currency, debit=r.debit, credit=r.credit, accounts=r.accounts)
              for r in tb.rows],
        totals=[CurrencyTotals(currency=c, debit=d, credit=cr) for c, (d, cr) in sorted(tb.totals.items())],
        memorandum=_memorandum(ctx, query.as_of),
    )


def _memorandum(ctx: TenantContext, as_of: date) -> list[TrialBalanceRowView]:
    """Unused committed facilities as a debit memorandum account against its contra (表外：未使用授信承诺)."""
    rows = []
    for ccy, c in sorted(effects.off_balance().commitments(ctx, as_of).items()):
        if c["unused"] <= 0:
            continue
        rows += [TrialBalanceRowView(code="MEMO-UNUSED-COMMITMENTS", type="memorandum", currency=ccy,
                                     name={"zh-CN": "表外：未使用授信承诺", "en-US": "Off-balance: unused credit commitments"},
                                     debit=c["unused"], credit=Decimal(0), accounts=c["facilities"]),
                 TrialBalanceRowView(code="MEMO-COMMITMENTS-CONTRA", type="memorandum", currency=ccy,
                                     name={"zh-CN": "表外：授信承诺对销", "en-US": "Off-balance: credit commitments contra"},
                                     debit=Decimal(0), credit=c["unused"], accounts=c["facilities"])]
    return rows


def _manual_draft(ctx: TenantContext, body: ManualEntryRequest, key: str) -> EntryDraft:
    default_currency = wiring.tenant_books(ctx).currency
    lines = tuple(domain.line(ln.account_id, ln.side, ln.amount, ln.currency or default_currency) for ln in body.lines)
    return EntryDraft(kind=EntryKind.MANUAL, booked_on=body.booked_on or clock.business_date(ctx), lines=lines,
                      idempotency_key=key, memo=body.memo, created_by=ctx.user_id)


@api.route("/v1/ledger/journal-proposals", "POST", roles=POSTERS, body=ManualEntryRequest, response=ProposalView,
           status=201)
def propose_journal_entry(ctx: TenantContext, body: ManualEntryRequest) -> Reply:
    """Propose a manual journal entry for another user to approve (maker-checker; Idempotency-Key header)."""
    key = _idempotency_key("proposal")
    wiring.ensure_books(ctx)
    proposal = service.propose_entry(ctx, _manual_draft(ctx, body, key), idempotency_key=key,
                                     store=wiring.ledger_store())
    return Reply(ProposalView.of(proposal), 201)


@api.route("/v1/ledger/journal-proposals", "GET", roles=READERS, query=ProposalsQuery, response=ProposalPage)
def list_journal_proposals(ctx: TenantContext, query: ProposalsQuery) -> ProposalPage:
    """Journal proposals in one status, newest first — by default the pending ones awaiting a checker."""
    items, nxt = service.list_proposals(ctx, status=domain.ProposalStatus(query.status), cursor=query.next,
                                        limit=query.limit, store=wiring.ledger_store())
    return ProposalPage(items=[ProposalView.of(p) for p in items], next=nxt)


@api.route("/v1/ledger/journal-proposals/{proposal_id}", "GET", roles=READERS, response=ProposalView)
def get_journal_proposal(ctx: TenantContext, proposal_id: str) -> ProposalView:
    """One journal proposal and, once approved, the entry it posted."""
    return ProposalView.of(service.get_proposal(ctx, proposal_id, store=wiring.ledger_store()))


@api.route("/v1/ledger/journal-proposals/{proposal_id}/approve", "POST", roles=CHECKERS, response=EntryView,
           status=201)
def approve_journal_proposal(ctx: TenantContext, proposal_id: str) -> Reply:
    """Approve a proposal and post its entry — never by whoever proposed it (403 ledger.maker_checker)."""
    result = service.approve_proposal(ctx, proposal_id, store=wiring.ledger_store())
    return Reply(EntryView.of(result.entry), 200 if result.replayed else 201)


@api.route("/v1/ledger/journal-proposals/{proposal_id}/reject", "POST", roles=CHECKERS, body=RejectRequest,
           response=ProposalView)
def reject_journal_proposal(ctx: TenantContext, proposal_id: str, body: RejectRequest) -> ProposalView:
    """Reject a pending proposal (its maker may withdraw it this way); nothing is posted."""
    return ProposalView.of(service.reject_proposal(ctx, proposal_id, reason=body.reason, store=wiring.ledger_store()))


@api.route("/v1/ledger/entries/{entry_id}", "GET", roles=READERS, response=EntryView)
def get_journal_entry(ctx: TenantContext, entry_id: str) -> EntryView:
    """One journal entry, its lines, and the entry that reversed it (if any)."""
    entry, reversed_by = service.get_entry(ctx, entry_id, store=wiring.ledger_store())
    return EntryView.of(entry, reversed_by)


@api.route("/v1/ledger/entries/{entry_id}/reverse", "POST", roles=POSTERS, body=ReverseRequest,
           response=ProposalView, status=202)
def propose_journal_reversal(ctx: TenantContext, entry_id: str, body: ReverseRequest) -> Reply:
    """Propose reversing a manual journal entry (Idempotency-Key header required): 202 with a pending
    proposal (``kind: reversal``) that another user approves through
    ``/v1/ledger/journal-proposals/{id}/approve``, which posts the reversal — at most once per entry.
    Entries other contexts posted (disbursements, repayments, accruals, …) are reversed only there:
    409 ``ledger.entry.owned``."""
    key = _idempotency_key(f"reverse:{entry_id}")
    proposal = service.propose_reversal(ctx, entry_id, idempotency_key=key,
                                        booked_on=body.booked_on or clock.business_date(ctx), memo=body.memo,
                                        store=wiring.ledger_store())
    return Reply(ProposalView.of(proposal), 202)
