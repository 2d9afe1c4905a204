"""The DynamoDB product store: tenant isolation, optimistic locking, one transaction per change."""
from __future__ import annotations

import pytest

from chalicelib.products import service
from chalicelib.products.domain import Action, VersionStatus
from chalicelib.products.store import ProductStore
from chalicelib.shared.errors import Conflict, MalformedRequest
from chalicelib.shared.tenant import Role
from tests.unit.products.builders import AT, context, definition_data, product_code

A_PM, A_ADMIN = context(Role.PRODUCT_MANAGER), context(Role.TENANT_ADMIN)
B_PM = context(Role.PRODUCT_MANAGER, tenant_id="demo-leasing")
ADMIN_ROLES = frozenset({Role.TENANT_ADMIN})


@pytest.fixture()
def store(local_env) -> ProductStore:
    return ProductStore()


def approved_twice(store, code):
    """A product with versions 1 and 2 both approved, nothing active."""
    service.create_product(A_PM, code, "loan", definition_data(), store=store)
    service.new_version(A_PM, code, store=store)
    for n in (1, 2):
        service.transition(A_PM, code, n, Action.SUBMIT, store=store)
        service.transition(A_ADMIN, code, n, Action.APPROVE, store=store)


def test_tenant_b_cannot_load_list_or_page_into_tenant_as_products(store):
    code = product_code()
    for c in (code, product_code()):
        service.create_product(A_PM, c, "loan", definition_data(), store=store)

    assert store.load(B_PM, code) is None
    assert store.summary(B_PM, code) is None
    assert store.history(B_PM, code) == []
    assert code not in {s.code for s in store.list_page(B_PM, None, 200)[0]}
    _, cursor = store.list_page(A_PM, None, 1)
    assert cursor
    with pytest.raises(MalformedRequest):
        store.list_page(B_PM, cursor, 10)


def test_a_product_round_trips_exactly(store):
    code = product_code()
    created = service.create_product(A_PM, code, "loan", definition_data(), store=store, now=lambda: AT).product
    loaded = store.load(A_PM, code)
    assert loaded.versions[1].definition == created.versions[1].definition
    assert (loaded.created, loaded.versions[1].authors) == (created.created, created.versions[1].authors)
    assert str(loaded.versions[1].definition.terms.amount.max) == "200000.00"


def test_a_commit_from_a_stale_copy_is_409_and_changes_nothing(store):
    code = product_code()
    approved_twice(store, code)
    first, second = store.load(A_ADMIN, code), store.load(A_ADMIN, code)
    first.apply(1, Action.ACTIVATE, service.actor_of(A_ADMIN), ADMIN_ROLES, AT)
    second.apply(2, Action.ACTIVATE, service.actor_of(A_ADMIN), ADMIN_ROLES, AT)

    store.commit(A_ADMIN, first)
    with pytest.raises(Conflict) as caught:
        store.commit(A_ADMIN, second)

    assert caught.value.code == "products.version.conflict"
    now = store.load(A_ADMIN, code)
    assert {n: v.status for n, v in now.versions.items()} == {1: VersionStatus.ACTIVE, 2: VersionStatus.APPROVED}
    assert [t.action for t in store.history(A_ADMIN, code)].count(Action.ACTIVATE) == 1


def test_activation_retires_the_previous_version_in_the_same_transaction(store):
    code = product_code()
    approved_twice(store, code)
    service.transition(A_ADMIN, code, 1, Action.ACTIVATE, store=store)
    revision = store.load(A_ADMIN, code).revision

    service.transition(A_ADMIN, code, 2, Action.ACTIVATE, store=store)

    product = store.load(A_ADMIN, code)
    assert {n: v.status for n, v in product.versions.items()} == {1: VersionStatus.RETIRED, 2: VersionStatus.ACTIVE}
    assert product.revision == revision + 1  # one commit for both versions
    summary = store.summary(A_ADMIN, code)
    assert (summary.active_version, summary.status) == (2, VersionStatus.ACTIVE)


def test_creating_a_taken_code_is_409_in_the_same_tenant_only(store):
    code = product_code()
    service.create_product(A_PM, code, "loan", definition_data(), store=store)
    with pytest.raises(Conflict) as caught:
        service.create_product(A_PM, code, "loan", definition_data(), store=store)
    assert caught.value.code == "products.product.exists"
    service.create_product(B_PM, code, "lease", definition_data("lease"), store=store)
