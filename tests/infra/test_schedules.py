"""The per-tenant schedules: group consolidation daily per group, the end-of-day batch daily per
subsidiary, each at local time in the tenant's timezone, each kind under a role reaching only its target."""
from __future__ import annotations

import json

from infra.tenants import load_tenants
from infra.workflows import SCHEDULES


def _id(stack, construct) -> str:
    return stack.get_logical_id(construct.node.default_child)


def _statements(synth, role) -> list[dict]:
    policy_id = _id(synth.stack, role.node.find_child("DefaultPolicy"))
    return synth.template["Resources"][policy_id]["Properties"]["PolicyDocument"]["Statement"]


def _refs(node) -> set[str]:
    if isinstance(node, dict):
        found = {node["Fn::GetAtt"][0]} if "Fn::GetAtt" in node else ({node["Ref"]} if "Ref" in node else set())
        return found.union(*(_refs(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_refs(v) for v in node))
    return set()


def test_each_group_is_consolidated_daily_and_each_subsidiary_closes_its_day(real):
    tenants = load_tenants(real.stack.config.tenants_dir)
    schedules = {s["Properties"]["Name"]: s["Properties"] for s in real.resources("AWS::Scheduler::Schedule").values()}
    expected = {f"{spec.purpose}-{t.id}": (spec, t) for spec in SCHEDULES for t in tenants if spec.applies_to(t)}
    assert {n.split("-demo-")[0] for n in expected} == {"consolidation", "end-of-day"}  # the demo group has both
    assert set(schedules) == set(expected)
    stack = real.stack
    machine = _id(stack, stack.workflows.state_machines["group-consolidation"])
    for name, (spec, tenant) in expected.items():
        props = schedules[name]
        assert props["ScheduleExpression"] == f"cron({spec.minute} {spec.hour} * * ? *)", name  # daily
        assert props["ScheduleExpressionTimezone"] == tenant.timezone, name
        target = props["Target"]
        assert json.loads(target["Input"])[spec.tenant_field] == tenant.id, name
        assert target["RetryPolicy"]["MaximumRetryAttempts"] >= 1
        role = stack.workflows.scheduler_roles[spec.purpose]
        assert target["RoleArn"] == {"Fn::GetAtt": [_id(stack, role), "Arn"]}
        if spec.purpose == "consolidation":
            assert target["Arn"] == {"Ref": machine}
        else:
            assert target["Arn"] == {"Fn::GetAtt": ["EndOfDayBatch", "Arn"]}


def test_each_kind_of_schedule_has_a_role_that_reaches_only_its_target(real):
    stack = real.stack
    group = stack.get_logical_id(stack.workflows.schedule_group)
    machine = _id(stack, stack.workflows.state_machines["group-consolidation"])
    expected = {"consolidation": ("states:StartExecution", machine), "end-of-day": ("lambda:InvokeFunction", "EndOfDayBatch")}
    assert set(stack.workflows.scheduler_roles) == set(expected)
    for purpose, role in stack.workflows.scheduler_roles.items():
        [statement] = _statements(real, role)
        assert (statement["Action"], *_refs(statement["Resource"])) == expected[purpose], purpose
        trust = real.template["Resources"][_id(stack, role)]["Properties"]["AssumeRolePolicyDocument"]["Statement"]
        [assume] = trust
        assert assume["Principal"] == {"Service": "scheduler.amazonaws.com"}
        # Scheduler's confused-deputy guard names the schedule group (never a single schedule).
        assert assume["Condition"]["StringEquals"]["aws:SourceArn"] == {"Fn::GetAtt": [group, "Arn"]}
        assert assume["Condition"]["StringEquals"]["aws:SourceAccount"] == {"Ref": "AWS::AccountId"}
