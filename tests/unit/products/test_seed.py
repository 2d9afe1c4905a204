"""The demo products: created through the service with a believable history, and only once."""
from __future__ import annotations

from chalicelib.products import service
from chalicelib.products.domain import VersionStatus
from chalicelib.local.demo.products import seed_demo_products
from chalicelib.shared.tenant import Role
from tests.unit.products.builders import context
from tests.unit.products.fakes import InMemoryProductStore


def contexts(tenant_id):
    return (context(Role.PRODUCT_MANAGER, tenant_id, user_id=f"pm-{tenant_id}"),
            context(Role.TENANT_ADMIN, tenant_id, user_id=f"admin-{tenant_id}"))


def test_each_demo_tenant_gets_its_products_with_makers_and_checkers_on_record():
    store = InMemoryProductStore()

    seeded = seed_demo_products(contexts=contexts, store=store)

    assert {(s.tenant_id, s.code) for s in seeded} == {
        ("demo-lending", "CONSUMER-INSTALMENT"), ("demo-lending", "SME-OPERATING"),
        ("demo-leasing", "DIRECT-LEASE"), ("demo-leasing", "SALE-LEASEBACK"),
        ("demo-factoring", "RECOURSE-FACTORING"), ("demo-factoring", "REVERSE-FACTORING")}
    lending_pm = contexts("demo-lending")[0]
    consumer = service.get_product(lending_pm, "CONSUMER-INSTALMENT", store=store)
    assert {n: v.status for n, v in consumer.product.versions.items()} == {
        1: VersionStatus.RETIRED, 2: VersionStatus.ACTIVE, 3: VersionStatus.SUBMITTED}
    approvals = [t for t in consumer.history if t.action.value == "approve"]
    assert {t.actor.user_id for t in approvals} == {"admin-demo-lending"}
    submissions = [t for t in consumer.history if t.action.value == "submit"]
    assert {t.actor.user_id for t in submissions} == {"pm-demo-lending"}
    assert consumer.history[0].at.date().isoformat() == "2025-03-03"
    assert all(a.at <= b.at for a, b in zip(consumer.history, consumer.history[1:]))


def test_seeding_twice_changes_nothing():
    store = InMemoryProductStore()
    seed_demo_products(contexts=contexts, store=store)
    commits = store.commits
    again = seed_demo_products(contexts=contexts, store=store)
    assert store.commits == commits
    assert not any(s.created for s in again)
