"""Every illegal transition is 409 naming the current status; segregation of duties is 403."""
from __future__ import annotations

import pytest

from tests.builders import LOAN_PRODUCT, adult_individual, attach_checklist, cognito_user, loan_application
from tests.integration.origination.flows import Desk, ok

# The requests that move an application, and the statuses from which each is legal.
ACTIONS = {
    "submit": ("post", "submit", {}, {"draft", "returned"}),
    "withdraw": ("post", "withdraw", {}, {"draft", "risk_checked", "first_review", "second_review", "returned"}),
    "first-review": ("post", "first-review", {"decision": "approve"}, {"risk_checked", "first_review"}),
    "second-review": ("post", "second-review", {"decision": "approve"}, {"second_review"}),
    "issue-contract": ("post", "issue-contract", {}, {"approved"}),
    "sign": ("post", "sign", {}, {"contract_issued"}),
    "modify": ("patch", "", {"terms": {"term": 6}}, {"draft", "returned"}),
    "delete": ("delete", "", None, {"draft", "returned"}),
}
ROLE_FOR = {"first-review": "first-reviewer", "second-review": "second-reviewer"}


@pytest.fixture(scope="module")
def states(shared_api) -> dict[str, str]:
    """One demo-lending application resting in each status a request can meet."""
    desk = Desk(shared_api, "demo-lending")
    out = {"draft": desk.loan_draft(), "risk_checked": desk.loan_risk_checked()}
    first = desk.loan_risk_checked()
    ok(desk.as_("first-reviewer").post(desk.path(first, "claim")))
    out["first_review"] = first
    out["second_review"] = desk.loan_in_second_review()
    out["approved"] = desk.loan_approved()
    issued = desk.loan_approved()
    desk.contract_issued(issued)
    out["contract_issued"] = issued
    signed = desk.loan_approved()
    desk.signed(signed)
    out["signed"] = signed
    returned = desk.loan_risk_checked()
    ok(desk.review(returned, "first", "return", "bring last year's tax return"))
    out["returned"] = returned
    rejected = desk.loan_risk_checked()
    ok(desk.review(rejected, "first", "reject", "income not credible"))
    out["rejected"] = rejected
    withdrawn = desk.loan_draft()
    ok(desk.officer.post(desk.path(withdrawn, "withdraw"), {"reason": "customer changed their mind"}))
    out["withdrawn"] = withdrawn
    for status, app_id in out.items():
        assert desk.get(app_id)["status"] == status
    return out


ILLEGAL = [(status, action) for action, (_, _, _, legal) in ACTIONS.items()
           for status in ("draft", "risk_checked", "first_review", "second_review", "approved", "contract_issued",
                          "signed", "returned", "rejected", "withdrawn")
           if status not in legal]


@pytest.mark.parametrize("status,action", ILLEGAL)
def test_an_illegal_transition_is_409_naming_the_current_status(shared_api, states, status, action):
    desk = Desk(shared_api, "demo-lending")
    method, suffix, body, _ = ACTIONS[action]
    who = desk.as_(ROLE_FOR.get(action, "loan-officer"))
    r = who.call(method.upper(), desk.path(states[status], suffix), body)
    assert r.status == 409, (status, action, r.body)
    assert r.code == "origination.application.illegal_transition"
    assert r.body["error"]["details"]["status"] == status
    assert desk.get(states[status])["status"] == status  # nothing moved


def test_a_submitted_application_waits_for_its_deferred_risk_check(shared_api):
    from chalicelib.origination.applications import service
    from tests.integration.origination.conftest import staff_context

    desk = Desk(shared_api, "demo-lending")
    app_id = desk.loan_draft()
    attach_checklist(desk.officer, app_id, LOAN_PRODUCT)
    officer = staff_context("demo-lending", "loan-officer")
    assert service.submit_application(officer, app_id, run_risk_check=False).status.value == "submitted"
    r = desk.review(app_id, "first")
    assert (r.status, r.body["error"]["details"]["status"]) == (409, "submitted")
    assert ok(desk.as_("first-reviewer").post(desk.path(app_id, "risk-check")))["status"] == "risk_checked"


