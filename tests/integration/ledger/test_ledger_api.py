"""The ledger's HTTP API as the demo users call it (embedded AWS, real Cognito tokens)."""
from __future__ import annotations

import uuid

import pytest

USES_TENANT_CALENDAR = True  # through the API on a demo tenant: its real business date

FINANCE, VIEWER, OFFICER = "finance@demo-lending", "viewer@demo-lending", "loan-officer@demo-lending"
OTHER_FINANCE = "finance@demo-leasing"
ADMIN = "tenant-admin@demo-lending"


@pytest.fixture()
def client(ledger_api, api):
    return api


def key() -> dict[str, str]:
    return {"Idempotency-Key": uuid.uuid4().hex}


def expense(amount: str = "12.50", memo: str = "office supplies") -> dict:
    return {"memo": memo, "lines": [{"account_id": "6602", "side": "debit", "amount": amount},
                                     {"account_id": "1002", "side": "credit", "amount": amount}]}


def test_finance_and_viewers_read_the_chart_of_accounts(client):
    for user in (FINANCE, VIEWER):
        res = client.as_(user).get("/v1/ledger/accounts?level=gl&limit=200")
        assert res.status == 200
        bank = next(a for a in res.body["items"] if a["id"] == "1002")
        assert bank["name"]["zh-CN"] == "银行存款" and bank["type"] == "asset" and bank["currency"] == "CNY"
        assert isinstance(bank["balance"], str)
    assert client.as_(OFFICER).get("/v1/ledger/accounts").code == "auth.role.forbidden"


def journal(client, body: dict, maker: str = FINANCE, checker: str = ADMIN) -> dict:
    """A manual journal posted the only way there is: one user proposes it, another approves it."""
    proposed = client.as_(maker).post("/v1/ledger/journal-proposals", body, headers=key())
    assert proposed.status == 201, proposed.body
    approved = client.as_(checker).post(f"/v1/ledger/journal-proposals/{proposed.body['id']}/approve")
    assert approved.status == 201, approved.body
    return approved.body


def test_no_route_posts_a_manual_journal_alone(client):
    finance = client.as_(FINANCE)
    before = finance.get("/v1/ledger/accounts/6602").body["balance"]
    alone = finance.post("/v1/ledger/entries", expense("12.50"), headers=key())
    assert alone.status in (403, 404), alone.body  # no such route (API Gateway answers 403 for one)
    assert finance.get("/v1/ledger/accounts/6602").body["balance"] == before
    documented = client.get("/v1/openapi.json").body["paths"]
    assert "post" not in documented.get("/v1/ledger/entries", {})


def test_an_approved_journal_posts_once(client):
    finance = client.as_(FINANCE)
    before = finance.get("/v1/ledger/accounts/6602").body["balance"]
    posted = journal(client, expense("12.50"))
    assert posted["kind"] == "manual" and posted["lines"][0]["amount"] == "12.50"
    assert posted["created_by"] != ""
    after = finance.get("/v1/ledger/accounts/6602").body["balance"]
    from decimal import Decimal

    assert Decimal(after) - Decimal(before) == Decimal("12.50")


def test_proposing_needs_an_idempotency_key_and_the_finance_role(client):
    missing = client.as_(FINANCE).post("/v1/ledger/journal-proposals", expense())
    assert (missing.status, missing.code) == (400, "ledger.idempotency_key.required")
    assert client.as_(VIEWER).post("/v1/ledger/journal-proposals", expense(), headers=key()).status == 403


@pytest.mark.parametrize("body,status,code", [
    ({"memo": "x", "lines": [{"account_id": "6602", "side": "debit", "amount": "1.00"},
                             {"account_id": "1002", "side": "credit", "amount": "0.99"}]},
     422, "ledger.entry.unbalanced"),
    (expense("1.005"), 422, "ledger.line.amount.scale"),
    ({"memo": "x", "lines": [{"account_id": "nope", "side": "debit", "amount": "1.00"},
                             {"account_id": "1002", "side": "credit", "amount": "1.00"}]},
     404, "ledger.account.not_found"),
])
def test_a_bad_journal_is_refused_with_a_stable_code(client, body, status, code):
    res = client.as_(FINANCE).post("/v1/ledger/journal-proposals", body, headers=key())
    assert (res.status, res.code) == (status, code)


