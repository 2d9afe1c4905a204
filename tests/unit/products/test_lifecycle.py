"""The version lifecycle: one transition table, maker-checker, one active version, a diff for the approver."""
from __future__ import annotations

from datetime import timedelta

import pytest

from chalicelib.products.domain import (
    TRANSITIONS,
    Action,
    Actor,
    Product,
    VersionStatus,
    diff,
)
from chalicelib.products.definition import ProductKind
from chalicelib.shared.errors import Conflict, Forbidden, RuleViolation
from chalicelib.shared.tenant import Role
from tests.unit.products.builders import AT, CHECKER, MAKER, definition

S, A = VersionStatus, Action
ADMIN_ROLES = frozenset({Role.TENANT_ADMIN})
PM_ROLES = frozenset({Role.PRODUCT_MANAGER})
OTHER_ADMIN = Actor("user-other-admin", "tenant-admin-2@demo-lending")

ROUTE_TO = {
    S.DRAFT: [],
    S.SUBMITTED: [A.SUBMIT],
    S.APPROVED: [A.SUBMIT, A.APPROVE],
    S.ACTIVE: [A.SUBMIT, A.APPROVE, A.ACTIVATE],
    S.SUSPENDED: [A.SUBMIT, A.APPROVE, A.ACTIVATE, A.SUSPEND],
    S.RETIRED: [A.SUBMIT, A.APPROVE, A.RETIRE],
}


def new_product() -> Product:
    return Product.create("CONSUMER-01", ProductKind.LOAN, definition(), MAKER, AT)


def step(product: Product, number: int, action: Action, reason: str | None = "because"):
    actor, roles = (MAKER, PM_ROLES) if action is A.SUBMIT else (CHECKER, ADMIN_ROLES)
    return product.apply(number, action, actor, roles, AT, reason)


def product_in(status: VersionStatus) -> Product:
    product = new_product()
    for action in ROUTE_TO[status]:
        step(product, 1, action)
    assert product.versions[1].status is status
    return product


@pytest.mark.parametrize("status", list(S))
@pytest.mark.parametrize("action", [a for a in A if a is not A.CREATE])
def test_the_transition_table_decides_every_status_and_action(status, action):
    product = product_in(status)
    expected = TRANSITIONS.get((status, action))
    if expected is None:
        with pytest.raises(Conflict) as caught:
            step(product, 1, action)
        assert caught.value.code == "products.version.illegal_transition"
        assert caught.value.details["from"] == status.value and caught.value.details["action"] == action.value
    else:
        assert step(product, 1, action).status is expected


def test_every_transition_is_recorded_with_who_when_from_to_and_why():
    product = new_product()
    step(product, 1, A.SUBMIT, "ready")
    step(product, 1, A.APPROVE, None)
    assert [(t.action, t.from_status, t.to_status, t.actor, t.reason) for t in product.pending] == [
        (A.CREATE, None, S.DRAFT, MAKER, None),
        (A.SUBMIT, S.DRAFT, S.SUBMITTED, MAKER, "ready"),
        (A.APPROVE, S.SUBMITTED, S.APPROVED, CHECKER, None),
    ]


def test_the_author_never_approves_their_own_version():
    product = Product.create("CONSUMER-01", ProductKind.LOAN, definition(), CHECKER, AT)
    product.apply(1, A.SUBMIT, CHECKER, ADMIN_ROLES, AT)
    with pytest.raises(Forbidden) as caught:
        product.apply(1, A.APPROVE, CHECKER, ADMIN_ROLES, AT)
    assert caught.value.code == "products.maker_checker"
    assert product.apply(1, A.APPROVE, OTHER_ADMIN, ADMIN_ROLES, AT).status is S.APPROVED


def test_whoever_edits_a_draft_becomes_an_author():
    product = new_product()
    product.revise_draft(1, definition(channels=["console", "partner_api"]), CHECKER, AT)
    step(product, 1, A.SUBMIT)
    with pytest.raises(Forbidden):
        step(product, 1, A.APPROVE)
    assert [a.username for a in product.versions[1].authors] == [MAKER.username, CHECKER.username]


