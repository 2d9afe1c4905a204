"""The tenant-scoped repository base: tenant B cannot see, list, page into or overwrite tenant A."""
from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from pynamodb.attributes import UnicodeAttribute

from chalicelib.platform.dynamo import DecimalAttribute, TenantModel, encode_cursor, table_name_for
from chalicelib.platform.repository import TenantRepository
from chalicelib.platform.tables import ensure_table
from chalicelib.shared.errors import Conflict, MalformedRequest
from chalicelib.shared.tenant import TenantContext, TenantKind


class NoteRecord(TenantModel):
    title = UnicodeAttribute()
    amount = DecimalAttribute(null=True)


class Notes(TenantRepository[NoteRecord]):
    record = NoteRecord
    aggregate = "NOTE"


def ctx(tenant_id: str, isolation: str = "pool") -> TenantContext:
    return TenantContext(tenant_id=tenant_id, kind=TenantKind.LENDING, user_id="u", username="u", isolation=isolation)


A, B = ctx("demo-lending"), ctx("demo-leasing")


@pytest.fixture()
def notes(local_env) -> Notes:
    return Notes()


def test_tenant_b_cannot_get_tenant_as_record_by_its_id(notes):
    note_id = uuid.uuid4().hex
    notes.create(A, notes.new(A, note_id, title="A's secret", list_sk=note_id), "notes.exists")
    assert notes.get(A, note_id).title == "A's secret"
    assert notes.get(B, note_id) is None


def test_tenant_b_listing_never_contains_tenant_as_records(notes):
    note_id = uuid.uuid4().hex
    notes.create(A, notes.new(A, note_id, title="listed", list_sk=note_id), "notes.exists")
    b_items, _ = notes.page(B, None, limit=200)
    assert note_id not in {r.PK.rsplit("#", 1)[-1] for r in b_items}
    a_items, _ = notes.page(A, None, limit=200)
    assert note_id in {r.PK.rsplit("#", 1)[-1] for r in a_items}


def test_a_cursor_from_tenant_a_is_refused_for_tenant_b(notes):
    for _ in range(3):
        i = uuid.uuid4().hex
        notes.create(A, notes.new(A, i, title="p", list_sk=i), "notes.exists")
    _, cursor = notes.page(A, None, limit=1)
    assert cursor
    with pytest.raises(MalformedRequest):
        notes.page(B, cursor)


def test_a_forged_cursor_naming_another_tenant_is_refused(notes):
    # Bound to B's own list, but its key points into demo-lending's partitions.
    forged = encode_cursor({"GSI1PK": {"S": "T#demo-lending#NOTE"}, "GSI1SK": {"S": "x"},
                            "PK": {"S": "T#demo-lending#NOTE#x"}, "SK": {"S": "ROOT"}}, list_key=notes.list_pk(B))
    with pytest.raises(MalformedRequest):
        notes.page(B, forged)


def test_a_record_built_for_tenant_a_cannot_be_saved_under_tenant_b(notes):
    record = notes.new(A, uuid.uuid4().hex, title="x")
    with pytest.raises(PermissionError):
        notes.create(B, record, "notes.exists")


def test_creating_twice_is_409(notes):
    note_id = uuid.uuid4().hex
    notes.create(A, notes.new(A, note_id, title="once"), "notes.exists")
    with pytest.raises(Conflict):
        notes.create(A, notes.new(A, note_id, title="twice"), "notes.exists")


def test_concurrent_edits_of_one_version_lose_with_409(notes):
    note_id = uuid.uuid4().hex
    notes.create(A, notes.new(A, note_id, title="v1"), "notes.exists")
    first, second = notes.get(A, note_id), notes.get(A, note_id)
    first.title = "edited by first"
    notes.save(A, first, "notes.version_conflict")
    second.title = "edited by second"
    with pytest.raises(Conflict):
        notes.save(A, second, "notes.version_conflict")
    assert notes.get(A, note_id).title == "edited by first"


def test_money_round_trips_exactly(notes):
    note_id = uuid.uuid4().hex
    amount = Decimal("12345678901234567890.0123456789")
    notes.create(A, notes.new(A, note_id, title="m", amount=amount), "notes.exists")
    stored = notes.get(A, note_id).amount
    assert stored == amount and isinstance(stored, Decimal)
    assert str(notes.get(A, note_id).amount) == "12345678901234567890.0123456789"


def test_silo_tenants_write_to_their_own_table_with_the_same_code(notes):
    silo = ctx(f"silo-{uuid.uuid4().hex[:6]}", isolation="silo")
    ensure_table(table_name_for("silo", silo.tenant_id))
    note_id = uuid.uuid4().hex
    notes.create(silo, notes.new(silo, note_id, title="in the silo"), "notes.exists")
    assert notes.get(silo, note_id).title == "in the silo"
    pooled_view = ctx(silo.tenant_id, isolation="pool")  # same id, but looking in the shared table
    assert notes.get(pooled_view, note_id) is None