def test_reversing_a_manual_journal_is_proposed_and_posts_once_another_user_approves(client):
    finance, admin = client.as_(FINANCE), client.as_(ADMIN)
    posted = journal(client, expense("3.00"))
    headers = key()
    proposed = finance.post(f"/v1/ledger/entries/{posted['id']}/reverse", {"memo": "posted twice"}, headers=headers)
    assert proposed.status == 202, proposed.body
    assert (proposed.body["kind"], proposed.body["status"], proposed.body["reverses"]) == (
        "reversal", "pending", posted["id"])
    assert [ln["side"] for ln in proposed.body["lines"]] != [ln["side"] for ln in posted["lines"]]
    # Nothing is reversed yet, and a retry under the key is the same proposal
    assert finance.get(f"/v1/ledger/entries/{posted['id']}").body["reversed_by"] is None
    retry = finance.post(f"/v1/ledger/entries/{posted['id']}/reverse", {"memo": "posted twice"}, headers=headers)
    assert (retry.status, retry.body["id"]) == (202, proposed.body["id"])
    pid = proposed.body["id"]
    own = finance.post(f"/v1/ledger/journal-proposals/{pid}/approve")
    assert (own.status, own.code) == (403, "ledger.maker_checker")
    reversal = admin.post(f"/v1/ledger/journal-proposals/{pid}/approve")
    assert reversal.status == 201 and reversal.body["kind"] == "reversal"
    assert reversal.body["reverses"] == posted["id"]
    assert admin.post(f"/v1/ledger/journal-proposals/{pid}/approve").body["id"] == reversal.body["id"]
    assert finance.get(f"/v1/ledger/entries/{posted['id']}").body["reversed_by"] == reversal.body["id"]
    again = finance.post(f"/v1/ledger/entries/{posted['id']}/reverse", {"memo": "again"}, headers=key())
    assert (again.status, again.code) == (409, "ledger.entry.already_reversed")


def test_a_journal_is_reversed_at_most_once_even_with_two_proposals(client):
    finance, admin = client.as_(FINANCE), client.as_(ADMIN)
    posted = journal(client, expense("2.00"))
    first = finance.post(f"/v1/ledger/entries/{posted['id']}/reverse", {"memo": "one"}, headers=key()).body
    second = finance.post(f"/v1/ledger/entries/{posted['id']}/reverse", {"memo": "two"}, headers=key()).body
    assert admin.post(f"/v1/ledger/journal-proposals/{first['id']}/approve").status == 201
    before = finance.get("/v1/ledger/accounts/6602").body["balance"]
    late = admin.post(f"/v1/ledger/journal-proposals/{second['id']}/approve")
    assert (late.status, late.code) == (409, "ledger.entry.already_reversed")
    assert finance.get("/v1/ledger/accounts/6602").body["balance"] == before
    assert client.as_(VIEWER).get(f"/v1/ledger/journal-proposals/{second['id']}").body["status"] == "pending"


def test_an_entry_another_context_posted_is_not_reversed_through_the_ledger(client):
    from chalicelib.ledger import domain, service, wiring
    from chalicelib.shared import clock
    from chalicelib.shared.tenant import Role, TenantContext, TenantKind

    ctx = TenantContext("demo-lending", TenantKind.LENDING, "servicing-test", "servicing-test",
                        frozenset({Role.FINANCE}))
    on = clock.business_date(ctx)
    owned = service.post_entry(ctx, domain.EntryDraft(
        kind=domain.EntryKind.ACCRUAL, booked_on=on, idempotency_key=f"owned:{uuid.uuid4().hex}",
        memo="an accrual servicing posted", lines=(domain.line("6602", domain.Side.DEBIT, "5.00", "CNY"),
                                                    domain.line("1002", domain.Side.CREDIT, "5.00", "CNY"))),
        store=wiring.ledger_store()).entry
    finance = client.as_(FINANCE)
    before = finance.get("/v1/ledger/journal-proposals?limit=200").body["items"]
    refused = finance.post(f"/v1/ledger/entries/{owned.id}/reverse", {"memo": "undo it"}, headers=key())
    assert (refused.status, refused.code) == (409, "ledger.entry.owned")
    assert refused.body["error"]["details"]["kind"] == "accrual"
    assert finance.get(f"/v1/ledger/entries/{owned.id}").body["reversed_by"] is None
    assert finance.get("/v1/ledger/journal-proposals?limit=200").body["items"] == before


def test_the_statement_pages_with_a_running_balance(client):
    finance = client.as_(FINANCE)
    for amount in ("1.00", "2.00", "3.00"):
        journal(client, expense(amount))
    first = finance.get("/v1/ledger/accounts/6602/entries?limit=2")
    assert first.status == 200 and len(first.body["items"]) == 2 and first.body["next"]
    rest = finance.get(f"/v1/ledger/accounts/6602/entries?limit=200&next={first.body['next']}")
    rows = first.body["items"] + rest.body["items"]
    assert [r["seq"] for r in rows] == list(range(1, len(rows) + 1))
    assert rows[-1]["balance_after"] == finance.get("/v1/ledger/accounts/6602").body["balance"]


def test_the_trial_balance_balances_for_a_date(client):
    today = client.as_(VIEWER).get("/v1/business-date").body["business_date"]
    res = client.as_(VIEWER).get(f"/v1/ledger/trial-balance?date={today}")
    assert res.status == 200 and res.body["balanced"] and res.body["date"] == today
    [cny] = res.body["totals"]
    assert cny["currency"] == "CNY" and cny["debit"] == cny["credit"]
    assert client.as_(VIEWER).get("/v1/ledger/trial-balance").status == 422
    assert client.as_(VIEWER).get("/v1/ledger/trial-balance?date=2026-13-01").status == 422


