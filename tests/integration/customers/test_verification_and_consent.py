"""The verification ladder and consent through the API: evidence, roles, the product's minimum level,
and sisters' relationships that show only with the customer's consent."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from tests.builders import LOAN_PRODUCT, adult_individual, loan_application
from tests.integration.origination.flows import ok
from tests.support import TEST_BUSINESS_DATE

OFFICER = "loan-officer@demo-lending"
VERIFIED_PRODUCT = "VERIFIED-INSTALMENT"


@pytest.fixture(scope="module")
def verified_product(demo_products):
    """A copy of the consumer loan that needs strong real-name verification, made through the product factory."""
    from chalicelib.local.demo.products import PRODUCTS_DIR, _seed_product, demo_contexts

    spec = yaml.safe_load(Path(PRODUCTS_DIR / "demo-lending" / "consumer-instalment.yaml").read_text(encoding="utf-8"))
    first = copy.deepcopy(spec["history"][0])
    first["definition"]["risk"]["min_verification_level"] = "strong_real_name"
    first.pop("stop_at", None)
    maker, checker = demo_contexts("demo-lending")
    _seed_product({"code": VERIFIED_PRODUCT, "kind": "loan", "history": [first]}, maker, checker, None)
    return VERIFIED_PRODUCT


def evidence(api, customer_id: str, kind: str, user: str = OFFICER, **over):
    body = {"kind": kind, "reference": f"{kind}-ref", **over}
    return api.as_(user).post(f"/v1/customers/{customer_id}/verification/evidence", body)


def test_an_officer_can_no_longer_type_a_level_and_nothing_is_registered(origination):
    body = adult_individual()
    typed = origination.as_(OFFICER).post("/v1/customers", {**body, "verification_level": "strong_real_name"})
    assert (typed.status, typed.code) == (422, "customers.verification.evidence_required")
    registered = origination.as_(OFFICER).post("/v1/customers", body)
    assert registered.status == 201 and registered.body["verification_level"] == "registered"  # new, not found


def test_each_level_is_reached_by_evidence_recorded_by_the_right_staff(origination):
    cid = ok(origination.as_(OFFICER).post("/v1/customers", adult_individual()), 201)["id"]
    assert evidence(origination, cid, "phone_confirmed", "collector@demo-lending").code == "auth.role.forbidden"
    refused = evidence(origination, cid, "phone_confirmed", "first-reviewer@demo-lending")
    assert (refused.status, refused.code) == (403, "customers.evidence.role_forbidden")

    assert ok(evidence(origination, cid, "phone_confirmed"), 201)["level"] == "phone_verified"
    no_type = evidence(origination, cid, "id_document_checked")
    assert (no_type.status, no_type.code) == (422, "customers.evidence.document_type.invalid")
    weak = ok(evidence(origination, cid, "id_document_checked", "first-reviewer@demo-lending",
                       document_type="resident_id"), 201)
    assert weak["level"] == "weak_real_name" and weak["next_level_needs"] == ["face_matched"]

    mismatch = evidence(origination, cid, "face_matched", selfie_ref="capture-mismatch-1", document_photo_ref="id-1")
    assert (mismatch.status, mismatch.code) == (422, "customers.evidence.face_mismatch")
    assert len(ok(origination.as_("viewer@demo-lending").get(f"/v1/customers/{cid}/verification"))["evidence"]) == 2

    strong = ok(evidence(origination, cid, "face_matched", selfie_ref="capture-2", document_photo_ref="id-1"), 201)
    assert strong["level"] == "strong_real_name" and strong["next_level"] is None
    face = [e for e in strong["evidence"] if e["kind"] == "face_matched"][0]
    assert face["details"]["provider"] == "local-fake" and face["details"]["score"] == "0.97"
    assert [(h["from"], h["to"]) for h in strong["history"]] == [
        ("registered", "phone_verified"), ("phone_verified", "weak_real_name"), ("weak_real_name", "strong_real_name")]
    assert ok(origination.as_("viewer@demo-lending").get(f"/v1/customers/{cid}"))["verification_level"] == "strong_real_name"


def test_a_product_with_a_minimum_level_refuses_applications_below_it(origination, verified_product):
    cid = ok(origination.as_(OFFICER).post("/v1/customers", adult_individual()), 201)["id"]
    below = origination.as_(OFFICER).post("/v1/applications", loan_application(cid, product_code=verified_product))
    assert (below.status, below.code) == (422, "origination.application.verification_below_minimum")
    assert below.body["error"]["details"]["required"] == "strong_real_name"
    assert ok(origination.as_(OFFICER).post("/v1/applications", loan_application(cid)), 201)  # no minimum: fine
    evidence(origination, cid, "phone_confirmed")
    evidence(origination, cid, "id_document_checked", document_type="resident_id")
    evidence(origination, cid, "face_matched", selfie_ref="capture", document_photo_ref="id")
    assert ok(origination.as_(OFFICER).post("/v1/applications",
                                            loan_application(cid, product_code=verified_product)), 201)
    assert LOAN_PRODUCT != verified_product


def consent(scopes: list[str], on: str | None = None) -> dict:
    return {"scopes": scopes, "given_on": on or TEST_BUSINESS_DATE.isoformat(), "evidence_kind": "signed_form",
            "evidence_reference": "doc-consent-1"}


def test_a_sister_sees_the_relationship_only_while_the_customers_consent_there_is_in_force(origination):
    body = adult_individual()
    lending = ok(origination.as_(OFFICER).post("/v1/customers", body), 201)
    leasing = ok(origination.as_("loan-officer@demo-leasing").post("/v1/customers", body), 201)
    leasing_officer = origination.as_("loan-officer@demo-leasing")
    leasing_officer.post(f"/v1/customers/{leasing['id']}/verification/evidence",
                         {"kind": "phone_confirmed", "reference": "otp-1"})  # something to publish, no consent yet
    sisters = f"/v1/customers/{lending['id']}/group-relationships"

    assert ok(origination.as_("viewer@demo-lending").get(sisters))["items"] == []  # HQ knows; lending may not
    hq = ok(origination.as_("group-risk@demo-group").get(f"/v1/group/relationships/{lending['identity_hash']}"))
    assert [r["subsidiary_id"] for r in hq["relationships"]] == ["demo-leasing"]
    assert hq["shares_relationships"] is False

    future = leasing_officer.post(f"/v1/customers/{leasing['id']}/consents", consent(["group_relationships"], "2099-01-01"))
    assert (future.status, future.code) == (422, "customers.consent.future_date")
    given = ok(leasing_officer.post(f"/v1/customers/{leasing['id']}/consents", consent(["group_relationships"])), 201)
    assert given["recorded_by"] == "loan-officer@demo-leasing" and given["evidence_reference"] == "doc-consent-1"
    assert ok(origination.as_("viewer@demo-lending").get(sisters))["items"] == [
        {"subsidiary_id": "demo-leasing", "since_consent": True}]
    # The other way round the lending company's own consent is missing: leasing sees nothing of lending.
    assert ok(origination.as_("viewer@demo-leasing").get(f"/v1/customers/{leasing['id']}/group-relationships"))["items"] == []

    withdrawn = ok(leasing_officer.post(f"/v1/customers/{leasing['id']}/consents/{given['consent_id']}/withdraw", {}))
    assert withdrawn["status"] == "withdrawn" and withdrawn["withdrawn_on"] is not None
    assert ok(origination.as_("viewer@demo-lending").get(sisters))["items"] == []
    again = leasing_officer.post(f"/v1/customers/{leasing['id']}/consents/{given['consent_id']}/withdraw", {})
    assert (again.status, again.code) == (409, "customers.consent.illegal_transition")
    listed = ok(origination.as_("viewer@demo-leasing").get(f"/v1/customers/{leasing['id']}/consents"))["items"]
    assert [c["status"] for c in listed] == ["withdrawn"]


def test_another_tenants_customer_is_404_on_every_customer_route(origination):
    cid = ok(origination.as_(OFFICER).post("/v1/customers", adult_individual()), 201)["id"]
    other = origination.as_("tenant-admin@demo-leasing")
    for path in ("360", "verification", "consents", "grades", "group-relationships"):
        r = other.get(f"/v1/customers/{cid}/{path}")
        assert (r.status, r.code) == (404, "origination.customer.not_found"), path
    r = other.post(f"/v1/customers/{cid}/verification/evidence", {"kind": "phone_confirmed", "reference": "x"})
    assert r.status == 404


def test_evidence_is_revoked_with_a_reason_and_the_level_falls_to_what_remains(origination):
    cid = ok(origination.as_(OFFICER).post("/v1/customers", adult_individual()), 201)["id"]
    phone = ok(evidence(origination, cid, "phone_confirmed"), 201)["evidence"][0]["evidence_id"]
    weak = ok(evidence(origination, cid, "id_document_checked", "first-reviewer@demo-lending", document_type="resident_id"), 201)
    doc = next(e["evidence_id"] for e in weak["evidence"] if e["kind"] == "id_document_checked")
    revoke = f"/v1/customers/{cid}/verification/evidence/{{}}/revoke"

    no_reason = origination.as_(OFFICER).post(revoke.format(doc), {})
    assert no_reason.status == 422 and "reason" in str(no_reason.body)
    assert origination.as_("collector@demo-lending").post(revoke.format(doc), {"reason": "x"}).code == "auth.role.forbidden"
    wrong_kind = origination.as_("first-reviewer@demo-lending").post(revoke.format(phone), {"reason": "x"})
    assert (wrong_kind.status, wrong_kind.code) == (403, "customers.evidence.role_forbidden")
    assert origination.as_(OFFICER).post(revoke.format("evd_nope"), {"reason": "x"}).status == 404
    assert ok(origination.as_("viewer@demo-lending").get(f"/v1/customers/{cid}"))["verification_level"] == "weak_real_name"

    # the recorder's role revokes it alone (no second person); the level falls to what the phone reaches
    after = ok(origination.as_("first-reviewer@demo-lending").post(revoke.format(doc), {"reason": "forged document"}))
    assert after["level"] == "phone_verified" and after["next_level_needs"] == ["id_document_checked"]
    revoked = next(e for e in after["evidence"] if e["evidence_id"] == doc)["revoked"]
    assert revoked["by"] == "first-reviewer@demo-lending" and revoked["reason"] == "forged document"
    last = after["history"][-1]
    assert (last["from"], last["to"], last["revoked"], last["reason"]) == (
        "weak_real_name", "phone_verified", "id_document_checked", "forged document")
    assert ok(origination.as_("viewer@demo-lending").get(f"/v1/customers/{cid}"))["verification_level"] == "phone_verified"
    again = origination.as_(OFFICER).post(revoke.format(doc), {"reason": "twice"})
    assert (again.status, again.code) == (409, "customers.evidence.already_revoked")
    assert ok(origination.as_("viewer@demo-lending").get(f"/v1/customers/{cid}/verification"))["history"] == after["history"]

    timeline = ok(origination.as_("tenant-admin@demo-lending").get(f"/v1/customers/{cid}/360"))["timeline"]
    assert any(r["kind"] == "level" and "forged document" in r["summary"] for r in timeline)
