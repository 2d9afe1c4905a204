"""Many threads posting at once, on the embedded AWS and on DynamoDB Local.

* To the same contract's accounts: exact balances, no lost update, no overdraft (they race, and retry).
* For different contracts: no posting ever retries — they share no item, the shared GL accounts'
  legs being movement rows — and the GL balances are exact in the trial balance before and after
  the close-of-business roll-up.
"""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

from chalicelib.ledger import service
from chalicelib.ledger.domain import EntryKind
from chalicelib.shared.errors import Conflict, RuleViolation
from tests.unit.ledger.builders import D, DAY1, LENDING, a_contract, capital, disbursement, event, repayment

THREADS = 6
POSTINGS_PER_THREAD = 6


def _post_all(ctx, store, loan, thread_no):
    """One client: repayments of 1.00 each; returns (posted, refused, postings that had to re-plan)."""
    posted = refused = replanned = 0
    for i in range(POSTINGS_PER_THREAD):
        event = repayment(loan, DAY1, principal="1.00")
        while True:
            try:
                result = service.post_contract_event(ctx, event, template=LENDING,
                                                     idempotency_key=f"{loan}:{thread_no}:{i}", store=store)
                posted += 1
                replanned += result.attempts > 1
            except RuleViolation as err:
                assert err.code == "ledger.account.insufficient_balance"
                refused += 1
            except Conflict as err:  # gave up after its bounded retries: a client retries the same key
                assert err.code == "ledger.posting.contention"
                continue
            break
    return posted, refused, replanned


def test_concurrent_postings_to_the_same_accounts_lose_no_update_and_never_overdraw(backend):
    ctx, store = backend.tenant(), backend.store
    service.open_chart_of_accounts(ctx, currency="CNY", store=store)
    service.post_entry(ctx, capital("1000.00"), store=store)
    loan = a_contract()
    principal = THREADS * POSTINGS_PER_THREAD - 10  # 10 repayments more than is owed are attempted
    service.post_contract_event(ctx, disbursement(loan, f"{principal}.00"), template=LENDING,
                                idempotency_key=f"d:{loan}", store=store)

    barrier = threading.Barrier(THREADS)

    def client(n):
        barrier.wait()
        return _post_all(ctx, store, loan, n)

    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(client, range(THREADS)))

    posted = sum(p for p, _, _ in results)
    refused = sum(r for _, r, _ in results)
    assert sum(x for _, _, x in results) > 0, "no posting ever lost a race: the test did not test concurrency"
    assert (posted, refused) == (principal, THREADS * POSTINGS_PER_THREAD - principal)
    assert service.get_account(ctx, f"{loan}.principal", store=store).balance == D("0.00")
    assert service.get_account(ctx, "1002", store=store).balance == D("1000.00") - Decimal(principal) + Decimal(posted)
    rows = service.statement(ctx, f"{loan}.principal", store=store, limit=200).lines
    assert [r.seq for r in rows] == list(range(1, posted + 2))  # every update landed once, in order
    assert [r.balance_after for r in rows] == [Decimal(principal - k) for k in range(posted + 1)]
    assert service.trial_balance(ctx, DAY1, store=store).balanced


CONTRACT_THREADS = 8
CONTRACTS_PER_THREAD = 2
ROUNDS = 3


def _service_contracts(ctx, store, thread_no):
    """One client servicing its own contracts: a disbursement each, then accruals and repayments.
    Returns the postings' results and the money moved, summed independently of the ledger."""
    moved = {"disbursed": Decimal(0), "accrued": Decimal(0), "principal_repaid": Decimal(0),
             "interest_repaid": Decimal(0)}
    results = []
    loans = [f"T{thread_no}-{a_contract()}" for _ in range(CONTRACTS_PER_THREAD)]

    def post(ev, key):
        results.append(service.post_contract_event(ctx, ev, template=LENDING, idempotency_key=key, store=store))

    for n, loan in enumerate(loans):
        amount = Decimal(1000 + 100 * thread_no + n)
        post(disbursement(loan, f"{amount}.00"), f"d:{loan}")
        moved["disbursed"] += amount
    for r in range(ROUNDS):
        for n, loan in enumerate(loans):
            interest = Decimal(f"{thread_no + 1}.{r}{n}")
            post(event(EntryKind.ACCRUAL, loan, DAY1, interest=str(interest)), f"a:{loan}:{r}")
            moved["accrued"] += interest
            principal = Decimal(10 * (r + 1) + n)
            post(repayment(loan, principal=f"{principal}.00", interest=str(interest)), f"r:{loan}:{r}")
            moved["principal_repaid"] += principal
            moved["interest_repaid"] += interest
    return results, moved


def test_concurrent_postings_for_different_contracts_never_retry_and_the_gl_stays_exact(backend):
    ctx, store = backend.tenant(), backend.store
    service.open_chart_of_accounts(ctx, currency="CNY", store=store)
    service.post_entry(ctx, capital("1000000.00"), store=store)
    barrier = threading.Barrier(CONTRACT_THREADS)

    def client(n):
        barrier.wait()
        return _service_contracts(ctx, store, n)

    with ThreadPoolExecutor(CONTRACT_THREADS) as pool:
        outcomes = list(pool.map(client, range(CONTRACT_THREADS)))

    results = [r for rs, _ in outcomes for r in rs]
    assert len(results) == CONTRACT_THREADS * CONTRACTS_PER_THREAD * (1 + 2 * ROUNDS)
    assert [r.attempts for r in results if r.attempts != 1] == [], "a contract posting had to retry"
    total = {k: sum(m[k] for _, m in outcomes) for k in outcomes[0][1]}
    expected = {  # debit-positive balances by GL code, from the amounts posted alone
        "1002": D("1000000.00") - total["disbursed"] + total["principal_repaid"] + total["interest_repaid"],
        "1303": total["disbursed"] - total["principal_repaid"],
        "1132": total["accrued"] - total["interest_repaid"],
        "4001": -D("1000000.00"),
        "6011": -total["accrued"],
    }

    def gl_balances():
        tb = service.trial_balance(ctx, DAY1, store=store)
        assert tb.balanced
        rows = {r.code: r.debit - r.credit for r in tb.rows}
        return {code: rows.get(code, D("0.00")) for code in expected}

    assert gl_balances() == expected
    assert store.get_accounts(ctx, ["6011"])["6011"].balance == D("0.00")  # the item itself was never touched

    summary = service.roll_up(ctx, DAY1, store=store)

    assert gl_balances() == expected
    folded = {f["account_id"]: f for f in summary["accounts"]}
    assert folded["6011"]["movements"] == CONTRACT_THREADS * CONTRACTS_PER_THREAD * ROUNDS
    assert folded["6011"]["credit"] == total["accrued"]
    items = store.get_accounts(ctx, ["1002", "6011"])
    assert (items["1002"].balance, -items["6011"].balance) == (expected["1002"], expected["6011"])
    stored, _ = store.statement(ctx, "6011", from_on=None, to_on=None, cursor=None, limit=50)
    assert [r.kind for r in stored] == [EntryKind.ROLLUP]  # one stored row for the folded day
    shown = service.statement(ctx, "6011", store=store, limit=200).lines  # the statement names every accrual
    assert len(shown) == folded["6011"]["movements"] and shown[-1].balance_after == -expected["6011"]
    assert service.roll_up(ctx, DAY1, store=store)["movements"] == 0