def test_another_subsidiary_cannot_see_or_reverse_this_ones_entries(client):
    posted = journal(client, expense("4.00"))
    other = client.as_(OTHER_FINANCE)
    assert other.get(f"/v1/ledger/entries/{posted['id']}").code == "ledger.entry.not_found"
    assert other.post(f"/v1/ledger/entries/{posted['id']}/reverse", {"memo": "x"},
                      headers=key()).code == "ledger.entry.not_found"
    # The same code names the other subsidiary's own account, which this entry never touched.
    statement = other.get("/v1/ledger/accounts/6602/entries?limit=200")
    assert statement.status == 200
    assert posted["id"] not in {row["entry_id"] for row in statement.body["items"]}


def test_a_proposed_journal_entry_needs_a_second_person_to_post(client):
    maker, checker = client.as_(FINANCE), client.as_("tenant-admin@demo-lending")
    proposed = maker.post("/v1/ledger/journal-proposals", expense("6.00", "accrued audit fee"), headers=key())
    assert proposed.status == 201 and proposed.body["status"] == "pending"
    pid = proposed.body["id"]
    own = maker.post(f"/v1/ledger/journal-proposals/{pid}/approve")
    assert (own.status, own.code) == (403, "ledger.maker_checker")
    approved = checker.post(f"/v1/ledger/journal-proposals/{pid}/approve")
    assert approved.status == 201 and approved.body["lines"][0]["amount"] == "6.00"
    assert checker.post(f"/v1/ledger/journal-proposals/{pid}/approve").status == 200
    view = client.as_(VIEWER).get(f"/v1/ledger/journal-proposals/{pid}").body
    assert view["status"] == "approved" and view["entry_id"] == approved.body["id"]
    assert client.as_(OTHER_FINANCE).get(f"/v1/ledger/journal-proposals/{pid}").code == "ledger.proposal.not_found"


def test_checkers_find_proposals_in_the_pending_queue_until_decided(client):
    maker, checker = client.as_(FINANCE), client.as_("tenant-admin@demo-lending")
    first = maker.post("/v1/ledger/journal-proposals", expense("3.00", "queue one"), headers=key()).body["id"]
    second = maker.post("/v1/ledger/journal-proposals", expense("4.00", "queue two"), headers=key()).body["id"]
    queue = checker.get("/v1/ledger/journal-proposals?limit=200")
    assert queue.status == 200
    ids = [p["id"] for p in queue.body["items"]]
    assert ids.index(second) < ids.index(first)  # newest first
    assert all(p["status"] == "pending" for p in queue.body["items"])
    listed = next(p for p in queue.body["items"] if p["id"] == second)
    assert listed["lines"][0]["amount"] == "4.00" and listed["memo"] == "queue two"

    page = checker.get("/v1/ledger/journal-proposals?limit=1")
    assert len(page.body["items"]) == 1 and page.body["next"]
    assert checker.get(f"/v1/ledger/journal-proposals?limit=1&next={page.body['next']}").body["items"][0]["id"] \
        != page.body["items"][0]["id"]

    checker.post(f"/v1/ledger/journal-proposals/{second}/approve")
    checker.post(f"/v1/ledger/journal-proposals/{first}/reject", {"reason": "duplicate"})
    pending = {p["id"] for p in checker.get("/v1/ledger/journal-proposals?limit=200").body["items"]}
    assert first not in pending and second not in pending
    approved = client.as_(VIEWER).get("/v1/ledger/journal-proposals?status=approved&limit=200").body["items"]
    assert second in {p["id"] for p in approved}
    rejected = checker.get("/v1/ledger/journal-proposals?status=rejected&limit=200").body["items"]
    assert first in {p["id"] for p in rejected}

    bogus = checker.get("/v1/ledger/journal-proposals?status=bogus")
    assert (bogus.status, bogus.code) == (422, "ledger.status.invalid")
    assert client.as_(OFFICER).get("/v1/ledger/journal-proposals").status == 403
    other = client.as_(OTHER_FINANCE)
    for status in ("pending", "approved", "rejected"):
        seen = {p["id"] for p in other.get(f"/v1/ledger/journal-proposals?status={status}&limit=200").body["items"]}
        assert not seen & {first, second}
    assert other.get(f"/v1/ledger/journal-proposals?next={page.body['next']}").code == "request.cursor.invalid"


def test_one_person_holding_proposer_and_approver_roles_never_approves_its_own_journal(client):
    # Given a user who is finance and tenant admin at once (both may approve; finance proposes)
    from tests.builders import cognito_user

    both = client.as_(cognito_user("demo-lending", ["finance", "tenant-admin"], prefix="finance-admin"))
    others = client.as_(FINANCE).post("/v1/ledger/journal-proposals", expense("2.00", "sod: others"), headers=key())
    assert both.post(f"/v1/ledger/journal-proposals/{others.body['id']}/approve").status == 201  # roles allow it
    own = both.post("/v1/ledger/journal-proposals", expense("3.00", "sod: own"), headers=key())
    assert own.status == 201, own.body
    r = both.post(f"/v1/ledger/journal-proposals/{own.body['id']}/approve")
    assert (r.status, r.code) == (403, "ledger.maker_checker")
    assert client.as_(VIEWER).get(f"/v1/ledger/journal-proposals/{own.body['id']}").body["status"] == "pending"
