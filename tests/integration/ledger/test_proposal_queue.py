"""The checkers' queue of journal proposals: listed by tenant and status, newest first, without scans.

The same promises are held against the DynamoDB store (embedded AWS and DynamoDB Local, through the
``backend`` fixture) and its in-memory twin, so the two cannot drift.
"""
from __future__ import annotations

from dataclasses import replace

import pytest

from chalicelib.ledger import service
from chalicelib.ledger.domain import ProposalStatus
from chalicelib.shared.errors import MalformedRequest
from tests.unit.ledger.builders import a_tenant, capital, manual

PENDING, APPROVED, REJECTED = ProposalStatus.PENDING, ProposalStatus.APPROVED, ProposalStatus.REJECTED


def _books(store):
    ctx = a_tenant()
    service.open_chart_of_accounts(ctx, currency="CNY", store=store)
    service.post_entry(ctx, capital(), store=store)
    return ctx


def _propose(ctx, store, amount: str, key: str):
    return service.propose_entry(ctx, manual(("6602", "debit", amount), ("1002", "credit", amount)),
                                 idempotency_key=key, store=store)


def _ids(ctx, store, status, **kw):
    items, _ = service.list_proposals(ctx, status=status, store=store, **kw)
    return [p.id for p in items]


def _checker(maker):
    return replace(maker, user_id="checker-" + maker.user_id)


@pytest.fixture()
def store(any_store):
    return any_store


def test_a_new_proposal_is_pending_and_a_decision_moves_it_to_its_list(store):
    maker = _books(store)
    first = _propose(maker, store, "1.00", "q1")
    second = _propose(maker, store, "2.00", "q2")
    third = _propose(maker, store, "3.00", "q3")
    assert _ids(maker, store, PENDING) == [third.id, second.id, first.id]  # newest first
    assert _ids(maker, store, APPROVED) == [] and _ids(maker, store, REJECTED) == []

    service.approve_proposal(_checker(maker), second.id, store=store)
    service.reject_proposal(_checker(maker), first.id, reason="duplicate", store=store)
    assert _ids(maker, store, PENDING) == [third.id]
    assert _ids(maker, store, APPROVED) == [second.id]
    assert _ids(maker, store, REJECTED) == [first.id]
    listed = service.list_proposals(maker, status=APPROVED, store=store)[0][0]
    assert listed.status is APPROVED and listed.entry_id is not None and listed.created_at is not None


def test_the_queue_pages_with_a_cursor(store):
    maker = _books(store)
    made = [_propose(maker, store, f"{n}.00", f"page-{n}").id for n in range(1, 6)]
    seen, cursor = [], None
    while True:
        page, cursor = service.list_proposals(maker, status=PENDING, cursor=cursor, limit=2, store=store)
        assert len(page) <= 2
        seen += [p.id for p in page]
        if not cursor:
            break
    assert seen == list(reversed(made))


def test_another_tenant_sees_none_of_this_tenants_proposals(store):
    maker, other = _books(store), _books(store)
    mine = _propose(maker, store, "4.00", "iso")
    service.approve_proposal(_checker(maker), _propose(maker, store, "5.00", "iso-2").id, store=store)
    for status in (PENDING, APPROVED, REJECTED):
        assert _ids(other, store, status) == []
    assert _ids(maker, store, PENDING) == [mine.id]


def test_a_cursor_from_another_tenant_or_list_is_refused(backend):
    store = backend.store
    maker, other = _books(store), _books(store)
    for n in range(3):
        _propose(maker, store, f"{n + 1}.00", f"cur-{n}")
    _, cursor = service.list_proposals(maker, status=PENDING, limit=1, store=store)
    assert cursor
    with pytest.raises(MalformedRequest):
        service.list_proposals(other, status=PENDING, cursor=cursor, store=store)
    with pytest.raises(MalformedRequest):
        service.list_proposals(maker, status=APPROVED, cursor=cursor, store=store)
