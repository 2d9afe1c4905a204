"""The deployment switches: a throwaway stage leaves nothing behind, and the transitional direct data
access is still fenced to the tenant key space."""
from __future__ import annotations

from chalicelib.platform.isolation import data_access_role_policy


def _props(synth, construct):
    return synth.template["Resources"][synth.stack.get_logical_id(construct.node.default_child)]


def test_a_throwaway_stage_is_destroyed_whole(variant):
    stores = variant.stack.data.stores
    table = _props(variant, stores.table)
    assert table["DeletionPolicy"] == "Delete" and table["Properties"]["DeletionProtectionEnabled"] is False
    for bucket in stores.buckets.values():
        assert _props(variant, bucket)["DeletionPolicy"] == "Delete"
    assert len(variant.resources("Custom::S3AutoDeleteObjects")) >= len(stores.buckets)
    pool = _props(variant, variant.stack.identity.user_pool)
    assert pool["DeletionPolicy"] == "Delete" and pool["Properties"]["DeletionProtection"] == "INACTIVE"


def test_the_default_stage_keeps_its_data(real):
    stores = real.stack.data.stores
    for construct in (stores.table, stores.data_key, stores.identity_hash_key, real.stack.identity.user_pool,
                      *stores.buckets.values()):
        assert _props(real, construct)["DeletionPolicy"] == "Retain", construct.node.path


def test_direct_data_access_grants_the_lambda_role_the_fenced_ceiling_not_the_table(variant):
    stack = variant.stack
    policy = _props(variant, stack.app_functions.role.node.find_child("DefaultPolicy"))
    sids = {s.get("Sid") for s in policy["Properties"]["PolicyDocument"]["Statement"]}
    expected = {s["Sid"] for s in data_access_role_policy(["t"], ["b"], "k")["Statement"]}
    assert expected <= sids
    for statement in policy["Properties"]["PolicyDocument"]["Statement"]:
        actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
        assert "dynamodb:Scan" not in actions and "s3:DeleteObject" not in actions and "s3:*" not in actions


def test_an_operator_address_is_subscribed_to_the_alarms(variant, real):
    [subscription] = variant.resources("AWS::SNS::Subscription").values()
    assert subscription["Properties"]["Protocol"] == "email"
    assert subscription["Properties"]["Endpoint"] == "ops@example.com"
    assert not real.resources("AWS::SNS::Subscription")
