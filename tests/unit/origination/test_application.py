"""The application aggregate: reviews, segregation of duties, invoices, expiry, disbursement."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from chalicelib.origination.applications.domain import ConfirmationState, Decision, Kind
from chalicelib.origination.applications.lifecycle import Status
from chalicelib.shared.errors import Conflict, Forbidden, RuleViolation
from tests.unit.origination.builders import (
    FIRST,
    OFFICER,
    OTHER_FIRST,
    SECOND,
    approved,
    at,
    draft,
    in_second_review,
    invoice,
    priced,
    risk_checked,
)


def test_submission_pins_the_version_keeps_the_quote_and_unassigns():
    app = draft()
    app.submit(OFFICER, at(3), priced())
    assert (app.status, app.pin.version, app.round, app.assignee) == (Status.SUBMITTED, 3, 1, None)
    assert app.quote == {"installments": [], "totals": {}}


def test_submission_without_a_required_document_lists_what_is_missing():
    app = draft()
    with pytest.raises(RuleViolation) as err:
        app.submit(OFFICER, at(3), priced(documents=("ID_CARD", "INCOME_PROOF")))
    assert err.value.code == "origination.application.documents_missing"
    assert err.value.details["missing"] == ["INCOME_PROOF"]


def test_a_declined_risk_check_rejects_with_the_rules_that_declined():
    app = draft()
    app.submit(OFFICER, at(3), priced())
    app.record_risk("decline", ({"rule": "blacklist", "outcome": "decline", "reason": "listed"},), at(3))
    assert app.status is Status.REJECTED
    assert "blacklist" in app.rejection_reason


def test_a_referral_is_flagged_for_reviewers():
    assert risk_checked("refer").risk_flag == "refer"
    assert risk_checked("pass").risk_flag is None


def test_the_first_reviewer_takes_a_waiting_application_and_approves_it():
    app = risk_checked()
    app.first_review(Decision.APPROVE, None, FIRST, at(5))
    assert app.status is Status.APPROVED
    assert [e.action for e in app.pending][-3:] == ["start_first_review", "first_review", "approve_first"]
    assert app.sign_by == at(5).date() + timedelta(days=7)
    assert app.assignee == OFFICER.username


def test_an_amount_above_the_threshold_goes_to_second_review():
    app = risk_checked(amount="80000.00")
    app.first_review(Decision.APPROVE, "ok", FIRST, at(5))
    assert app.status is Status.SECOND_REVIEW


def test_the_officer_cannot_review_their_own_application():
    app = risk_checked()
    with pytest.raises(Forbidden) as err:
        app.first_review(Decision.APPROVE, None, OFFICER, at(5))
    assert err.value.code == "origination.segregation_of_duties"
    assert app.status is Status.RISK_CHECKED  # nothing changed


def test_the_first_reviewer_cannot_be_the_second():
    app = in_second_review()
    with pytest.raises(Forbidden) as err:
        app.second_review(Decision.APPROVE, None, FIRST, at(6))
    assert err.value.code == "origination.segregation_of_duties"
    app.second_review(Decision.APPROVE, None, SECOND, at(6))
    assert app.status is Status.APPROVED


def test_the_officer_cannot_be_the_second_reviewer_either():
    with pytest.raises(Forbidden):
        in_second_review().second_review(Decision.APPROVE, None, OFFICER, at(6))


def test_rejecting_or_returning_needs_a_note():
    with pytest.raises(RuleViolation) as err:
        risk_checked().first_review(Decision.REJECT, "  ", FIRST, at(5))
    assert err.value.code == "origination.review.note.required"


def test_a_returned_application_is_reviewed_again_in_a_new_round_by_anyone_but_its_makers():
    app = in_second_review()
    app.second_review(Decision.RETURN, "need bank statements", SECOND, at(6))
    assert (app.status, app.assignee) == (Status.RETURNED, OFFICER.username)
    app.submit(OFFICER, at(7), priced(second_review_required=True, above=None))
    app.record_risk("pass", (), at(7))
    app.first_review(Decision.APPROVE, "now complete", OTHER_FIRST, at(8))
    # FIRST reviewed only in round 1, so in round 2 they may be the second reviewer.
    app.second_review(Decision.APPROVE, "ok", FIRST, at(9))
    assert app.status is Status.APPROVED and app.round == 2


def test_approval_waits_for_every_invoice_to_be_confirmed():
    app = draft(Kind.FACTORING, invoices=(invoice("pending"),))
    app.submit(OFFICER, at(3), priced())
    app.record_risk("pass", (), at(3))
    with pytest.raises(RuleViolation) as err:
        app.first_review(Decision.APPROVE, None, FIRST, at(5))
    assert err.value.code == "origination.invoice.unconfirmed"
    app.invoices = (invoice("confirmed"),)
    app.first_review(Decision.APPROVE, None, FIRST, at(5))
    assert app.status is Status.APPROVED
    assert app.invoices[0].confirmation.state is ConfirmationState.CONFIRMED


def test_an_approval_not_signed_within_the_window_expires():
    app = approved()
    assert not app.is_stale(app.sign_by)
    assert app.is_stale(app.sign_by + timedelta(days=1))
    app.expire(at(10), app.sign_by + timedelta(days=1))
    assert app.status is Status.EXPIRED


def test_disbursement_needs_a_signed_contract_with_that_id():
    app = approved()
    with pytest.raises(Conflict) as err:
        app.disburse(OFFICER, at(9), "ctr_x", date(2026, 3, 3), None)
    assert err.value.details["status"] == "approved"
