"""The identity hash key: required, with no default, in every deployed stage."""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from chalicelib.platform.settings import LOCAL_IDENTITY_HASH_KEY, Settings


@pytest.mark.parametrize("stage", ["test", "demo", "prod"])
def test_a_deployed_stage_without_an_identity_key_refuses_to_start(stage):
    with pytest.raises(ValidationError, match="JINKONG_IDENTITY_HASH_KEY"):
        Settings.from_environ({"JINKONG_STAGE": stage})


@pytest.mark.parametrize("key", ["short", LOCAL_IDENTITY_HASH_KEY])
def test_a_deployed_stage_refuses_a_weak_or_the_demo_key(key):
    with pytest.raises(ValidationError):
        Settings.from_environ({"JINKONG_STAGE": "prod", "JINKONG_IDENTITY_HASH_KEY": key})


def test_a_deployed_stage_runs_on_its_own_key_and_the_local_stage_on_the_demo_one():
    key = "k" * 48
    assert Settings.from_environ({"JINKONG_STAGE": "prod", "JINKONG_IDENTITY_HASH_KEY": key}).identity_master_key == key
    assert Settings.from_environ({}).identity_master_key == LOCAL_IDENTITY_HASH_KEY
