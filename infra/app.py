#!/usr/bin/env python3
"""The CDK app: one Jinkong stack for the stage given as ``-c stage=<name>`` (or ``STAGE``).

``make synth STAGE=dev`` runs this file directly — offline, no AWS account — and writes
``infra/cdk.out/``; ``make deploy`` runs it through the pinned CDK CLI. cdk-nag's AWS Solutions checks
run on every synth, and an unsuppressed finding fails it.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

import aws_cdk as cdk  # noqa: E402
from cdk_nag import AwsSolutionsChecks  # noqa: E402

from infra.config import DeployConfig  # noqa: E402
from infra.stack import JinkongStack  # noqa: E402


def build(app: cdk.App, **overrides) -> JinkongStack:
    """The stack for the context's stage, with the AWS Solutions checks attached."""
    config = DeployConfig.from_context(app.node, **overrides)
    # Account and region come from the CLI's credentials when deploying; a plain synth is environment-agnostic.
    env = cdk.Environment(account=os.environ.get("CDK_DEFAULT_ACCOUNT"), region=os.environ.get("CDK_DEFAULT_REGION"))
    stack = JinkongStack(app, config.stack_name, config=config, env=env)
    cdk.Validations.of(app).add_plugins(AwsSolutionsChecks(app, verbose=True))
    return stack


def cli_context() -> dict:
    """The context the CLI would pass from ``infra/cdk.json`` (feature flags): for a synth without it."""
    with open(REPO_ROOT / "infra" / "cdk.json") as f:
        return json.load(f)["context"]


def main() -> int:
    if os.environ.get("CDK_OUTDIR"):  # under the CLI: it passes cdk.json's context and says where to write
        app = cdk.App()
    else:  # run directly (make synth): the same context, written where the CLI would write
        app = cdk.App(context=cli_context(), outdir=str(REPO_ROOT / "infra" / "cdk.out"))
    stack = build(app)
    try:
        assembly = app.synth()
    except RuntimeError as exc:  # cdk-nag or another validation refused the stack; its report says why
        if "ValidationFailed" not in str(exc):
            raise
        print(exc, file=sys.stderr)
        return 1
    errors = [
        f"{m.id}: {m.entry.data}"
        for m in assembly.get_stack_artifact(stack.artifact_id).messages
        if m.level == "error"
    ]
    if errors:
        print("\n".join(["synth found errors:", *errors]), file=sys.stderr)
        return 1
    print(f"{stack.stack_name}: template in {assembly.directory}/{stack.template_file}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
