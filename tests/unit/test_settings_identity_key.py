"""What a deployed stage must be given, with no default: the identity hash key and where tenants'
Stripe secrets live. Without them it refuses to start rather than fall back on the demo's."""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from chalicelib.platform.settings import LOCAL_IDENTITY_HASH_KEY, Settings

TEMPLATE = "jinkong-prod/stripe/{tenant_id}"


@pytest.mark.parametrize("stage", ["test", "demo", "prod"])
def test_a_deployed_stage_without_an_identity_key_refuses_to_start(stage):
    with pytest.raises(ValidationError, match="JINKONG_IDENTITY_HASH_KEY"):
        Settings.from_environ({"JINKONG_STAGE": stage, "JINKONG_STRIPE_SECRET_NAME_TEMPLATE": TEMPLATE})


@pytest.mark.parametrize("template", ["", "jinkong/stripe"])
def test_a_deployed_stage_without_its_stripe_secrets_refuses_to_start(template):
    with pytest.raises(ValidationError, match="JINKONG_STRIPE_SECRET_NAME_TEMPLATE"):
        Settings.from_environ({"JINKONG_STAGE": "prod", "JINKONG_IDENTITY_HASH_KEY": "k" * 48,
                               "JINKONG_STRIPE_SECRET_NAME_TEMPLATE": template})


@pytest.mark.parametrize("key", ["short", LOCAL_IDENTITY_HASH_KEY])
def test_a_deployed_stage_refuses_a_weak_or_the_demo_key(key):
    with pytest.raises(ValidationError):
        Settings.from_environ({"JINKONG_STAGE": "prod", "JINKONG_IDENTITY_HASH_KEY": key,
                               "JINKONG_STRIPE_SECRET_NAME_TEMPLATE": TEMPLATE})


def test_a_deployed_stage_runs_on_its_own_key_and_the_local_stage_on_the_demo_one():
    key = "k" * 48
    deployed = Settings.from_environ({"JINKONG_STAGE": "prod", "JINKONG_IDENTITY_HASH_KEY": key,
                                      "JINKONG_STRIPE_SECRET_NAME_TEMPLATE": TEMPLATE})
    assert deployed.identity_master_key == key and deployed.stripe_secret_name_template == TEMPLATE
    assert Settings.from_environ({}).identity_master_key == LOCAL_IDENTITY_HASH_KEY
