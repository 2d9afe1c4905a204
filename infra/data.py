"""Where data lives: the table (and silo tables), buckets, queues and secrets — from ``resources.py``.

Nothing here restates a key, an index, a bucket or a queue: each is built from its definition in
``chalicelib/platform/resources.py``, which the local stack provisions from too.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from aws_cdk import Duration, RemovalPolicy
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_kms as kms
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_secretsmanager as secretsmanager
from aws_cdk import aws_sqs as sqs
from constructs import Construct

from chalicelib.platform.resources import BUCKETS, MAIN_TABLE, QUEUES, BucketDef, QueueDef, TableDef
from chalicelib.tenancy.domain import TenantDefinition
from infra.config import DeployConfig, pascal

DLQ_RETENTION = Duration.days(14)  # the longest SQS allows: time to find and replay a poisoned message


def _removal(config: DeployConfig) -> RemovalPolicy:
    return RemovalPolicy.RETAIN if config.retain_data else RemovalPolicy.DESTROY


def build_table(scope: Construct, construct_id: str, definition: TableDef, name: str, key: kms.IKey,
                config: DeployConfig) -> dynamodb.Table:
    """A table from its definition: on demand, PITR, stream, TTL, customer-managed key.

    Every key attribute is a string, as the local provisioner creates them (``platform/tables.py``).
    """
    table = dynamodb.Table(
        scope,
        construct_id,
        table_name=name,
        partition_key=dynamodb.Attribute(name=definition.partition_key, type=dynamodb.AttributeType.STRING),
        sort_key=dynamodb.Attribute(name=definition.sort_key, type=dynamodb.AttributeType.STRING),
        billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
        point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
            point_in_time_recovery_enabled=True
        ),
        stream=dynamodb.StreamViewType[definition.stream_view],
        time_to_live_attribute=definition.ttl_attribute,
        encryption=dynamodb.TableEncryption.CUSTOMER_MANAGED,
        encryption_key=key,
        deletion_protection=config.retain_data,
        removal_policy=_removal(config),
    )
    for index in definition.indexes:
        table.add_global_secondary_index(
            index_name=index.name,
            partition_key=dynamodb.Attribute(name=index.partition_key, type=dynamodb.AttributeType.STRING),
            sort_key=dynamodb.Attribute(name=index.sort_key, type=dynamodb.AttributeType.STRING),
            projection_type=dynamodb.ProjectionType.ALL,
        )
    return table


@dataclass
class DataStores:
    data_key: kms.Key
    table: dynamodb.Table
    silo_tables: dict[str, dynamodb.Table]
    buckets: dict[str, s3.Bucket]  # by BucketDef.purpose
    queues: dict[str, sqs.Queue]  # by QueueDef.purpose
    dead_letter_queues: dict[str, sqs.Queue]
    stripe_secrets: dict[str, secretsmanager.Secret]  # by tenant id
    identity_hash_key: secretsmanager.Secret

    @property
    def all_tables(self) -> list[dynamodb.Table]:
        return [self.table, *self.silo_tables.values()]


class Data(Construct):
    def __init__(self, scope: Construct, construct_id: str, *, config: DeployConfig,
                 tenants: list[TenantDefinition], access_logs: s3.IBucket, console_origin: str) -> None:
        super().__init__(scope, construct_id)
        names = config.names
        removal = _removal(config)

        data_key = kms.Key(
            self, "DataKey",
            alias=f"alias/{config.prefix}-data",
            description=f"Jinkong {config.stage}: tenant data at rest (DynamoDB tables and their streams)",
            enable_key_rotation=True,
            removal_policy=removal,
        )
        table = build_table(self, MAIN_TABLE.logical_id, MAIN_TABLE, names["table"], data_key, config)
        # A silo tenant gets its own table, named as the app derives it (platform/dynamo.table_name_for).
        silo_tables = {
            t.id: build_table(self, f"Silo{pascal(t.id)}Table", MAIN_TABLE, f"{names['table']}-{t.id}", data_key, config)
            for t in tenants
            if t.isolation == "silo"
        }

        buckets = {b.purpose: self._bucket(b, access_logs, console_origin, config) for b in BUCKETS}

        dead_letter_queues: dict[str, sqs.Queue] = {}
        queues: dict[str, sqs.Queue] = {}
        for q in QUEUES:
            dead_letter_queues[q.purpose], queues[q.purpose] = self._queue_pair(q, names)

        stripe_secrets = {
            t.id: secretsmanager.Secret(
                self, f"Stripe{pascal(t.id)}Secret",
                secret_name=stripe_secret_name(config, t.id),
                description=f"Stripe credentials of tenant {t.id}: webhook signing secret and API key. "
                "Deployed with a random placeholder that verifies no signature; set the real values "
                "with put-secret-value (docs/deploy.md).",
                # A random placeholder, never the YAML's demo value: webhooks fail closed until set.
                generate_secret_string=secretsmanager.SecretStringGenerator(
                    secret_string_template=json.dumps({"api_key": ""}),
                    generate_string_key="webhook_secret",
                    exclude_punctuation=True,
                    password_length=48,
                ),
                removal_policy=removal,
            )
            for t in tenants
            if t.stripe.webhook_secret is not None or t.stripe.secret_key_ref is not None
        }
        identity_hash_key = secretsmanager.Secret(
            self, "IdentityHashKey",
            # No fixed name: the app gets the value by reference, and a retained secret then never
            # blocks deploying the stage again.
            description=f"Jinkong {config.stage}: key of the keyed hash that joins a customer across "
            "subsidiaries (group customer identity). Never rotate it in place: every stored hash depends on it.",
            generate_secret_string=secretsmanager.SecretStringGenerator(exclude_punctuation=True, password_length=64),
            # Losing it orphans every group customer identity: it lives as long as the data does.
            removal_policy=removal,
        )

        self.stores = DataStores(
            data_key=data_key, table=table, silo_tables=silo_tables, buckets=buckets,
            queues=queues, dead_letter_queues=dead_letter_queues, stripe_secrets=stripe_secrets,
            identity_hash_key=identity_hash_key,
        )

    def _bucket(self, b: BucketDef, access_logs: s3.IBucket, console_origin: str, config: DeployConfig) -> s3.Bucket:
        return s3.Bucket(
            self, b.logical_id,
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            encryption=s3.BucketEncryption.S3_MANAGED,
            enforce_ssl=True,
            versioned=True,
            object_ownership=s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
            server_access_logs_bucket=access_logs,
            server_access_logs_prefix=f"{b.purpose}/",
            lifecycle_rules=[
                s3.LifecycleRule(
                    id="tidy",
                    abort_incomplete_multipart_upload_after=Duration.days(7),
                    # Vouchers, contracts, reports and clearing files are records: the current version
                    # stays; an overwritten or deleted one is kept a year for recovery, then goes.
                    noncurrent_version_expiration=Duration.days(365),
                    transitions=[
                        s3.Transition(storage_class=s3.StorageClass.INFREQUENT_ACCESS, transition_after=Duration.days(90))
                    ],
                )
            ],
            # The console uploads and downloads tenant files with presigned URLs from its own origin.
            cors=[
                s3.CorsRule(
                    allowed_methods=[s3.HttpMethods.GET, s3.HttpMethods.PUT, s3.HttpMethods.HEAD],
                    allowed_origins=[console_origin],
                    allowed_headers=["*"],
                    max_age=3000,
                )
            ],
            removal_policy=_removal(config),
            auto_delete_objects=not config.retain_data,
        )

    def _queue_pair(self, q: QueueDef, names: dict[str, str]) -> tuple[sqs.Queue, sqs.Queue]:
        dlq = sqs.Queue(
            self, f"{q.logical_id}Dlq",
            queue_name=names[f"dlq:{q.purpose}"],
            retention_period=DLQ_RETENTION,
            encryption=sqs.QueueEncryption.SQS_MANAGED,
            enforce_ssl=True,
        )
        queue = sqs.Queue(
            self, q.logical_id,
            # Named as in resources.resource_names, so @app.on_sqs_message(queue=<name>) finds it.
            queue_name=names[f"queue:{q.purpose}"],
            visibility_timeout=Duration.seconds(q.visibility_timeout_s),
            encryption=sqs.QueueEncryption.SQS_MANAGED,
            enforce_ssl=True,
            dead_letter_queue=sqs.DeadLetterQueue(queue=dlq, max_receive_count=q.max_receive_count),
        )
        return dlq, queue


def access_logs_bucket(scope: Construct, construct_id: str, config: DeployConfig) -> s3.Bucket:
    """Where S3 server access logs of every bucket go (SSE-S3: log delivery cannot use SSE-KMS)."""
    return s3.Bucket(
        scope, construct_id,
        block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
        encryption=s3.BucketEncryption.S3_MANAGED,
        enforce_ssl=True,
        object_ownership=s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
        lifecycle_rules=[s3.LifecycleRule(id="expire-access-logs", expiration=Duration.days(365))],
        removal_policy=_removal(config),
        auto_delete_objects=not config.retain_data,
    )


def stripe_secret_name(config: DeployConfig, tenant_id: str) -> str:
    return stripe_secret_name_template(config).format(tenant_id=tenant_id)


def stripe_secret_name_template(config: DeployConfig) -> str:
    return f"{config.prefix}/tenants/{{tenant_id}}/stripe"