def test_a_draft_is_changed_and_deleted_by_its_officer(shared_api):
    desk = Desk(shared_api, "demo-lending")
    app_id = desk.loan_draft()
    changed = ok(desk.officer.call("PATCH", desk.path(app_id), {"terms": {"principal": "20000.00", "term": 6}}))
    assert (changed["terms"]["principal"], changed["terms"]["term"], changed["amount"]) == ("20000.00", 6, "20000.00")
    bad = desk.officer.call("PATCH", desk.path(app_id), {"terms": {"residual_value": "1.00"}})
    assert (bad.status, bad.code) == (422, "origination.application.terms.residual_value.invalid")
    assert desk.officer.call("DELETE", desk.path(app_id)).status == 204
    assert desk.officer.get(desk.path(app_id)).status == 404


def test_a_returned_application_is_changed_and_goes_through_risk_and_review_again(shared_api):
    desk = Desk(shared_api, "demo-lending")
    app_id = desk.loan_risk_checked()
    returned = ok(desk.review(app_id, "first", "return", "reduce the amount"))
    assert (returned["status"], returned["assignee"]) == ("returned", "loan-officer@demo-lending")
    ok(desk.officer.call("PATCH", desk.path(app_id), {"principal": "25000.00"}))
    again = ok(desk.officer.post(desk.path(app_id, "submit")))
    assert (again["status"], again["amount"]) == ("risk_checked", "25000.00")
    assert ok(desk.review(app_id, "first"))["status"] == "approved"
    assert [r["decision"] for r in desk.get(app_id)["reviews"]] == ["return", "approve"]


def test_rejecting_needs_a_reason(shared_api):
    desk = Desk(shared_api, "demo-lending")
    app_id = desk.loan_risk_checked()
    r = desk.as_("first-reviewer").post(desk.path(app_id, "first-review"), {"decision": "reject"})
    assert (r.status, r.code) == (422, "origination.review.note.required")
    rejected = ok(desk.review(app_id, "first", "reject", "employer could not be verified"))
    assert rejected["rejection_reason"] == "employer could not be verified"


def test_the_officer_who_made_an_application_cannot_review_it(shared_api):
    # Given a user who is both loan officer and first reviewer, and makes an application
    maker = cognito_user("demo-lending", ["loan-officer", "first-reviewer"], prefix="maker")
    desk = Desk(shared_api, "demo-lending")
    customer = desk.customer(adult_individual())
    app_id = ok(shared_api.as_(maker).post("/v1/applications", loan_application(customer)), 201)["id"]
    attach_checklist(shared_api.as_(maker), app_id, LOAN_PRODUCT)
    ok(shared_api.as_(maker).post(desk.path(app_id, "submit")))
    for action, body in (("claim", {}), ("first-review", {"decision": "approve"})):
        r = shared_api.as_(maker).post(desk.path(app_id, action), body)
        assert (r.status, r.code) == (403, "origination.segregation_of_duties"), action
    assert desk.get(app_id)["status"] == "risk_checked"


def test_the_first_reviewer_cannot_also_be_the_second(shared_api):
    both = cognito_user("demo-lending", ["first-reviewer", "second-reviewer"], prefix="reviewer")
    desk = Desk(shared_api, "demo-lending")
    app_id = desk.loan_risk_checked(principal="80000.00")
    assert ok(desk.review(app_id, "first", user=both))["status"] == "second_review"
    r = shared_api.as_(both).post(desk.path(app_id, "second-review"), {"decision": "approve"})
    assert (r.status, r.code) == (403, "origination.segregation_of_duties")
    claim = shared_api.as_(both).post(desk.path(app_id, "claim"))
    assert (claim.status, claim.code) == (403, "origination.segregation_of_duties")
    assert ok(desk.review(app_id, "second"))["status"] == "approved"


