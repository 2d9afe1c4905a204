"""cdk-nag AwsSolutions findings reviewed and accepted, each with its reason.

cdk-nag 3 reports through CDK's policy validation: an unacknowledged error fails the synth (``make
synth``, ``make deploy``, ``tests/infra``). Each acknowledgment below is on the narrowest construct
and, for IAM wildcards, names the one finding it accepts.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from aws_cdk import Acknowledgment, DefaultStackSynthesizer, Stack, Token, Validations
from constructs import IConstruct

if TYPE_CHECKING:
    from infra.stack import JinkongStack

PLUGIN = "AwsSolutions"


def acknowledge(construct: IConstruct, rule: str, reason: str) -> None:
    """Accept one AwsSolutions finding (``AwsSolutions-S1``, ``AwsSolutions-IAM5[Resource::*]``) on a construct."""
    # Qualified with the plugin's name, as CDK's validation report spells it ("Acknowledge with ...").
    Validations.of(construct).acknowledge(Acknowledgment(id=f"{PLUGIN}::{rule}", reason=reason))


def _arn_ref(stack: Stack, construct: IConstruct) -> str:
    """How cdk-nag spells a resource's ARN in a finding: ``<LogicalId.Arn>``."""
    return f"<{stack.get_logical_id(construct.node.default_child)}.Arn>"


def _pseudo(value: str, name: str) -> str:
    """A pseudo parameter as cdk-nag prints it: literal when the stack's env fixes it, else ``<AWS::Name>``."""
    return value if not Token.is_unresolved(value) else f"<AWS::{name}>"


def _account_region(stack: Stack) -> tuple[str, str]:
    return _pseudo(stack.account, "AccountId"), _pseudo(stack.region, "Region")


def _nag_arn(stack: Stack, service: str, resource: str) -> str:
    account, region = _account_region(stack)
    return f"arn:{_pseudo(stack.partition, 'Partition')}:{service}:{region}:{account}:{resource}"


def suppress_reviewed_findings(stack: "JinkongStack") -> None:
    _console(stack)
    _secrets(stack)
    _identity(stack)
    _tenant_isolation_roles(stack)
    _lambda_role(stack)
    _queue_worker_roles(stack)
    _workflows(stack)
    _cdk_bucket_deployment(stack)


def _console(stack: "JinkongStack") -> None:
    console = stack.console
    acknowledge(console.cdn_logs, "AwsSolutions-S1",
                "This bucket receives CloudFront's access logs; logging its own access would recurse.")
    acknowledge(console.distribution, "AwsSolutions-CFR1",
                "The console serves staff of tenants wherever they are; geography is not an access control here "
                "(Cognito is). Add geo restriction per deployment if a regulator asks for it.")
    acknowledge(console.distribution, "AwsSolutions-CFR2",
                "The distribution serves static files only; the API is not behind it. A WAF web ACL costs about "
                "USD 5 a month at rest, so it is opt-in for production stages (docs/deploy.md).")
    acknowledge(console.distribution, "AwsSolutions-CFR4",
                "Uses the default *.cloudfront.net certificate, with which CloudFront cannot pin a minimum TLS "
                "version. Attach a custom domain and ACM certificate with TLSv1.2_2021 for production.")


def _secrets(stack: "JinkongStack") -> None:
    stores = stack.data.stores
    for secret in stores.stripe_secrets.values():
        acknowledge(secret, "AwsSolutions-SMG4",
                    "Stripe webhook signing secrets and API keys are rolled in the Stripe dashboard and then written "
                    "here with put-secret-value; there is no Lambda that could rotate them.")
    acknowledge(stores.identity_hash_key, "AwsSolutions-SMG4",
                "The key of the group-customer identity hash: rotating it would orphan every stored identity, so "
                "it changes only by a planned re-keying migration, never automatically.")


def _identity(stack: "JinkongStack") -> None:
    pool = stack.identity.user_pool
    acknowledge(pool, "AwsSolutions-COG2",
                "MFA is optional (TOTP) by design: staff enrol it themselves; requiring it per role is a tenant "
                "policy the app can enforce at sign-in.")
    acknowledge(pool, "AwsSolutions-COG8",
                "Threat protection needs the Plus feature plan, billed per monthly active user; it is off by default "
                "and an operator can switch the plan per stage.")


def _tenant_isolation_roles(stack: "JinkongStack") -> None:
    functions = stack.app_functions
    stores = stack.data.stores
    data_role = functions.data_access.role
    for table in stores.all_tables:
        rule = f"AwsSolutions-IAM5[Resource::{_arn_ref(stack, table)}/index/*]"
        reason = ("Queries on the table's own GSIs; the dynamodb:LeadingKeys condition fences index keys to the "
                  "tenant key space exactly as it does the table's.")
        acknowledge(data_role, rule, reason)
        acknowledge(functions.role, rule, reason)
    # With direct_data_access the Lambda role carries the same ceiling itself (transitional).
    holders = [data_role, functions.role] if stack.config.direct_data_access else [data_role]
    for bucket in stores.buckets.values():
        for holder in holders:
            acknowledge(holder, f"AwsSolutions-IAM5[Resource::{_arn_ref(stack, bucket)}/tenants/*]",
                        "The role's ceiling is every tenant's prefix; each request's session policy narrows it "
                        "to tenants/<tenant_id>/ (chalicelib/platform/isolation.py).")
    for action in ("kms:GenerateDataKey*", "kms:ReEncrypt*"):
        reason = ("DynamoDB needs the key's data-key and re-encrypt operations for writes to a table under a "
                  "customer-managed key; usable only through DynamoDB (kms:ViaService) on the one table key.")
        acknowledge(data_role, f"AwsSolutions-IAM5[Action::{action}]", reason)
        acknowledge(functions.role, f"AwsSolutions-IAM5[Action::{action}]", reason)


