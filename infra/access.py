"""Tenant isolation in IAM: the data-access role request handlers assume with a tenant session policy.

The role's own policy (``isolation.data_access_role_policy``) is the ceiling — any tenant's keys,
never Scan, nothing outside the tenant key space. At request time the app assumes it with
``isolation.tenant_session_policy(tenant_id, ...)``, which narrows it to one tenant's ``T#<id>#*``
keys and ``tenants/<id>/`` objects; HQ's consolidation extractors assume it read-only, one subsidiary
at a time. Both policies come from the one module the app and the tests share.
"""
from __future__ import annotations

from typing import Any

from aws_cdk import Duration
from aws_cdk import aws_iam as iam
from constructs import Construct

from chalicelib.platform.isolation import data_access_role_policy


def statements_from(policy: dict[str, Any]) -> list[iam.PolicyStatement]:
    """CDK statements from an IAM policy document built by ``chalicelib.platform.isolation``."""
    return [iam.PolicyStatement.from_json(s) for s in policy["Statement"]]


class TenantDataAccess(Construct):
    def __init__(self, scope: Construct, construct_id: str, *, assumed_by: iam.IRole,
                 table_arns: list[str], bucket_arns: list[str], table_key_arn: str) -> None:
        super().__init__(scope, construct_id)
        self.role = iam.Role(
            self, "Role",
            description="Assumed per request with a tenant session policy (dynamodb:LeadingKeys T#<tenant>#*)",
            # Only the app's own Lambda role; STS session policies do the per-tenant narrowing.
            assumed_by=iam.ArnPrincipal(assumed_by.role_arn),
            max_session_duration=Duration.hours(1),
            inline_policies={
                "AnyTenantData": iam.PolicyDocument(
                    statements=statements_from(data_access_role_policy(table_arns, bucket_arns, table_key_arn))
                )
            },
        )

    def admit(self, role: iam.IRole) -> None:
        """Let another of the app's roles (a queue worker's) assume the data-access role too."""
        self.role.assume_role_policy.add_statements(iam.PolicyStatement(
            actions=["sts:AssumeRole"], principals=[iam.ArnPrincipal(role.role_arn)],
        ))
        self.role.grant_assume_role(role)
