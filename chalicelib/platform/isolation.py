"""Tenant isolation in IAM: the session policy a request's credentials are scoped by.

The AWS SaaS Factory pattern: request handlers assume a data-access role with this inline session
policy, so even a bug in key building cannot reach another tenant's items. One builder serves the
app (at assume-role time) and the tests and the CDK stack (which assert on its shape).
"""
from __future__ import annotations

from typing import Any

from chalicelib.platform.keys import SEP, tenant_prefix

DYNAMODB_DATA_ACTIONS = (
    "dynamodb:GetItem",
    "dynamodb:BatchGetItem",
    "dynamodb:Query",
    "dynamodb:PutItem",
    "dynamodb:UpdateItem",
    "dynamodb:DeleteItem",
    "dynamodb:BatchWriteItem",
    "dynamodb:ConditionCheckItem",
)
DYNAMODB_READ_ACTIONS = ("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query")

# A table encrypted with a customer-managed key also needs the key, and only through DynamoDB.
KMS_TABLE_READ_ACTIONS = ("kms:Decrypt", "kms:DescribeKey")
KMS_TABLE_WRITE_ACTIONS = ("kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*")
# Every tenant's keys start with T#: the data-access role's own policy admits them all, and each
# session policy narrows that to one tenant's prefix.
ANY_TENANT_KEY = f"T{SEP}*"
TENANT_OBJECTS = "tenants"


def tenant_session_policy(
    tenant_id: str,
    table_arn: str,
    bucket_arns: list[str] | tuple[str, ...] = (),
    read_only: bool = False,
    *,
    table_key_arn: str | None = None,
) -> dict[str, Any]:
    """An IAM policy admitting only ``T#<tenant_id>#*`` keys and the tenant's S3 prefix.

    ``read_only`` gives the narrower policy HQ's consolidation extractors run under, one subsidiary
    at a time. Scan is never granted: a scan cannot be fenced by leading keys.

    ``table_key_arn`` is the table's customer-managed KMS key (``JINKONG_TABLE_KEY_ARN`` in the
    cloud): a session policy that omits it cannot read an encrypted item, since session policies only
    ever narrow the role. Locally there is no such key and the argument is left out.
    """
    actions = DYNAMODB_READ_ACTIONS if read_only else DYNAMODB_DATA_ACTIONS
    statements: list[dict[str, Any]] = [
        {
            "Sid": "TenantItemsOnly",
            "Effect": "Allow",
            "Action": list(actions),
            "Resource": [table_arn, f"{table_arn}/index/*"],
            "Condition": {"ForAllValues:StringLike": {"dynamodb:LeadingKeys": [f"{tenant_prefix(tenant_id)}*"]}},
        }
    ]
    if bucket_arns:
        s3_actions = ["s3:GetObject"] if read_only else ["s3:GetObject", "s3:PutObject"]
        statements.append(
            {
                "Sid": "TenantObjectsOnly",
                "Effect": "Allow",
                "Action": s3_actions,
                "Resource": [f"{arn}/tenants/{tenant_id}/*" for arn in bucket_arns],
            }
        )
        statements.append(
            {
                "Sid": "TenantListingOnly",
                "Effect": "Allow",
                "Action": ["s3:ListBucket"],
                "Resource": list(bucket_arns),
                "Condition": {"StringLike": {"s3:prefix": [f"tenants/{tenant_id}/*"]}},
            }
        )
    if table_key_arn:
        statements.append(_table_key_statement(table_key_arn, read_only))
    return {"Version": "2012-10-17", "Statement": statements}


def _table_key_statement(table_key_arn: str, read_only: bool) -> dict[str, Any]:
    return {
        "Sid": "TableKeyViaDynamoDB",
        "Effect": "Allow",
        "Action": list(KMS_TABLE_READ_ACTIONS if read_only else KMS_TABLE_WRITE_ACTIONS),
        "Resource": [table_key_arn],
        # Usable only by DynamoDB on the caller's behalf, never to decrypt arbitrary ciphertext.
        "Condition": {"StringLike": {"kms:ViaService": ["dynamodb.*"]}},
    }


def data_access_role_policy(
    table_arns: list[str] | tuple[str, ...],
    bucket_arns: list[str] | tuple[str, ...] = (),
    table_key_arn: str | None = None,
) -> dict[str, Any]:
    """The data-access role's own permissions: the ceiling every tenant session policy narrows.

    Any tenant's keys (``T#*``) and objects under ``tenants/``, never Scan, never a key outside the
    tenant key space: without a session policy the role is already fenced off from anything that is
    not tenant data. ``table_arns`` are the pool table and any silo tables.
    """
    tables = list(table_arns)
    statements: list[dict[str, Any]] = [
        {
            "Sid": "AnyTenantItems",
            "Effect": "Allow",
            "Action": list(DYNAMODB_DATA_ACTIONS),
            "Resource": tables + [f"{arn}/index/*" for arn in tables],
            "Condition": {"ForAllValues:StringLike": {"dynamodb:LeadingKeys": [ANY_TENANT_KEY]}},
        }
    ]
    if bucket_arns:
        statements.append(
            {
                "Sid": "AnyTenantObjects",
                "Effect": "Allow",
                "Action": ["s3:GetObject", "s3:PutObject"],
                "Resource": [f"{arn}/{TENANT_OBJECTS}/*" for arn in bucket_arns],
            }
        )
        statements.append(
            {
                "Sid": "AnyTenantListing",
                "Effect": "Allow",
                "Action": ["s3:ListBucket"],
                "Resource": list(bucket_arns),
                "Condition": {"StringLike": {"s3:prefix": [f"{TENANT_OBJECTS}/*"]}},
            }
        )
    if table_key_arn:
        statements.append(_table_key_statement(table_key_arn, read_only=False))
    return {"Version": "2012-10-17", "Statement": statements}
