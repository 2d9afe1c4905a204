"""The exposure projection servicing keeps in each subsidiary's partition (``upsert_exposure``)."""
from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest

from chalicelib.risk.exposures import FiveCategory, ProductKind, RelatedParty, Relation
from chalicelib.risk.store import DynamoExposureSource, remove_exposure, upsert_exposure
from chalicelib.shared.errors import FieldInvalid
from tests.integration.risk.conftest import identity_hash, make_scratch_group, subsidiary_context

SOURCE = DynamoExposureSource()


@pytest.fixture(scope="module")
def subs(risk_stack) -> tuple[str, str]:
    """Two subsidiaries of a group of our own, so nothing here shows in the demo group's runs."""
    g = make_scratch_group("ab")
    return g.sub("a"), g.sub("b")


def _contract() -> str:
    return f"K-{uuid.uuid4().hex[:10]}"


def _mine(tenant: str, contract: str):
    return [e for e in SOURCE.extract(subsidiary_context(tenant), date(2026, 6, 30)) if e.contract_id == contract]


def test_an_exposure_round_trips_exactly_with_its_related_parties(subs):
    contract = _contract()
    upsert_exposure(subsidiary_context(subs[0]), contract_id=contract, customer_hash=identity_hash("a"),
                    product_kind="loan", outstanding_principal="0.10", accrued_interest=Decimal("0.20"),
                    undrawn_commitment="1234567.89", days_past_due=45, classification="special_mention",
                    customer_label="甲公司", industry="C34", region="310000",
                    related_parties=[("parent", identity_hash("p"))], group_related_party=True,
                    product_code="SME-OPERATING", figures_on=date(2026, 6, 30))
    [e] = _mine(subs[0], contract)
    assert (e.outstanding_principal, e.accrued_interest, e.undrawn_commitment) == (
        Decimal("0.10"), Decimal("0.20"), Decimal("1234567.89"))
    assert (e.subsidiary_id, e.product_kind, e.days_past_due, e.classification) == (
        subs[0], ProductKind.LOAN, 45, FiveCategory.SPECIAL_MENTION)
    assert e.related_parties == (RelatedParty(Relation.PARENT, identity_hash("p")),) and e.group_related_party


def test_older_figures_arriving_late_never_overwrite_newer_ones(subs):
    ctx, contract = subsidiary_context(subs[0]), _contract()
    common = dict(contract_id=contract, customer_hash=identity_hash("b"), product_kind="loan")
    upsert_exposure(ctx, outstanding_principal="90.00", figures_on=date(2026, 7, 2), **common)
    upsert_exposure(ctx, outstanding_principal="100.00", figures_on=date(2026, 7, 1), **common)  # a late replay
    assert _mine(subs[0], contract)[0].outstanding_principal == Decimal("90.00")
    upsert_exposure(ctx, outstanding_principal="80.00", figures_on=date(2026, 7, 3), **common)
    assert _mine(subs[0], contract)[0].outstanding_principal == Decimal("80.00")
    remove_exposure(ctx, contract)
    assert _mine(subs[0], contract) == []


def test_tenant_b_cannot_see_tenant_a_s_exposures(subs):
    contract = _contract()
    upsert_exposure(subsidiary_context(subs[0]), contract_id=contract, customer_hash=identity_hash("c"),
                    product_kind="loan", outstanding_principal="1.00")
    assert _mine(subs[0], contract) and _mine(subs[1], contract) == []


@pytest.mark.parametrize("bad", [{"customer_hash": "310101199001011234"}, {"outstanding_principal": "-1.00"},
                                 {"product_kind": "mortgage"}, {"currency": "XXX"}, {"days_past_due": -1},
                                 {"outstanding_principal": 0.1}])
def test_a_row_that_would_corrupt_totals_is_refused(subs, bad):
    args = dict(contract_id=_contract(), customer_hash=identity_hash("d"), product_kind="loan",
                outstanding_principal="1.00")
    args.update(bad)
    with pytest.raises(FieldInvalid):
        upsert_exposure(subsidiary_context(subs[0]), **args)


def test_in_the_cloud_the_extract_reads_with_a_read_only_session_of_that_subsidiary_alone(subs):
    """With a data-access role configured (as the CDK stack does), the Query goes out with credentials
    of that role assumed under the subsidiary's read-only session policy; it still finds the rows."""
    import json as _json
    import os

    from chalicelib.platform import aws, tenant_credentials
    from chalicelib.platform.settings import get_settings, reset_settings

    contract = _contract()
    upsert_exposure(subsidiary_context(subs[0]), contract_id=contract, customer_hash=identity_hash("e"),
                    product_kind="lease", outstanding_principal="7.77")
    role = aws.client("iam").create_role(RoleName=f"data-{uuid.uuid4().hex[:8]}",
                                         AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    table_arn = aws.client("dynamodb").describe_table(TableName=get_settings().table_name)["Table"]["TableArn"]
    os.environ.update(JINKONG_TENANT_DATA_ROLE_ARN=role, JINKONG_TABLE_ARN=table_arn)
    reset_settings()
    tenant_credentials.forget()
    sent: list[dict] = []
    sts = aws.client("sts")
    capture = lambda params, **_: sent.append(params)  # noqa: E731 — records the request as sent to AWS
    sts.meta.events.register("provide-client-params.sts.AssumeRole", capture)
    try:
        rows = SOURCE.extract(subsidiary_context(subs[0]), date(2026, 6, 30))
    finally:
        sts.meta.events.unregister("provide-client-params.sts.AssumeRole", capture)
        for var in ("JINKONG_TENANT_DATA_ROLE_ARN", "JINKONG_TABLE_ARN"):
            os.environ.pop(var, None)
        reset_settings()
        tenant_credentials.forget()
    assert [(e.contract_id, e.outstanding_principal) for e in rows if e.contract_id == contract] == [
        (contract, Decimal("7.77"))]
    [request] = sent
    table_statement = _json.loads(request["Policy"])["Statement"][0]
    assert set(table_statement["Action"]) == {"dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query"}
    assert table_statement["Condition"]["ForAllValues:StringLike"]["dynamodb:LeadingKeys"] == [f"T#{subs[0]}#*"]