def test_a_product_manager_cannot_approve():
    product = product_in(S.SUBMITTED)
    with pytest.raises(Forbidden) as caught:
        product.apply(1, A.APPROVE, OTHER_ADMIN, PM_ROLES, AT)
    assert caught.value.code == "auth.role.forbidden"


def test_rejection_needs_a_reason_and_returns_the_version_to_draft_with_it():
    product = product_in(S.SUBMITTED)
    with pytest.raises(RuleViolation) as caught:
        step(product, 1, A.REJECT, "  ")
    assert caught.value.code == "products.reason.required"
    rejected = step(product, 1, A.REJECT, "spread too wide")
    assert (rejected.status, rejected.last_rejection.reason, rejected.submitted) == (S.DRAFT, "spread too wide", None)


def test_a_submitted_version_is_immutable():
    product = product_in(S.SUBMITTED)
    with pytest.raises(Conflict) as caught:
        product.revise_draft(1, definition(), MAKER, AT)
    assert (caught.value.code, caught.value.details["status"]) == ("products.version.immutable", "submitted")


def test_activating_a_version_retires_the_active_one_and_records_both():
    product = product_in(S.ACTIVE)
    product.new_draft(MAKER, AT, from_version=1)
    step(product, 2, A.SUBMIT)
    step(product, 2, A.APPROVE)
    product.pending.clear()

    step(product, 2, A.ACTIVATE, None)

    assert {n: v.status for n, v in product.versions.items()} == {1: S.RETIRED, 2: S.ACTIVE}
    assert product.active_version == 2
    assert [(t.version, t.action, t.reason) for t in product.pending] == [
        (1, A.RETIRE, "superseded by version 2"), (2, A.ACTIVATE, None)]
    assert product.changed == {1, 2}


def test_reactivating_a_suspended_version_retires_the_one_active_meanwhile():
    product = product_in(S.SUSPENDED)
    product.new_draft(MAKER, AT)
    for action in (A.SUBMIT, A.APPROVE, A.ACTIVATE):
        step(product, 2, action)
    step(product, 1, A.ACTIVATE)
    assert {n: v.status for n, v in product.versions.items()} == {1: S.ACTIVE, 2: S.RETIRED}


def test_a_new_draft_copies_the_version_it_is_made_from():
    product = product_in(S.ACTIVE)
    later = AT + timedelta(days=1)
    draft = product.new_draft(CHECKER, later, from_version=1)
    assert (draft.number, draft.status, draft.based_on, draft.authors) == (2, S.DRAFT, 1, (CHECKER,))
    assert draft.definition == product.versions[1].definition


@pytest.mark.parametrize("statuses,expected", [
    ([S.DRAFT], S.DRAFT),
    ([S.RETIRED, S.SUBMITTED], S.SUBMITTED),
    ([S.ACTIVE, S.DRAFT], S.ACTIVE),
    ([S.SUSPENDED, S.APPROVED], S.SUSPENDED),
    ([S.RETIRED, S.RETIRED], S.RETIRED),
])
def test_the_products_status_is_what_the_shelf_shows(statuses, expected):
    product = new_product()
    for n, status in enumerate(statuses, start=1):
        product.versions[n] = product.versions[1].__class__(**{**product.versions[1].__dict__, "number": n,
                                                               "status": status})
    assert product.status is expected


def test_the_diff_names_each_changed_parameter_by_its_path():
    before = definition(fees=[{"code": "ARRANGEMENT", "name": {"zh-CN": "安排费", "en-US": "Arrangement"},
                               "timing": "upfront", "basis": "percent", "rate": "0.01"}])
    after = definition(terms={"amount": {"max": "300000.00"}}, channels=["console", "partner_api"],
                       fees=[{"code": "ARRANGEMENT", "name": {"zh-CN": "安排费", "en-US": "Arrangement"},
                              "timing": "upfront", "basis": "percent", "rate": "0.005"}],
                       risk={"max_debt_to_income": None})
    assert [(c.field, c.before, c.after) for c in diff(before, after)] == [
        ("channels", ["console"], ["console", "partner_api"]),
        ("fees.ARRANGEMENT.rate", "0.01", "0.005"),
        ("risk.max_debt_to_income", "0.5", None),
        ("terms.amount.max", "200000.00", "300000.00"),
    ]
    assert diff(before, before) == []
