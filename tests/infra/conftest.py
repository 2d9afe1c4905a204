"""Synthesised stacks, built once per test session (each synth packages a Chalice app).

``real`` is the repository as it stands: the real app, ``tenants/``, ``infra/statemachines/`` and
``frontend/dist`` if built. ``fixture`` is the same stack around a stand-in app that has every kind of
function (API, Step Functions tasks, SQS and stream consumers), a consolidation ASL, tenants with a
silo and a Stripe section, and a built console — so the wiring the real app does not yet exercise is
checked too. ``variant`` flips every deployment switch. All run the AWS Solutions checks exactly as
``infra/app.py`` does.
"""
from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Node 20 is what these machines have; jsii's end-of-life banner would otherwise repeat in every run.
os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")

import aws_cdk as cdk  # noqa: E402
import pytest  # noqa: E402
from cdk_nag import AwsSolutionsChecks  # noqa: E402

from infra.app import cli_context  # noqa: E402
from infra.config import DeployConfig  # noqa: E402
from infra.stack import JinkongStack  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass
class Synthesized:
    stack: JinkongStack
    outdir: Path
    template: dict[str, Any]
    validation_error: str | None  # set when cdk-nag (or another validation) failed the synth

    def resources(self, type_: str) -> dict[str, dict[str, Any]]:
        return {k: r for k, r in self.template["Resources"].items() if r["Type"] == type_}


def synthesize(config: DeployConfig, outdir: Path, env: cdk.Environment | None = None) -> Synthesized:
    app = cdk.App(context=cli_context(), outdir=str(outdir))
    stack = JinkongStack(app, config.stack_name, config=config, env=env)
    cdk.Validations.of(app).add_plugins(AwsSolutionsChecks(app, verbose=True))
    error = None
    try:
        app.synth()
    except RuntimeError as exc:  # jsii surfaces ValidationFailed as RuntimeError; the assembly is written
        error = str(exc)
    template = json.loads((outdir / stack.template_file).read_text())
    return Synthesized(stack, outdir, template, error)


@pytest.fixture(scope="session")
def real(tmp_path_factory) -> Synthesized:
    return synthesize(DeployConfig(stage="test"), tmp_path_factory.mktemp("cdk-real"))


@pytest.fixture(scope="session")
def fixture(tmp_path_factory) -> Synthesized:
    # Packaged from a copy: Chalice writes its dependency cache into the project's .chalice/.
    source = tmp_path_factory.mktemp("fixture-app") / "app"
    shutil.copytree(FIXTURES / "chalice_app", source)
    config = DeployConfig(
        stage="fixture",
        source_dir=source,
        tenants_dir=FIXTURES / "tenants",
        statemachines_dir=FIXTURES / "statemachines",
        frontend_dist=FIXTURES / "dist",
    )
    # A concrete account and region, as under `cdk deploy`: findings and ARNs then read differently.
    env = cdk.Environment(account="123456789012", region="ap-east-1")
    return synthesize(config, tmp_path_factory.mktemp("cdk-fixture"), env)


@pytest.fixture(scope="session")
def variant(tmp_path_factory) -> Synthesized:
    """The real app with every switch away from its default: a throwaway stage before assume-role lands."""
    config = DeployConfig(stage="scratch", retain_data=False, direct_data_access=True, alarm_email="ops@example.com")
    return synthesize(config, tmp_path_factory.mktemp("cdk-variant"))


@pytest.fixture(params=["real", "fixture"])
def any_stack(request) -> Synthesized:
    return request.getfixturevalue(request.param)


@pytest.fixture(params=["real", "fixture", "variant"])
def every_stack(request) -> Synthesized:
    return request.getfixturevalue(request.param)
