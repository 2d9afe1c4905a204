"""Use cases over the in-memory store: they assert on state, as the DynamoDB store would hold it."""
from __future__ import annotations

from datetime import date

import pytest

from chalicelib.products import service
from chalicelib.products.definition import ProductKind
from chalicelib.products.domain import Action, Product, VersionStatus
from chalicelib.products.pricing import QuoteTerms
from chalicelib.shared.errors import Conflict, NotFound
from chalicelib.shared.tenant import Role
from tests.unit.products.builders import AT, context, definition, definition_data
from tests.unit.products.fakes import InMemoryProductStore

PM, ADMIN = context(Role.PRODUCT_MANAGER), context(Role.TENANT_ADMIN)
LEASING_PM = context(Role.PRODUCT_MANAGER, tenant_id="demo-leasing")
CODE = "CONSUMER-01"


@pytest.fixture()
def store() -> InMemoryProductStore:
    return InMemoryProductStore()


def launch(store, code=CODE, ctx=PM):
    service.create_product(ctx, code, "loan", definition_data(), store=store, now=lambda: AT)
    service.transition(ctx, code, 1, Action.SUBMIT, store=store)
    service.transition(ADMIN, code, 1, Action.APPROVE, store=store)
    service.transition(ADMIN, code, 1, Action.ACTIVATE, store=store)


def test_the_whole_lifecycle_is_stored_with_its_history(store):
    launch(store)
    service.new_version(PM, CODE, store=store)
    service.revise_draft(PM, CODE, 2, {"rate": {"annual_rate": {"default": "0.0990"}}}, store=store)
    for ctx, action in ((PM, Action.SUBMIT), (ADMIN, Action.APPROVE), (ADMIN, Action.ACTIVATE)):
        service.transition(ctx, CODE, 2, action, store=store)

    details = service.get_product(PM, CODE, store=store)

    assert {n: v.status for n, v in details.product.versions.items()} == {1: VersionStatus.RETIRED, 2: VersionStatus.ACTIVE}
    assert [(t.version, t.action.value) for t in details.history] == [
        (1, "create"), (1, "submit"), (1, "approve"), (1, "activate"),
        (2, "create"), (2, "submit"), (2, "approve"), (1, "retire"), (2, "activate")]
    assert service.active_version(PM, CODE, store=store).number == 2
    assert str(service.active_version(PM, CODE, store=store).definition.rate.annual_rate.default) == "0.0990"


def test_a_contract_pinned_to_a_retired_version_still_reads_it(store):
    launch(store)
    service.new_version(PM, CODE, store=store)
    for ctx, action in ((PM, Action.SUBMIT), (ADMIN, Action.APPROVE), (ADMIN, Action.ACTIVATE)):
        service.transition(ctx, CODE, 2, action, store=store)
    pinned = service.get_version(PM, CODE, 1, store=store)
    assert (pinned.code, pinned.number, pinned.status) == (CODE, 1, VersionStatus.RETIRED)


def test_no_active_version_is_409_and_an_absent_product_404(store):
    service.create_product(PM, CODE, "loan", definition_data(), store=store)
    with pytest.raises(Conflict) as caught:
        service.active_version(PM, CODE, store=store)
    assert caught.value.code == "products.product.not_active"
    with pytest.raises(NotFound):
        service.get_version(PM, "NO-SUCH", 1, store=store)
    with pytest.raises(NotFound):
        service.get_version(PM, "bad#code", 1, store=store)


def test_a_change_made_on_a_stale_copy_loses_to_the_one_committed_first(store):
    service.create_product(PM, CODE, "loan", definition_data(), store=store)
    service.new_version(PM, CODE, store=store)
    for n in (1, 2):
        service.transition(PM, CODE, n, Action.SUBMIT, store=store)
        service.transition(ADMIN, CODE, n, Action.APPROVE, store=store)
    first, second = store.load(ADMIN, CODE), store.load(ADMIN, CODE)
    roles = frozenset({Role.TENANT_ADMIN})
    first.apply(1, Action.ACTIVATE, service.actor_of(ADMIN), roles, AT)
    second.apply(2, Action.ACTIVATE, service.actor_of(ADMIN), roles, AT)

    store.commit(ADMIN, first)
    with pytest.raises(Conflict) as caught:
        store.commit(ADMIN, second)

    assert caught.value.code == "products.version.conflict"
    assert service.active_version(ADMIN, CODE, store=store).number == 1


def test_a_patch_is_merged_and_validated_as_a_whole(store):
    service.create_product(PM, CODE, "loan", definition_data(), store=store)
    revised = service.revise_draft(PM, CODE, 1, {"terms": {"amount": {"max": "150000.00"}}, "description": {
        "zh-CN": "说明", "en-US": "About"}}, store=store)
    assert str(revised.definition.terms.amount.max) == "150000.00"
    assert str(revised.definition.terms.amount.min) == "1000.00"


def test_each_tenant_has_its_own_products_under_the_same_code(store):
    launch(store, ctx=PM)
    service.create_product(LEASING_PM, CODE, "lease", definition_data("lease"), store=store)
    assert service.get_product(PM, CODE, store=store).product.kind.value == "loan"
    assert service.get_product(LEASING_PM, CODE, store=store).product.kind.value == "lease"
    assert [p.code for p in service.list_products(LEASING_PM, store=store)[0]] == [CODE]


def test_the_diff_defaults_to_the_version_a_draft_was_made_from(store):
    launch(store)
    service.new_version(PM, CODE, from_version=1, store=store)
    service.revise_draft(PM, CODE, 2, {"channels": ["console", "partner_api"]}, store=store)
    d = service.diff_versions(PM, CODE, 2, store=store)
    assert (d.before.number, [c.field for c in d.changes]) == (1, ["channels"])


def test_a_quote_uses_the_active_version(store):
    launch(store)
    quoted = service.quote(PM, CODE, QuoteTerms(principal="12000.00"), store=store,
                           today=date(2026, 1, 15))
    assert quoted["product"] == {"code": CODE, "version": 1}
    assert (quoted["terms"]["term"], len(quoted["installments"])) == (12, 12)


def test_a_new_product_is_a_draft_with_nothing_on_the_shelf():
    product = Product.create(CODE, ProductKind.LOAN, definition(), service.actor_of(PM), AT)
    assert (product.latest_version, product.active_version, product.status) == (1, None, VersionStatus.DRAFT)
