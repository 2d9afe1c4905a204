"""The consolidation state machine in the embedded AWS: created from the same ASL file as in the cloud.

``provision_state_machines(prefix)`` renders each ``infra/statemachines/*.asl.json`` named in
``platform.resources.STATE_MACHINES`` with its ``${function}`` placeholders bound to the Lambda
functions the local stack registered (``<prefix>-<chalice name>``, served in-process by the Lambda
shim), creates or updates the state machine, and returns the settings that point the app at it.
Call it after ``stack.register_app_functions(prefix)``.

Resource placeholders (``${reports_bucket}``, where a Distributed Map writes its results) are bound to
the provisioned names here, as the CDK stack binds them to its buckets: the same bytes run in both.
"""
from __future__ import annotations

import json

from chalicelib.platform import aws
from chalicelib.platform.resources import STATE_MACHINES, resource_names

# The settings field (JINKONG_<FIELD>) each machine's ARN goes to, as infra/compute.py names them.
SETTING_FOR = {"group-consolidation": "JINKONG_CONSOLIDATION_STATE_MACHINE_ARN"}


def _setting(name: str) -> str:
    return SETTING_FOR.get(name, f"JINKONG_{name.replace('-', '_').upper()}_STATE_MACHINE_ARN")


def local_function_arns(prefix: str) -> dict[str, str]:
    """Logical id (``ConsolidationExtract``) → ARN of each function ``<prefix>-<name>`` in the emulator."""
    from infra.asl import cfn_logical_id

    lam = aws.client("lambda")
    arns: dict[str, str] = {}
    marker = f"{prefix}-"
    for page in lam.get_paginator("list_functions").paginate():
        for fn in page["Functions"]:
            if fn["FunctionName"].startswith(marker):
                arns[cfn_logical_id(fn["FunctionName"][len(marker):])] = fn["FunctionArn"]
    return arns


def _role_arn(prefix: str) -> str:
    iam = aws.client("iam")
    name = f"{prefix}-states"
    try:
        return iam.get_role(RoleName=name)["Role"]["Arn"]
    except iam.exceptions.NoSuchEntityException:
        trust = {"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Principal": {"Service": "states.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
        return iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]


def provision_state_machines(prefix: str) -> dict[str, str]:
    """Create or update the platform's state machines; returns ``{"JINKONG_…_STATE_MACHINE_ARN": arn}``.

    A machine whose ASL file does not exist yet is skipped; one that names a function the app does not
    define is refused (``infra.asl.AslError``), as the CDK synth would refuse it.
    """
    from infra.asl import STATEMACHINES_DIR, render_asl

    sfn = aws.client("stepfunctions")
    arns = local_function_arns(prefix)
    names = resource_names(prefix)
    existing = {m["name"]: m["stateMachineArn"]
                for page in sfn.get_paginator("list_state_machines").paginate() for m in page["stateMachines"]}
    env: dict[str, str] = {}
    for sm in STATE_MACHINES:
        path = STATEMACHINES_DIR / sm.asl_file
        if not path.is_file():
            continue
        definition = render_asl(path.read_text(encoding="utf-8"), arns, source=f"{path.name} ({sm.name})",
                                resources={"reports_bucket": names["bucket:reports"]})
        name = names[f"statemachine:{sm.name}"]
        if name in existing:
            sfn.update_state_machine(stateMachineArn=existing[name], definition=definition)
            arn = existing[name]
        else:
            arn = sfn.create_state_machine(name=name, definition=definition, roleArn=_role_arn(prefix),
                                           type="STANDARD")["stateMachineArn"]
        env[_setting(sm.name)] = arn
    return env
