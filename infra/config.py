"""What one deployment is: a stage name and a handful of switches, read from CDK context.

``make deploy STAGE=prod`` becomes ``cdk deploy -c stage=prod``. Everything else has a safe default;
the switches are for a developer's throwaway stage (``-c retain_data=false``) and for an operator's
alarm e-mail (``-c alarm_email=ops@example.com``).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aws_cdk import Annotations
from aws_cdk import aws_logs as logs
from constructs import Construct

from chalicelib.platform.resources import resource_names

REPO_ROOT = Path(__file__).resolve().parent.parent
INFRA_DIR = REPO_ROOT / "infra"

# The periods CloudWatch Logs allows, as aws_cdk names them.
_RETENTION_PERIODS = (
    (1, "ONE_DAY"), (3, "THREE_DAYS"), (5, "FIVE_DAYS"), (7, "ONE_WEEK"), (14, "TWO_WEEKS"), (30, "ONE_MONTH"),
    (60, "TWO_MONTHS"), (90, "THREE_MONTHS"), (120, "FOUR_MONTHS"), (150, "FIVE_MONTHS"), (180, "SIX_MONTHS"),
    (365, "ONE_YEAR"), (400, "THIRTEEN_MONTHS"), (545, "EIGHTEEN_MONTHS"), (731, "TWO_YEARS"),
    (1827, "FIVE_YEARS"), (3653, "TEN_YEARS"),
)
_STAGE = re.compile(r"^[a-z][a-z0-9-]{0,15}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _flag(value: Any, name: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "1", "yes", "on"):
        return True
    if text in ("false", "0", "no", "off"):
        return False
    raise ValueError(f"context {name}={value!r} is not a boolean (true/false)")


@dataclass(frozen=True)
class DeployConfig:
    stage: str
    # Keep the table, buckets, user pool, keys and secrets when the stack is destroyed, and protect
    # the table and the pool from deletion. Off only for throwaway stages.
    retain_data: bool = True
    # Transitional: let the Lambda role touch every tenant's items directly, as before the app assumes
    # the data-access role. Weakens isolation to the application's key building alone.
    direct_data_access: bool = False
    alarm_email: str | None = None
    log_retention_days: int = 90
    api_throttle_rate: int = 100  # requests per second, stage-wide
    api_throttle_burst: int = 200
    source_dir: Path = REPO_ROOT
    tenants_dir: Path = REPO_ROOT / "tenants"
    statemachines_dir: Path = INFRA_DIR / "statemachines"
    frontend_dist: Path = REPO_ROOT / "frontend" / "dist"
    extra_tags: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not _STAGE.match(self.stage):
            raise ValueError(f"stage {self.stage!r}: use 1-16 lowercase letters, digits or dashes, starting with a letter")
        if self.stage == "local":
            raise ValueError("stage 'local' is the embedded stack (make run); pick another name for AWS")
        if self.alarm_email is not None and not _EMAIL.match(self.alarm_email):
            raise ValueError(f"alarm_email {self.alarm_email!r} is not an e-mail address")

    @property
    def prefix(self) -> str:
        """Physical-name prefix: ``jinkong-dev``. Same scheme as the local stack's ``jinkong-local``."""
        return f"jinkong-{self.stage}"

    @property
    def log_retention(self) -> logs.RetentionDays:
        """The shortest CloudWatch retention period keeping at least ``log_retention_days``."""
        for days, member in _RETENTION_PERIODS:
            if days >= self.log_retention_days:
                return getattr(logs.RetentionDays, member)
        return logs.RetentionDays.INFINITE

    @property
    def stack_name(self) -> str:
        return self.prefix

    @property
    def names(self) -> dict[str, str]:
        return resource_names(self.prefix)

    @classmethod
    def from_context(cls, node: Any, **overrides: Any) -> "DeployConfig":
        """From ``-c key=value`` (or the ``STAGE`` environment variable for the stage)."""

        def ctx(key: str) -> Any:
            return node.try_get_context(key)

        stage = ctx("stage") or os.environ.get("STAGE")
        if not stage:
            raise ValueError("no stage: pass -c stage=<name> (make synth/deploy STAGE=<name>)")
        kwargs: dict[str, Any] = {"stage": str(stage)}
        for key in ("retain_data", "direct_data_access"):
            if ctx(key) is not None:
                kwargs[key] = _flag(ctx(key), key)
        for key in ("log_retention_days", "api_throttle_rate", "api_throttle_burst"):
            if ctx(key) is not None:
                kwargs[key] = int(ctx(key))
        if ctx("alarm_email"):
            kwargs["alarm_email"] = str(ctx("alarm_email"))
        kwargs.update(overrides)
        return cls(**kwargs)


def pascal(text: str) -> str:
    """``demo-lending`` → ``DemoLending``: tenant ids and purposes inside construct ids."""
    return "".join(part[:1].upper() + part[1:] for part in text.replace("_", "-").split("-") if part)


def warn(scope: Construct, message: str) -> None:
    """A synth-time warning, attached to the construct: ``make synth`` and the CDK CLI print it."""
    Annotations.of(scope).add_warning_v2("jinkong:skipped", message)
