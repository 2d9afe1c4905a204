"""Many threads posting to the same accounts: exact balances, no lost update, no overdraft."""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

from chalicelib.ledger import service
from chalicelib.shared.errors import Conflict, RuleViolation
from tests.unit.ledger.builders import D, DAY1, LENDING, a_contract, capital, disbursement, repayment

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
    accounts = store.get_accounts(ctx, [f"{loan}.principal", "1002"])
    assert accounts[f"{loan}.principal"].balance == D("0.00")
    assert accounts["1002"].balance == D("1000.00") - Decimal(principal) + Decimal(posted)
    rows = service.statement(ctx, f"{loan}.principal", store=store, limit=200).lines
    assert [r.seq for r in rows] == list(range(1, posted + 2))  # every update landed once, in order
    assert [r.balance_after for r in rows] == [Decimal(principal - k) for k in range(posted + 1)]
    assert service.trial_balance(ctx, DAY1, store=store).balanced
