"""Step Functions state machines from the ASL files, and the schedules that start work per tenant."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from aws_cdk import ArnFormat, Duration, RemovalPolicy, Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_logs as logs
from aws_cdk import aws_scheduler as scheduler
from aws_cdk import aws_stepfunctions as sfn
from constructs import Construct

from chalicelib.platform.resources import STATE_MACHINES, StateMachineDef
from chalicelib.shared.tenant import TenantKind
from chalicelib.tenancy.domain import TenantDefinition
from infra import asl
from infra.config import DeployConfig, pascal, warn

SCHEDULED_AT = "<aws.scheduler.scheduled-time>"  # EventBridge Scheduler fills this in per run


@dataclass(frozen=True)
class ScheduleSpec:
    """Work started on a clock, once per tenant of the given kinds, at local time in its timezone."""

    purpose: str
    for_groups: bool  # True: one per group tenant; False: one per subsidiary
    hour: int
    minute: int
    # The first target the app and the stack have: ("statemachine", name) or ("function", chalice name).
    targets: tuple[tuple[str, str], ...]
    tenant_field: str  # the input field naming the tenant: {"group_id": ...} or {"tenant_id": ...}

    def applies_to(self, tenant: TenantDefinition) -> bool:
        return tenant.kind is TenantKind.GROUP if self.for_groups else tenant.kind.is_subsidiary


SCHEDULES = (
    # Consolidated exposure is ready when HQ starts the day.
    ScheduleSpec("consolidation", True, 2, 0, (("statemachine", "group-consolidation"),), "group_id"),
    # Accruals, overdue ageing and bills after each subsidiary's business day closes.
    ScheduleSpec(
        "end-of-day", False, 23, 30,
        (("statemachine", "end-of-day-batch"), ("function", "end_of_day_batch")), "tenant_id",
    ),
)


# Where every Distributed Map's ResultWriter puts its results manifest: ``<prefix>/<machine>/<map run>/``.
MAP_RESULTS_PREFIX = "map-results"


def distributed_maps(definition: Mapping) -> list[dict]:
    """The Map states of an ASL definition (at any depth) that run DISTRIBUTED."""
    found: list[dict] = []
    for state in definition.get("States", {}).values():
        processor = state.get("ItemProcessor") or {}
        if state.get("Type") == "Map" and processor.get("ProcessorConfig", {}).get("Mode") == "DISTRIBUTED":
            found.append(state)
        for nested in (processor, *state.get("Branches", ())):
            found += distributed_maps(nested)
    return found


def load_state_machine_definition(
    sm: StateMachineDef, directory: Path, function_arns: Mapping[str, str],
    resources: Mapping[str, str] | None = None,
) -> tuple[str, dict[str, str]] | None:
    """The ASL text of ``sm`` and its substitutions, or None if its file is absent. Fails on unknown functions."""
    path = directory / sm.asl_file
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    return text, asl.substitutions(text, function_arns, source=f"{path.name} ({sm.name})", resources=resources)


class Workflows(Construct):
    def __init__(self, scope: Construct, construct_id: str, *, config: DeployConfig,
                 function_arns: Mapping[str, str], tenants: list[TenantDefinition],
                 definitions: tuple[StateMachineDef, ...] = STATE_MACHINES,
                 run_files_bucket: s3.IBucket | None = None) -> None:
        super().__init__(scope, construct_id)
        # Where Distributed Maps read their manifests and write their results: the reports bucket
        # (chalicelib.risk.reporting.files), passed in, or found beside this construct in the stack.
        self.run_files_bucket = run_files_bucket
        self.state_machines: dict[str, sfn.StateMachine] = {}
        self.invoked_functions: dict[str, list[str]] = {}  # state machine name -> function logical ids
        names = config.names
        for sm in definitions:
            resources = {"reports_bucket": run_files_bucket.bucket_name} if run_files_bucket is not None else {}
            loaded = load_state_machine_definition(sm, config.statemachines_dir, function_arns, resources)
            if loaded is None:
                warn(self, f"state machine {sm.name} skipped: {config.statemachines_dir / sm.asl_file} does not exist yet")
                continue
            asl_text, substitutions = loaded
            log_group = logs.LogGroup(
                self, f"{sm.logical_id}Logs",
                log_group_name=f"/aws/vendedlogs/states/{names[f'statemachine:{sm.name}']}",
                retention=config.log_retention,
                removal_policy=RemovalPolicy.DESTROY,
            )
            machine = sfn.StateMachine(
                self, sm.logical_id,
                state_machine_name=names[f"statemachine:{sm.name}"],
                # The ASL as written, placeholders bound by DefinitionSubstitutions: the definition stays
                # plain JSON in the template.
                definition_body=sfn.DefinitionBody.from_string(asl_text),
                definition_substitutions=substitutions,
                state_machine_type=sfn.StateMachineType.STANDARD,
                tracing_enabled=True,
                logs=sfn.LogOptions(
                    destination=log_group,
                    level=sfn.LogLevel.ALL,
                    # Exposure figures and customer hashes stay out of the logs; state names and errors suffice.
                    include_execution_data=False,
                ),
            )
            # As an object, not a string: cfn-lint skips DefinitionString in a SAM-transformed template
            # (Chalice's), but validates Definition states against the ASL schema.
            cfn_machine = machine.node.default_child
            cfn_machine.add_property_deletion_override("DefinitionString")
            cfn_machine.add_property_override("Definition", json.loads(asl_text))
            functions = {p: arn for p, arn in substitutions.items() if p not in resources}
            self.invoked_functions[sm.name] = sorted({asl.resolve_placeholder(p, function_arns) for p in functions})
            arns = sorted(set(functions.values()))
            if arns:
                # The functions are imported into CDK (Chalice's template), so grant on the role directly.
                machine.add_to_role_policy(
                    iam.PolicyStatement(actions=["lambda:InvokeFunction"], resources=arns + [f"{a}:*" for a in arns])
                )
            if distributed_maps(json.loads(asl_text)):
                self._grant_distributed_map(machine, names[f"statemachine:{sm.name}"])
            self.state_machines[sm.name] = machine

        self.schedule_group = scheduler.CfnScheduleGroup(self, "ScheduleGroup", name=config.prefix)
        # One execution role per kind of schedule: the consolidation schedules may only start the
        # consolidation machine, the end-of-day ones only invoke the end-of-day function.
        self.scheduler_roles: dict[str, iam.Role] = {}
        self.schedules: list[scheduler.CfnSchedule] = []
        for spec in SCHEDULES:
            target = self._target(spec, function_arns)
            if target is None:
                wanted = " or ".join(f"{kind} {name}" for kind, name in spec.targets)
                warn(self, f"{spec.purpose} schedules skipped: neither {wanted} exists yet")
                continue
            target_arn, action = target
            role = self._scheduler_role(spec)
            role.add_to_policy(iam.PolicyStatement(actions=[action], resources=[target_arn]))
            self.scheduler_roles[spec.purpose] = role
            for tenant in tenants:
                if spec.applies_to(tenant):
                    self.schedules.append(self._schedule(spec, tenant, target_arn, role))

    def _grant_distributed_map(self, machine: sfn.StateMachine, name: str) -> None:
        """A Distributed Map runs its children as executions of the machine itself, reads its manifest with
        ``ItemReader`` and writes its results with ``ResultWriter``: the role may do exactly that."""
        from infra.nag import _arn_ref, _nag_arn, acknowledge

        stack = Stack.of(self)
        colon = ArnFormat.COLON_RESOURCE_NAME
        for executions in (f"execution:{name}/*", f"execution:{name}:*"):
            acknowledge(machine.role, f"AwsSolutions-IAM5[Resource::{_nag_arn(stack, 'states', executions)}]",
                        "A Distributed Map follows and stops its child executions, whose ids are made at run time; "
                        "the wildcard covers only this machine's executions.")
        # Spelled from the name: a reference to the machine's own ARN in its role's policy is a cycle.
        machine.add_to_role_policy(iam.PolicyStatement(
            actions=["states:StartExecution"],
            resources=[stack.format_arn(service="states", resource="stateMachine", resource_name=name, arn_format=colon)]))
        machine.add_to_role_policy(iam.PolicyStatement(
            actions=["states:DescribeExecution", "states:StopExecution"],
            # Child executions are named <machine>/<map run label>:<id>; the parent's own, <machine>:<id>.
            resources=[stack.format_arn(service="states", resource="execution", resource_name=f"{name}/*",
                                        arn_format=colon),
                       stack.format_arn(service="states", resource="execution", resource_name=f"{name}:*",
                                        arn_format=colon)]))
        if self.run_files_bucket is None:
            warn(self, f"state machine {name}: no run-files bucket, its Distributed Map cannot read its manifest")
            return
        bucket = self.run_files_bucket
        results = f"{MAP_RESULTS_PREFIX}/{name}/*"
        acknowledge(machine.role, f"AwsSolutions-IAM5[Resource::{_arn_ref(stack, bucket)}/tenants/*]",
                    "The Map reads its manifest among a run's files, under tenants/<tenant>/; the run ids are made "
                    "at run time.")
        acknowledge(machine.role, f"AwsSolutions-IAM5[Resource::{_arn_ref(stack, bucket)}/{results}]",
                    "The Map writes its results manifest under its own prefix; the map run ids are made at run time.")
        # Manifests live among a tenant's run files (tenants/<tenant>/…); results under the machine's prefix.
        machine.add_to_role_policy(iam.PolicyStatement(
            actions=["s3:GetObject"], resources=[bucket.arn_for_objects("tenants/*")]))
        machine.add_to_role_policy(iam.PolicyStatement(
            actions=["s3:PutObject"], resources=[bucket.arn_for_objects(results)]))
        machine.add_to_role_policy(iam.PolicyStatement(
            actions=["s3:ListBucket"], resources=[bucket.bucket_arn],
            conditions={"StringLike": {"s3:prefix": ["tenants/*", results]}}))

    def _scheduler_role(self, spec: ScheduleSpec) -> iam.Role:
        return iam.Role(
            self, f"{pascal(spec.purpose)}SchedulerRole",
            # Confused-deputy guard: only this account's schedules in this stage's group (Scheduler's
            # aws:SourceArn is the schedule group, never a single schedule).
            assumed_by=iam.ServicePrincipal(
                "scheduler.amazonaws.com",
                conditions={"StringEquals": {"aws:SourceAccount": Stack.of(self).account,
                                             "aws:SourceArn": self.schedule_group.attr_arn}},
            ),
            description=f"EventBridge Scheduler starts the per-tenant {spec.purpose} runs",
        )

    def _target(self, spec: ScheduleSpec, function_arns: Mapping[str, str]) -> tuple[str, str] | None:
        for kind, name in spec.targets:
            if kind == "statemachine" and name in self.state_machines:
                return self.state_machines[name].state_machine_arn, "states:StartExecution"
            if kind == "function":
                logical = asl.resolve_placeholder(name, function_arns)
                if logical is not None:
                    return function_arns[logical], "lambda:InvokeFunction"
        return None

    def _schedule(self, spec: ScheduleSpec, tenant: TenantDefinition, target_arn: str,
                  role: iam.Role) -> scheduler.CfnSchedule:
        return scheduler.CfnSchedule(
            self, f"{pascal(spec.purpose)}{pascal(tenant.id)}",
            name=schedule_name(spec.purpose, tenant.id),
            group_name=self.schedule_group.ref,
            description=f"{spec.purpose} for {tenant.id} at {spec.hour:02d}:{spec.minute:02d} {tenant.timezone}",
            schedule_expression=f"cron({spec.minute} {spec.hour} * * ? *)",
            schedule_expression_timezone=tenant.timezone,
            flexible_time_window=scheduler.CfnSchedule.FlexibleTimeWindowProperty(mode="OFF"),
            target=scheduler.CfnSchedule.TargetProperty(
                arn=target_arn,
                role_arn=role.role_arn,
                input=json.dumps({spec.tenant_field: tenant.id, "trigger": "schedule", "scheduled_at": SCHEDULED_AT}),
                retry_policy=scheduler.CfnSchedule.RetryPolicyProperty(
                    maximum_retry_attempts=3, maximum_event_age_in_seconds=int(Duration.hours(2).to_seconds())
                ),
            ),
        )


def schedule_name(purpose: str, tenant_id: str) -> str:
    """Unique within the stage's schedule group and within Scheduler's 64-character limit."""
    name = f"{purpose}-{tenant_id}"
    if len(name) <= 64:
        return name
    digest = hashlib.sha256(tenant_id.encode()).hexdigest()[:8]
    return f"{name[:55]}-{digest}"
