"""Customers through the API: identity kept only as keyed hash + mask, per-tenant, isolated."""
from __future__ import annotations

import pytest

from chalicelib.platform import aws
from chalicelib.platform.settings import get_settings
from tests.builders import enterprise, individual, resident_id

OFFICER = "loan-officer@demo-lending"


def test_registering_an_individual_returns_a_masked_identity_and_stores_no_raw_number(api):
    number = resident_id()
    r = api.as_(OFFICER).post("/v1/customers", individual(identity_number=number))
    assert r.status == 201, r.body
    # Only the last two characters, and no birth date beside them (tests/unit/origination/test_identity.py
    # counts the candidates that leaves: about 4.9 x 10^8)
    assert r.body["identity_masked"] == "*" * 16 + number[-2:]
    assert len(r.body["identity_hash"]) == 64
    assert "birth_on" not in r.body and "1985" not in str(r.body) and "0315" not in str(r.body)
    listed = api.as_("viewer@demo-lending").get(f"/v1/customers/{r.body['id']}").body
    assert listed["identity_masked"] == "*" * 16 + number[-2:] and "1985" not in str(listed)
    # Nothing in the table holds the raw number.
    raw = str(aws.client("dynamodb").scan(TableName=get_settings().table_name)["Items"])
    assert number not in raw and number[6:14] + number[14:17] not in raw


def test_registering_the_same_identity_again_answers_the_tenants_existing_customer_unchanged(api):
    body = individual()
    first = api.as_(OFFICER).post("/v1/customers", body)
    assert first.status == 201
    r = api.as_("tenant-admin@demo-lending").post("/v1/customers", {**body, "name": "张三 (again)"})
    assert r.status == 200, r.body
    assert r.body == first.body  # the same customer, nothing of the second body applied


def test_the_same_identity_in_two_subsidiaries_is_two_customers_with_one_group_identity(api):
    body = enterprise()
    a = api.as_(OFFICER).post("/v1/customers", body).body
    b = api.as_("loan-officer@demo-factoring").post("/v1/customers", body).body
    assert a["id"] != b["id"]
    assert a["identity_hash"] == b["identity_hash"]


def test_another_tenants_customer_is_404(api):
    created = api.as_(OFFICER).post("/v1/customers", individual()).body
    assert api.as_("viewer@demo-lending").get(f"/v1/customers/{created['id']}").status == 200
    r = api.as_("tenant-admin@demo-leasing").get(f"/v1/customers/{created['id']}")
    assert (r.status, r.code) == (404, "origination.customer.not_found")
    listed = api.as_("tenant-admin@demo-leasing").get("/v1/customers?limit=200").body["items"]
    assert created["id"] not in {c["id"] for c in listed}


def test_a_bad_identity_and_other_bad_fields_are_all_reported(api):
    r = api.as_(OFFICER).post("/v1/customers", individual(identity_number="110105194912310021", region="Shanghai",
                                                          contact={"email": "not-an-email"}))
    assert r.status == 422
    fields = {e["field"] for e in r.body["error"]["details"]["errors"]}
    assert {"region", "contact.email"} <= fields


def test_an_individual_cannot_carry_a_business_licence_number(api):
    r = api.as_(OFFICER).post("/v1/customers", individual(identity_type="uscc", identity_number="91350100M000100Y43"))
    assert r.status == 422


def test_related_parties_must_be_customers_of_the_same_tenant(api):
    parent = api.as_(OFFICER).post("/v1/customers", enterprise()).body
    child = api.as_(OFFICER).post("/v1/customers", enterprise(related_parties=[{"relation": "parent",
                                                                                 "customer_id": parent["id"]}]))
    assert child.status == 201
    assert child.body["related_parties"] == [{"relation": "parent", "customer_id": parent["id"]}]
    foreign = api.as_("loan-officer@demo-leasing").post("/v1/customers", enterprise(
        related_parties=[{"relation": "parent", "customer_id": parent["id"]}]))
    assert (foreign.status, foreign.code) == (422, "origination.customer.related_party_not_found")


@pytest.mark.parametrize("user", ["viewer@demo-lending", "finance@demo-lending", "group-risk@demo-group"])
def test_only_officers_and_admins_register_customers(api, user):
    assert api.as_(user).post("/v1/customers", individual()).status == 403


def test_listing_filters_core_enterprises(api):
    core = api.as_("loan-officer@demo-factoring").post("/v1/customers", enterprise(is_core_enterprise=True)).body
    api.as_("loan-officer@demo-factoring").post("/v1/customers", enterprise())
    items = api.as_("viewer@demo-factoring").get("/v1/customers?core_enterprise=true&limit=200").body["items"]
    assert core["id"] in {c["id"] for c in items}
    assert all(c["is_core_enterprise"] for c in items)


def test_one_person_has_one_identity_in_a_group_and_another_in_another_group(api):
    from tests.integration.risk.conftest import make_scratch_group

    other = make_scratch_group("a")
    body = individual()
    here = api.as_(OFFICER).post("/v1/customers", body).body
    sister = api.as_("loan-officer@demo-leasing").post("/v1/customers", body).body
    elsewhere = api.as_(f"loan-officer@{other.sub('a')}").post("/v1/customers", body)
    assert elsewhere.status == 201, elsewhere.body
    assert here["identity_hash"] == sister["identity_hash"]  # HQ joins its subsidiaries' customers
    assert elsewhere.body["identity_hash"] != here["identity_hash"]  # no link across holding groups