# --- segregation of duties holds on the person (the token's sub), whatever roles it holds ------------
#
# Each user below holds the maker's role and the checker's role at once, so the role check passes
# and only the segregation rule can refuse. Each test also shows the same user checking someone
# else's application, which the roles allow.


def _made_by(api, user: str) -> str:
    """A risk-checked demo-lending loan, opened, documented and submitted by ``user``."""
    desk = Desk(api, "demo-lending")
    customer = desk.customer(adult_individual())
    app_id = ok(api.as_(user).post("/v1/applications", loan_application(customer)), 201)["id"]
    attach_checklist(api.as_(user), app_id, LOAN_PRODUCT)
    assert ok(api.as_(user).post(desk.path(app_id, "submit")))["status"] == "risk_checked"
    return app_id


def test_one_person_with_officer_and_reviewer_roles_reviews_others_work_but_never_its_own(shared_api):
    both = cognito_user("demo-lending", ["loan-officer", "first-reviewer"], prefix="officer-reviewer")
    desk = Desk(shared_api, "demo-lending")
    someone_elses = desk.loan_risk_checked()
    assert ok(desk.review(someone_elses, "first", user=both))["status"] == "approved"  # the roles allow it
    own = _made_by(shared_api, both)
    r = desk.review(own, "first", user=both)
    assert (r.status, r.code) == (403, "origination.segregation_of_duties")
    assert desk.get(own)["status"] == "risk_checked"


def test_an_editor_of_a_returned_application_is_a_maker_and_cannot_review_it(shared_api):
    # Given an application made by the demo officer, returned, then changed and resubmitted by a
    # user who is both loan officer and first reviewer
    editor = cognito_user("demo-lending", ["loan-officer", "first-reviewer", "second-reviewer"], prefix="editor")
    desk = Desk(shared_api, "demo-lending")
    app_id = desk.loan_risk_checked()
    ok(desk.review(app_id, "first", "return", "reduce the amount"))
    ok(shared_api.as_(editor).call("PATCH", desk.path(app_id), {"principal": "25000.00"}))
    ok(desk.officer.post(desk.path(app_id, "submit")))  # the officer resubmits: the editor is still a maker
    # When the editor reviews it, at either stage, the segregation rule refuses
    for action, body in (("claim", {}), ("first-review", {"decision": "approve"})):
        r = shared_api.as_(editor).post(desk.path(app_id, action), body)
        assert (r.status, r.code) == (403, "origination.segregation_of_duties"), action
    assert desk.get(app_id)["status"] == "risk_checked"


def test_a_submitter_who_did_not_open_the_application_cannot_review_it(shared_api):
    submitter = cognito_user("demo-lending", ["loan-officer", "first-reviewer"], prefix="submitter")
    desk = Desk(shared_api, "demo-lending")
    app_id = desk.loan_draft()
    attach_checklist(desk.officer, app_id, LOAN_PRODUCT)
    ok(shared_api.as_(submitter).post(desk.path(app_id, "submit")))
    r = desk.review(app_id, "first", user=submitter)
    assert (r.status, r.code) == (403, "origination.segregation_of_duties")


def test_the_officer_cannot_be_the_second_reviewer_either(shared_api):
    officer_second = cognito_user("demo-lending", ["loan-officer", "second-reviewer"], prefix="officer-second")
    desk = Desk(shared_api, "demo-lending")
    customer = desk.customer(adult_individual())
    maker = shared_api.as_(officer_second)
    app_id = ok(maker.post("/v1/applications", loan_application(customer, principal="80000.00")), 201)["id"]
    attach_checklist(maker, app_id, LOAN_PRODUCT)
    ok(maker.post(desk.path(app_id, "submit")))
    assert ok(desk.review(app_id, "first"))["status"] == "second_review"
    for action, body in (("claim", {}), ("second-review", {"decision": "approve"})):
        r = maker.post(desk.path(app_id, action), body)
        assert (r.status, r.code) == (403, "origination.segregation_of_duties"), action
    assert desk.get(app_id)["status"] == "second_review"
