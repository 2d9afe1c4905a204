"""Deployment settings from CDK context, and the names they give resources."""
from __future__ import annotations

import aws_cdk as cdk
import pytest

from infra.config import DeployConfig
from infra.workflows import schedule_name


def test_a_stage_comes_from_context_with_safe_defaults():
    app = cdk.App(context={"stage": "prod", "alarm_email": "ops@example.com"})
    config = DeployConfig.from_context(app.node)
    assert (config.stage, config.prefix, config.stack_name) == ("prod", "jinkong-prod", "jinkong-prod")
    assert config.retain_data is True and config.direct_data_access is False
    assert config.alarm_email == "ops@example.com"
    assert config.names["table"] == "jinkong-prod-main"


def test_switches_read_as_booleans_from_the_command_line():
    app = cdk.App(context={"stage": "scratch", "retain_data": "false", "log_retention_days": "30"})
    config = DeployConfig.from_context(app.node)
    assert config.retain_data is False
    assert config.log_retention.name == "ONE_MONTH"
    with pytest.raises(ValueError, match="not a boolean"):
        DeployConfig.from_context(cdk.App(context={"stage": "x1", "retain_data": "maybe"}).node)


def test_the_stage_falls_back_to_the_environment(monkeypatch):
    monkeypatch.setenv("STAGE", "dev")
    assert DeployConfig.from_context(cdk.App().node).stage == "dev"
    monkeypatch.delenv("STAGE")
    with pytest.raises(ValueError, match="no stage"):
        DeployConfig.from_context(cdk.App().node)


@pytest.mark.parametrize("stage", ["Prod", "a_b", "local", "-x", "x" * 17, ""])
def test_unusable_stage_names_are_refused(stage):
    with pytest.raises(ValueError):
        DeployConfig(stage=stage)


def test_log_retention_rounds_up_to_a_period_cloudwatch_allows():
    assert DeployConfig("dev", log_retention_days=100).log_retention.name == "FOUR_MONTHS"
    assert DeployConfig("dev", log_retention_days=99999).log_retention.name == "INFINITE"


def test_schedule_names_stay_within_scheduler_s_limit_and_unique():
    long_a, long_b = "t" + "a" * 62, "t" + "a" * 61 + "b"
    assert len(schedule_name("end-of-day", long_a)) <= 64
    assert schedule_name("end-of-day", long_a) != schedule_name("end-of-day", long_b)
    assert schedule_name("consolidation", "demo-group") == "consolidation-demo-group"
