"""The Chalice app in the stack: its Lambda role, its environment, its logs and its event sources.

The app is whatever ``chalice package`` produces: an API handler, pure Lambda functions for Step
Functions tasks, SQS and DynamoDB-stream handlers, ``on_schedule`` functions. Each function gets a log
group with the stage's retention and X-Ray tracing; each event source is wired to the stack's own
queue or stream, with the read permission it needs and nothing wider.

A queue worker listed in ``QUEUE_CONSUMERS`` (the merchant-webhook worker) is wired by the stack even
when the app declares it as a plain ``lambda_function``: an SQS event source reporting partial batch
failures, a timeout that fits its batch, and a role of its own instead of the app's shared one.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from aws_cdk import ArnFormat, Fn, RemovalPolicy, Stack, Token
from aws_cdk import aws_iam as iam
from aws_cdk import aws_logs as logs
from aws_cdk import aws_sqs as sqs
from constructs import Construct

from chalicelib.payments import domain as payments_domain
from chalicelib.payments import webhooks_out
from chalicelib.platform.isolation import data_access_role_policy, tenant_session_policy
from chalicelib.platform.resources import BUCKETS, QUEUES, QueueDef
from chalicelib.platform.observability import SERVICE
from chalicelib.tenancy.domain import PLATFORM_TENANT_ID
from infra.access import TenantDataAccess, statements_from
from infra.chalice_app import ChaliceApp, SamFunction
from infra.config import DeployConfig, pascal
from infra.data import DataStores, stripe_secret_name_template
from infra.identity import Identity

# Settings fields (chalicelib/platform/settings.py, prefix JINKONG_) that name a queue or a state
# machine. A purpose not listed here gets the generic name, e.g. JINKONG_<PURPOSE>_QUEUE_URL.
QUEUE_SETTINGS = {"webhook-delivery": "webhook_queue_url", "events": "events_queue_url"}
STATE_MACHINE_SETTINGS = {"group-consolidation": "consolidation_state_machine_arn"}
_COLON = ArnFormat.COLON_RESOURCE_NAME
DEFAULT_REGION = "ap-east-1"  # only spells service principals while packaging an environment-agnostic synth

COGNITO_ADMIN_ACTIONS = (
    "cognito-idp:AdminGetUser",
    "cognito-idp:AdminCreateUser",
    "cognito-idp:AdminSetUserPassword",
    "cognito-idp:AdminAddUserToGroup",
    "cognito-idp:AdminRemoveUserFromGroup",
    "cognito-idp:AdminListGroupsForUser",
    "cognito-idp:AdminDisableUser",
    "cognito-idp:AdminEnableUser",
    "cognito-idp:AdminUserGlobalSignOut",  # disabling a user or taking a role away ends its sessions
    "cognito-idp:ListUsers",
    "cognito-idp:ListUsersInGroup",
)


class InfraError(ValueError):
    """The app and the stack disagree (a queue the stack lacks, a timeout longer than a queue's)."""


# AWS's guidance for an SQS event source: the queue hides a received message for at least six times
# the function's timeout, so a throttled or retried invocation never sees it handed to another.
VISIBILITY_PER_TIMEOUT = 6


@dataclass(frozen=True)
class QueueConsumer:
    """A function of the app that works through one of the stack's queues (``resources.QUEUES``).

    The stack gives it an SQS event source that reports partial batch failures, its own role (the
    queue, its logs, the platform partition read-only, the tenant data-access role — nothing the API
    needs), and a timeout that fits a whole batch; synth fails if the queue disagrees with it.
    """

    function: str  # the name in app.py (lambda_function(name=...) or the on_sqs_message function)
    queue: str  # QueueDef.purpose
    batch_size: int
    batching_window_s: int
    timeout_s: int
    max_concurrency: int  # Lambda's SQS scaling cap (2-1000): merchants and the table see at most this many
    attempts: int  # the code's attempt count: the queue's maxReceiveCount must equal it
    description: str = ""

    @property
    def logical_id(self) -> str:
        """The function's logical id in Chalice's SAM template (``deliver_webhooks`` → ``DeliverWebhooks``)."""
        return "".join(part.capitalize() for part in self.function.split("_"))


QUEUE_CONSUMERS = (
    # One signed POST per message, each bounded by webhooks_out.TIMEOUT_S: five in a batch fit the
    # 60 s timeout even when every merchant hangs; backoff is a ChangeMessageVisibility per failure.
    QueueConsumer(
        "deliver_webhooks", "webhook-delivery", batch_size=5, batching_window_s=1,
        timeout_s=60, max_concurrency=10, attempts=payments_domain.MAX_DELIVERY_ATTEMPTS,
        description="merchant webhook delivery worker",
    ),
)


def check_consumer(consumer: QueueConsumer, queue: QueueDef) -> None:
    """The queue's settings and the consumer's must agree; raise InfraError naming what to change."""
    where = f"{consumer.function} (queue {queue.purpose})"
    if queue.max_receive_count != consumer.attempts:
        raise InfraError(
            f"{where}: the code makes {consumer.attempts} attempts but the queue moves a message to its "
            f"dead-letter queue after {queue.max_receive_count} receives. Make max_receive_count in resources.QUEUES "
            f"equal the attempt count."
        )
    if queue.visibility_timeout_s < VISIBILITY_PER_TIMEOUT * consumer.timeout_s:
        raise InfraError(
            f"{where}: the queue hides a message for {queue.visibility_timeout_s}s, less than "
            f"{VISIBILITY_PER_TIMEOUT} x the function's {consumer.timeout_s}s timeout. Raise visibility_timeout_s in "
            f"resources.QUEUES or lower the consumer's timeout_s."
        )
    if consumer.queue == "webhook-delivery" and consumer.batch_size * webhooks_out.TIMEOUT_S >= consumer.timeout_s:
        raise InfraError(
            f"{where}: {consumer.batch_size} deliveries of up to {webhooks_out.TIMEOUT_S}s each do not fit the "
            f"function's {consumer.timeout_s}s timeout; lower batch_size or raise timeout_s."
        )
    if not 1 <= consumer.batch_size <= 10 or not 0 <= consumer.batching_window_s <= 300:
        raise InfraError(f"{where}: batch size 1-10 and a batching window of 0-300 s (standard queue, no window rule)")


def setting_env(field: str) -> str:
    return f"JINKONG_{field.upper()}"


def queue_env(purpose: str) -> str:
    return setting_env(QUEUE_SETTINGS.get(purpose, f"{purpose.replace('-', '_')}_queue_url"))


def state_machine_env(name: str) -> str:
    return setting_env(STATE_MACHINE_SETTINGS.get(name, f"{name.replace('-', '_')}_state_machine_arn"))


def bucket_env(purpose: str) -> str:
    return setting_env(f"{purpose.replace('-', '_')}_bucket")


class AppFunctions(Construct):
    def __init__(self, scope: Construct, construct_id: str, *, config: DeployConfig, stores: DataStores,
                 identity: Identity, console_origin: str, deployed_state_machines: list[str]) -> None:
        super().__init__(scope, construct_id)
        stack = Stack.of(self)
        self.config = config
        self.stores = stores
        self.role = iam.Role(
            self, "LambdaRole",
            assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"),
            description=f"Jinkong {config.stage}: every function of the Chalice app",
        )
        self.data_access = TenantDataAccess(
            self, "TenantDataAccess",
            assumed_by=self.role,
            table_arns=[t.table_arn for t in stores.all_tables],
            bucket_arns=[b.bucket_arn for b in stores.buckets.values()],
            table_key_arn=stores.data_key.key_arn,
        )
        self.state_machine_arns = {
            name: stack.format_arn(service="states", resource="stateMachine", resource_name=config.names[f"statemachine:{name}"],
                                   arn_format=_COLON)
            for name in deployed_state_machines
        }
        self.environment = self._environment(identity, console_origin)

        region = stack.region if not Token.is_unresolved(stack.region) else os.environ.get("CDK_DEFAULT_REGION", DEFAULT_REGION)
        self.app = ChaliceApp(
            self, "Chalice",
            source_dir=config.source_dir,
            chalice_stage=config.stage,
            region=region,
            stage_config={
                # The stack owns the role: least privilege here, not Chalice's policy generator.
                "manage_iam_role": False,
                "iam_role_arn": self.role.role_arn,
                "autogen_policy": False,
                "xray": True,
                # Dependencies in a managed layer, cached on requirements.txt alone: a code change then
                # re-zips only the app (Chalice keys its all-in-one cache on the code too, re-downloading
                # every wheel after each edit), and a deploy uploads the layer only when it changed.
                "automatic_layer": True,
                "environment_variables": self.environment,
            },
        )
        self.functions: dict[str, SamFunction] = self.app.functions()
        # Queue workers run under a role of their own, made before any function is wired.
        self.consumers: dict[str, QueueConsumer] = {
            c.logical_id: c for c in QUEUE_CONSUMERS if c.logical_id in self.functions
        }
        self.consumer_roles: dict[str, iam.Role] = {
            logical_id: self._consumer_role(consumer) for logical_id, consumer in self.consumers.items()
        }
        self.log_groups: dict[str, logs.LogGroup] = {}
        consumes_stream = False
        for fn in self.functions.values():
            consumes_stream |= self._wire_function(fn)
        self._grant(identity, consumes_stream)
        # Event source mappings check the role's permissions when created: its policy first, then the
        # functions (the role itself they already wait for, through Role: GetAtt).
        for fn in self.functions.values():
            policy = self.role_of(fn.logical_id).node.find_child("DefaultPolicy")
            self.app.sam_template.get_resource(fn.logical_id).node.add_dependency(policy)
        self._configure_api()

    def role_of(self, logical_id: str) -> iam.Role:
        """The execution role of a function: its consumer role, or the app's shared one."""
        return self.consumer_roles.get(logical_id, self.role)

    # --- environment ---------------------------------------------------------------------------

    def _environment(self, identity: Identity, console_origin: str) -> dict[str, str]:
        """What the app reads through ``Settings`` (JINKONG_*) and Powertools, from the stack's resources."""
        s, c = self.stores, self.config
        env = {
            "POWERTOOLS_SERVICE_NAME": SERVICE,
            "POWERTOOLS_METRICS_NAMESPACE": f"{SERVICE}-{c.stage}",
            setting_env("stage"): c.stage,
            setting_env("table_name"): s.table.table_name,
            setting_env("table_arn"): s.table.table_arn,
            setting_env("table_stream_arn"): s.table.table_stream_arn or "",
            setting_env("table_key_arn"): s.data_key.key_arn,
            setting_env("user_pool_id"): identity.user_pool.user_pool_id,
            setting_env("user_pool_client_id"): identity.client.user_pool_client_id,
            setting_env("tenant_data_role_arn"): self.data_access.role.role_arn,
            setting_env("stripe_secret_name_template"): stripe_secret_name_template(c),
            setting_env("console_origin"): console_origin,
            # Resolved by CloudFormation at deploy time; the value never appears in the template.
            setting_env("identity_hash_key"): s.identity_hash_key.secret_value.unsafe_unwrap(),
        }
        for b in BUCKETS:
            env[bucket_env(b.purpose)] = s.buckets[b.purpose].bucket_name
        for q in QUEUES:
            env[queue_env(q.purpose)] = s.queues[q.purpose].queue_url
        for name, arn in self.state_machine_arns.items():
            env[state_machine_env(name)] = arn
        return env

    # --- functions -----------------------------------------------------------------------------

    def _wire_function(self, fn: SamFunction) -> bool:
        """Log group and event sources of one function. True if it reads the table stream."""
        cfn_fn = self.app.sam_template.get_resource(fn.logical_id)
        log_group = logs.LogGroup(
            self, f"{fn.logical_id}Logs",
            retention=self.config.log_retention,
            removal_policy=RemovalPolicy.DESTROY,
        )
        log_group.grant_write(self.role_of(fn.logical_id))
        cfn_fn.add_property_override("LoggingConfig", {"LogGroup": log_group.log_group_name, "LogFormat": "Text"})
        self.log_groups[fn.logical_id] = log_group

        consumer = self.consumers.get(fn.logical_id)
        if consumer is not None:
            self._wire_consumer(fn, consumer)
            return False
        for ev in fn.events_of("SQS"):
            queue = self._queue_for(fn, ev.name, ev.properties.get("Queue"))
            # Point the mapping at the queue itself (not a name-built ARN) so it is created after it.
            cfn_fn.add_property_override(f"Events.{ev.name}.Properties.Queue", queue.queue_arn)
            queue.grant_consume_messages(self.role)
        reads_stream = False
        for ev in fn.events_of("DynamoDB"):
            # The platform has one stream, the pool table's: whatever ARN the app named at import.
            cfn_fn.add_property_override(f"Events.{ev.name}.Properties.Stream", self.stores.table.table_stream_arn)
            reads_stream = True
        return reads_stream

    def _queue_for(self, fn: SamFunction, event_name: str, queue_ref: Any) -> sqs.Queue:
        queue = self._resolve_queue(fn, event_name, queue_ref)
        purpose = next(p for p, q in self.stores.queues.items() if q is queue)
        visibility = next(q.visibility_timeout_s for q in QUEUES if q.purpose == purpose)
        if VISIBILITY_PER_TIMEOUT * fn.timeout > visibility:
            raise InfraError(
                f"function {fn.logical_id} times out after {fn.timeout}s but queue {purpose} hides a message for "
                f"{visibility}s, less than {VISIBILITY_PER_TIMEOUT} x the timeout (AWS's guidance for an SQS event "
                f"source). Raise visibility_timeout_s in resources.QUEUES or lower the function's lambda_timeout."
            )
        return queue

    def _resolve_queue(self, fn: SamFunction, event_name: str, queue_ref: Any) -> sqs.Queue:
        raw = queue_ref.get("Fn::Sub") if isinstance(queue_ref, dict) else queue_ref
        by_arn = {q.queue_arn: q for q in self.stores.queues.values()}
        if isinstance(raw, str) and raw in by_arn:
            queue = by_arn[raw]
        else:
            name = raw.rsplit(":", 1)[-1] if isinstance(raw, str) else None
            by_name = {self.config.names[f"queue:{p}"]: q for p, q in self.stores.queues.items()}
            if name not in by_name:
                raise InfraError(
                    f"function {fn.logical_id} ({event_name}) consumes SQS queue {name or queue_ref!r}, which the stack "
                    f"does not define. Queues: {', '.join(sorted(by_name))} (resources.QUEUES, named by resource_names)."
                )
            queue = by_name[name]
        return queue

    # --- queue workers -------------------------------------------------------------------------

    def _consumer_role(self, consumer: QueueConsumer) -> iam.Role:
        """What a queue worker needs and nothing the API does: no Cognito, no Stripe secrets, no sends."""
        s = self.stores
        role = iam.Role(
            self, f"{consumer.logical_id}Role",
            assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"),
            description=f"Jinkong {self.config.stage}: {consumer.description or consumer.function} ({consumer.queue} queue)",
        )
        if self.config.direct_data_access:
            # Transitional: the data-access role's ceiling (any tenant's T#*, the registry's included).
            policy = data_access_role_policy(
                [t.table_arn for t in s.all_tables], [b.bucket_arn for b in s.buckets.values()], s.data_key.key_arn,
            )
        else:
            # The tenant registry (platform partition), read-only: it resolves the message's tenant.
            policy = tenant_session_policy(PLATFORM_TENANT_ID, s.table.table_arn, table_key_arn=s.data_key.key_arn,
                                           read_only=True)
        for statement in statements_from(policy):
            role.add_to_policy(statement)
        # Tenant data through the data-access role with the tenant's session policy, as the API does.
        self.data_access.admit(role)
        role.add_to_policy(iam.PolicyStatement(
            actions=["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"],
            resources=["*"],
        ))
        return role

    def _wire_consumer(self, fn: SamFunction, consumer: QueueConsumer) -> None:
        """An SQS event source with partial batch failures, the consumer's role and its timeout."""
        definition = next((q for q in QUEUES if q.purpose == consumer.queue), None)
        if definition is None or consumer.queue not in self.stores.queues:
            raise InfraError(f"{consumer.function} consumes queue {consumer.queue!r}, which resources.QUEUES does not define")
        check_consumer(consumer, definition)
        queue = self.stores.queues[consumer.queue]
        cfn_fn = self.app.sam_template.get_resource(fn.logical_id)
        cfn_fn.add_property_override("Role", self.consumer_roles[fn.logical_id].role_arn)
        cfn_fn.add_property_override("Timeout", consumer.timeout_s)
        # An on_sqs_message function arrives with an SQS event already: the same one, configured here.
        existing = fn.events_of("SQS")
        for ev in existing:
            if self._resolve_queue(fn, ev.name, ev.properties.get("Queue")) is not queue:
                raise InfraError(f"{fn.logical_id} ({ev.name}) reads another queue than its consumer's {consumer.queue}")
        event_name = existing[0].name if existing else f"{pascal(consumer.queue)}Queue"
        cfn_fn.add_property_override(f"Events.{event_name}", {
            "Type": "SQS",
            "Properties": {
                # The queue itself (not a name-built ARN): the mapping is created after it.
                "Queue": queue.queue_arn,
                "BatchSize": consumer.batch_size,
                "MaximumBatchingWindowInSeconds": consumer.batching_window_s,
                # Only the records the handler names in batchItemFailures come back (after their backoff).
                "FunctionResponseTypes": ["ReportBatchItemFailures"],
                "ScalingConfig": {"MaximumConcurrency": consumer.max_concurrency},
                "Enabled": True,
            },
        })
        # Lambda's poller receives and deletes with the function's role; the handler's backoff changes
        # a failed message's visibility. On this queue only (SSE-SQS: no key to grant).
        self.consumer_roles[fn.logical_id].add_to_policy(iam.PolicyStatement(
            actions=["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes"],
            resources=[queue.queue_arn],
        ))

    # --- permissions ---------------------------------------------------------------------------

    def _grant(self, identity: Identity, consumes_stream: bool) -> None:
        s, role, stack = self.stores, self.role, Stack.of(self)
        self.data_access.role.grant_assume_role(role)
        # The platform's own partition (tenant registry) is the only data the Lambda role reaches itself.
        for statement in statements_from(
            tenant_session_policy(PLATFORM_TENANT_ID, s.table.table_arn, table_key_arn=s.data_key.key_arn)
        ):
            role.add_to_policy(statement)
        if self.config.direct_data_access:
            # Transitional: the data-access role's own ceiling (any tenant, never Scan) on the Lambda role.
            for statement in statements_from(data_access_role_policy(
                [t.table_arn for t in s.all_tables], [b.bucket_arn for b in s.buckets.values()], s.data_key.key_arn,
            )):
                role.add_to_policy(statement)
        for queue in s.queues.values():
            queue.grant_send_messages(role)
        if consumes_stream:
            role.add_to_policy(iam.PolicyStatement(
                actions=["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"],
                resources=[s.table.table_stream_arn],
            ))
            role.add_to_policy(iam.PolicyStatement(actions=["dynamodb:ListStreams"], resources=["*"]))
            s.data_key.grant_decrypt(role)  # the stream is encrypted with the table's key
        for name, arn in self.state_machine_arns.items():
            role.add_to_policy(iam.PolicyStatement(actions=["states:StartExecution", "states:ListExecutions"], resources=[arn]))
            executions = stack.format_arn(service="states", resource="execution",
                                          resource_name=f"{self.config.names[f'statemachine:{name}']}:*", arn_format=_COLON)
            role.add_to_policy(iam.PolicyStatement(
                actions=["states:DescribeExecution", "states:GetExecutionHistory", "states:StopExecution"],
                resources=[executions],
            ))
        role.add_to_policy(iam.PolicyStatement(actions=list(COGNITO_ADMIN_ACTIONS), resources=[identity.user_pool.user_pool_arn]))
        role.add_to_policy(iam.PolicyStatement(
            actions=["secretsmanager:GetSecretValue"],
            resources=[stack.format_arn(service="secretsmanager", resource="secret",
                                        # Secrets Manager appends "-" and six random characters to a name.
                                        resource_name=stripe_secret_name_template(self.config).format(tenant_id="*") + "-??????",
                                        arn_format=_COLON)],
        ))
        role.add_to_policy(iam.PolicyStatement(
            actions=["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"],
            resources=["*"],
        ))

    # --- API Gateway ---------------------------------------------------------------------------

    def _configure_api(self) -> None:
        api = self.app.rest_api()
        if api is None:
            self.api_name = self.api_stage = self.api_url = None
            return
        logical_id, self.api_stage = api
        self.api_name = self.config.prefix
        rest_api = self.app.sam_template.get_resource(logical_id)
        # Named per stage, so two stages in one account have their own metrics (ApiName dimension).
        rest_api.add_property_override("Name", self.api_name)
        rest_api.add_property_override("DefinitionBody.info.title", self.api_name)
        rest_api.add_property_override("MethodSettings", [{
            "ResourcePath": "/*",
            "HttpMethod": "*",
            "ThrottlingRateLimit": self.config.api_throttle_rate,
            "ThrottlingBurstLimit": self.config.api_throttle_burst,
        }])
        self.api_url = Fn.sub(
            "https://${Api}.execute-api.${AWS::Region}.${AWS::URLSuffix}/" + self.api_stage, {"Api": rest_api.ref}
        )
        self._partner_usage_plans(rest_api.ref)

    def _partner_usage_plans(self, rest_api_id: str) -> None:
        """One usage plan per partner rate tier (``resources.RATE_TIERS``): throttle and daily quota.
        A partner application's API key joins its tier's plan; locally ``platform.throttle`` applies
        the same numbers."""
        from aws_cdk import aws_apigateway as apigw

        from chalicelib.platform.resources import RATE_TIERS

        self.usage_plans = {
            tier.name: apigw.CfnUsagePlan(
                self, f"PartnerTier{tier.name.title()}",
                usage_plan_name=f"{self.api_name}-partner-{tier.name}",
                description=f"Partner rate tier {tier.name}",
                api_stages=[apigw.CfnUsagePlan.ApiStageProperty(api_id=rest_api_id, stage=self.api_stage)],
                throttle=apigw.CfnUsagePlan.ThrottleSettingsProperty(rate_limit=tier.rate_per_s,
                                                                     burst_limit=tier.burst),
                quota=apigw.CfnUsagePlan.QuotaSettingsProperty(limit=tier.quota_per_day, period="DAY"),
            )
            for tier in RATE_TIERS
        }

    def function_arns(self) -> Mapping[str, str]:
        return {logical_id: self.app.function_arn(logical_id) for logical_id in self.functions}

    def function_names(self) -> Mapping[str, str]:
        return {logical_id: self.app.function_name(logical_id) for logical_id in self.functions}