def _lambda_role(stack: "JinkongStack") -> None:
    role = stack.app_functions.role
    acknowledge(role, "AwsSolutions-IAM5[Resource::*]",
                "X-Ray's PutTraceSegments/PutTelemetryRecords/GetSampling* and DynamoDB ListStreams have no "
                "resource-level permissions.")
    prefix = stack.config.prefix
    acknowledge(role, f"AwsSolutions-IAM5[Resource::{_nag_arn(stack, 'secretsmanager', f'secret:{prefix}/tenants/*/stripe-??????')}]",
                "Each tenant's Stripe secret, including tenants onboarded after this deploy; Secrets Manager "
                "appends six random characters to every secret name.")
    for name in stack.app_functions.state_machine_arns:
        machine = stack.config.names[f"statemachine:{name}"]
        acknowledge(role, f"AwsSolutions-IAM5[Resource::{_nag_arn(stack, 'states', f'execution:{machine}:*')}]",
                    f"Executions of {name} have generated names; the HQ dashboard follows and stops its own runs.")


def _queue_worker_roles(stack: "JinkongStack") -> None:
    """A queue worker's own role carries the platform-partition read (and, transitionally, the data
    ceiling) that the shared Lambda role does, with the same reasons; nothing else of it is wildcard."""
    stores = stack.data.stores
    for role in stack.app_functions.consumer_roles.values():
        acknowledge(role, "AwsSolutions-IAM5[Resource::*]",
                    "The worker traces to X-Ray, and X-Ray's PutTraceSegments, PutTelemetryRecords and "
                    "GetSampling* actions have no resource-level permissions.")
        for table in stores.all_tables:
            acknowledge(role, f"AwsSolutions-IAM5[Resource::{_arn_ref(stack, table)}/index/*]",
                        "Queries on the table's own GSIs; the dynamodb:LeadingKeys condition fences index keys to "
                        "the platform partition exactly as it does the table's.")
        if not stack.config.direct_data_access:
            continue
        for bucket in stores.buckets.values():
            acknowledge(role, f"AwsSolutions-IAM5[Resource::{_arn_ref(stack, bucket)}/tenants/*]",
                        "Transitional direct_data_access: the data-access role's ceiling (every tenant's prefix) on "
                        "the worker's own role, as on the shared Lambda role.")
        for action in ("kms:GenerateDataKey*", "kms:ReEncrypt*"):
            acknowledge(role, f"AwsSolutions-IAM5[Action::{action}]",
                        "DynamoDB needs the key's data-key and re-encrypt operations for writes to a table under a "
                        "customer-managed key; usable only through DynamoDB (kms:ViaService) on the one table key.")


def _workflows(stack: "JinkongStack") -> None:
    for name, machine in stack.workflows.state_machines.items():
        acknowledge(machine.role, "AwsSolutions-IAM5[Resource::*]",
                    "CloudWatch Logs delivery (logs:CreateLogDelivery and friends) and X-Ray tracing, which CDK "
                    "grants for logging and tracing, have no resource-level permissions.")
        for logical_id in stack.workflows.invoked_functions[name]:
            acknowledge(machine.role, f"AwsSolutions-IAM5[Resource::<{logical_id}.Arn>:*]",
                        "The task may call a published version or alias of its own function as well as $LATEST; "
                        "the wildcard covers only that function's qualifiers.")


def _cdk_bucket_deployment(stack: "JinkongStack") -> None:
    """The Lambda behind s3deploy.BucketDeployment: a CDK singleton whose role and runtime CDK owns."""
    singletons = [c for c in stack.node.children if c.node.id.startswith("Custom::CDKBucketDeployment")]
    if not singletons or stack.console.bucket is None:
        return
    account, region = _account_region(stack)
    # The bootstrap's assets bucket, as the default synthesizer names it.
    assets = f"cdk-{DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-{account}-{region}"
    reason_copy = ("BucketDeployment copies the build from the CDK assets bucket into the site bucket and prunes it: "
                   "CDK's own handler and policy, scoped to those two buckets.")
    for singleton in singletons:
        acknowledge(singleton, "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/"
                               "AWSLambdaBasicExecutionRole]",
                    "CDK's BucketDeployment handler logs through the AWS managed basic execution policy.")
        acknowledge(singleton, "AwsSolutions-L1",
                    "CDK pins BucketDeployment's handler runtime; it moves with aws-cdk-lib upgrades.")
        for finding in ("Resource::*", "Action::s3:GetBucket*", "Action::s3:GetObject*", "Action::s3:List*",
                        "Action::s3:Abort*", "Action::s3:DeleteObject*",
                        f"Resource::arn:{_pseudo(stack.partition, 'Partition')}:s3:::{assets}/*",
                        f"Resource::{_arn_ref(stack, stack.console.bucket)}/*"):
            acknowledge(singleton, f"AwsSolutions-IAM5[{finding}]", reason_copy)
