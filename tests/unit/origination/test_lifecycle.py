"""The lifecycle table: one place decides what may happen in each status."""
from __future__ import annotations

import pytest

from chalicelib.origination.applications.lifecycle import (
    TERMINAL,
    TRANSITIONS,
    Action,
    Status,
    allowed_actions,
    next_status,
)
from chalicelib.shared.errors import Conflict


def reachable_from(start: Status) -> set[Status]:
    seen, frontier = {start}, [start]
    while frontier:
        s = frontier.pop()
        for (source, _), target in TRANSITIONS.items():
            if source is s and target not in seen:
                seen.add(target)
                frontier.append(target)
    return seen


def test_every_status_is_reachable_from_draft():
    assert reachable_from(Status.DRAFT) == set(Status)


def test_terminal_statuses_lead_nowhere_else():
    for (source, action), target in TRANSITIONS.items():
        if source in TERMINAL:
            assert target is source, (source, action)


@pytest.mark.parametrize("status", list(Status))
def test_modify_and_delete_only_in_draft_and_returned(status):
    editable = status in (Status.DRAFT, Status.RETURNED)
    assert (("modify" in allowed_actions(status)), ("delete" in allowed_actions(status))) == (editable, editable)


@pytest.mark.parametrize("status", [s for s in Status if s not in (Status.DRAFT, Status.RETURNED)])
def test_submitting_from_anywhere_but_draft_or_returned_is_409_naming_the_status(status):
    with pytest.raises(Conflict) as err:
        next_status(status, Action.SUBMIT)
    assert err.value.code == "origination.application.illegal_transition"
    assert err.value.details["status"] == status.value
    assert err.value.details["action"] == "submit"


def test_withdrawal_is_only_before_a_decision():
    allowed = {s for s in Status if (s, Action.WITHDRAW) in TRANSITIONS}
    assert allowed == {Status.DRAFT, Status.SUBMITTED, Status.RISK_CHECKED, Status.FIRST_REVIEW,
                       Status.SECOND_REVIEW, Status.RETURNED}


def test_only_an_unsigned_approval_expires():
    assert {s for s in Status if (s, Action.EXPIRE) in TRANSITIONS} == {Status.APPROVED, Status.CONTRACT_ISSUED}


def test_a_returned_application_goes_back_through_risk_and_review():
    assert next_status(Status.RETURNED, Action.SUBMIT) is Status.SUBMITTED
    assert next_status(Status.SUBMITTED, Action.PASS_RISK) is Status.RISK_CHECKED
