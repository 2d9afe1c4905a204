"""Provision the platform's resources on an AWS-compatible endpoint (moto, LocalStack, a sandbox).

Built from ``chalicelib/platform/resources.py`` — the same definitions the CDK stack uses — and
idempotent: re-running finds what exists and creates only what is missing.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from chalicelib.platform import aws
from chalicelib.platform.resources import BUCKETS, MAIN_TABLE, PARTNER_API, QUEUES, USER_POOL, resource_names
from chalicelib.platform.tables import ensure_table


@dataclass
class Provisioned:
    """Physical ids of what was provisioned; becomes the app's environment (``as_env``)."""

    prefix: str
    table_name: str
    user_pool_id: str
    user_pool_client_id: str
    buckets: dict[str, str] = field(default_factory=dict)
    queue_urls: dict[str, str] = field(default_factory=dict)

    def as_env(self) -> dict[str, str]:
        return {
            "JINKONG_TABLE_NAME": self.table_name,
            "JINKONG_USER_POOL_ID": self.user_pool_id,
            "JINKONG_USER_POOL_CLIENT_ID": self.user_pool_client_id,
            "JINKONG_DOCUMENTS_BUCKET": self.buckets["documents"],
            "JINKONG_REPORTS_BUCKET": self.buckets["reports"],
            "JINKONG_CLEARING_BUCKET": self.buckets["clearing"],
            "JINKONG_WEBHOOK_QUEUE_URL": self.queue_urls["webhook-delivery"],
            "JINKONG_EVENTS_QUEUE_URL": self.queue_urls["events"],
        }


def provision(prefix: str) -> Provisioned:
    names = resource_names(prefix)
    ensure_table(names["table"], MAIN_TABLE)
    pool_id, client_id = _ensure_user_pool(names["user_pool"], names["user_pool_client"])
    buckets = {b.purpose: _ensure_bucket(names[f"bucket:{b.purpose}"]) for b in BUCKETS}
    queues = {q.purpose: _ensure_queue(names[f"queue:{q.purpose}"], names[f"dlq:{q.purpose}"], q.max_receive_count,
                                       q.visibility_timeout_s) for q in QUEUES}
    return Provisioned(prefix, names["table"], pool_id, client_id, buckets, queues)


def _ensure_user_pool(pool_name: str, client_name: str) -> tuple[str, str]:
    cognito = aws.client("cognito-idp")
    pool_id = next((p["Id"] for p in _pages(cognito, "list_user_pools", "UserPools", MaxResults=60)
                    if p["Name"] == pool_name), None)
    if pool_id is None:
        pool_id = cognito.create_user_pool(
            PoolName=pool_name,
            Policies={"PasswordPolicy": {"MinimumLength": USER_POOL.password_min_length, "RequireUppercase": True,
                                         "RequireLowercase": True, "RequireNumbers": True, "RequireSymbols": True}},
            Schema=[{"Name": USER_POOL.tenant_attribute, "AttributeDataType": "String", "Mutable": False,
                     "StringAttributeConstraints": {"MinLength": "2", "MaxLength": "63"}}],
            AdminCreateUserConfig={"AllowAdminCreateUserOnly": True},
        )["UserPool"]["Id"]
    existing_groups = {g["GroupName"] for g in _pages(cognito, "list_groups", "Groups", UserPoolId=pool_id)}
    for group in USER_POOL.groups:
        if group not in existing_groups:
            cognito.create_group(UserPoolId=pool_id, GroupName=group, Description=f"Jinkong role {group}")
    clients = cognito.list_user_pool_clients(UserPoolId=pool_id, MaxResults=60)["UserPoolClients"]
    client_id = next((c["ClientId"] for c in clients if c["ClientName"] == client_name), None)
    if client_id is None:
        client_id = cognito.create_user_pool_client(
            UserPoolId=pool_id, ClientName=client_name, GenerateSecret=False,
            ExplicitAuthFlows=list(USER_POOL.explicit_auth_flows),
            ReadAttributes=["email", f"custom:{USER_POOL.tenant_attribute}"],
            PreventUserExistenceErrors="ENABLED",
        )["UserPoolClient"]["ClientId"]
    _ensure_partner_resource_server(pool_id)
    return pool_id, client_id


def _ensure_partner_resource_server(pool_id: str) -> None:
    """The partner API's resource server and its custom scopes (client-credentials app clients)."""
    cognito = aws.client("cognito-idp")
    scopes = [{"ScopeName": s, "ScopeDescription": d} for s, d in PARTNER_API.scopes]
    try:
        cognito.describe_resource_server(UserPoolId=pool_id, Identifier=PARTNER_API.identifier)
        cognito.update_resource_server(UserPoolId=pool_id, Identifier=PARTNER_API.identifier, Name=PARTNER_API.name,
                                       Scopes=scopes)
    except cognito.exceptions.ResourceNotFoundException:
        cognito.create_resource_server(UserPoolId=pool_id, Identifier=PARTNER_API.identifier, Name=PARTNER_API.name,
                                       Scopes=scopes)


def _pages(client, method: str, key: str, **kwargs):
    token_key = "NextToken"
    while True:
        page = getattr(client, method)(**kwargs)
        yield from page.get(key, [])
        token = page.get(token_key)
        if not token:
            return
        kwargs[token_key] = token


LOOPBACK_ORIGINS = ("http://127.0.0.1:*", "http://localhost:*")


def _ensure_bucket(name: str) -> str:
    s3 = aws.client("s3")
    region = s3.meta.region_name
    try:
        s3.head_bucket(Bucket=name)
    except s3.exceptions.ClientError:
        args = {"Bucket": name}
        if region != "us-east-1":
            args["CreateBucketConfiguration"] = {"LocationConstraint": region}
        s3.create_bucket(**args)
        s3.put_public_access_block(Bucket=name, PublicAccessBlockConfiguration={
            "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True, "RestrictPublicBuckets": True})
    # As in the cloud (infra/data.py), the console PUTs and GETs presigned URLs from its own origin —
    # here any loopback port, since the tests serve the console on an ephemeral one.
    s3.put_bucket_cors(Bucket=name, CORSConfiguration={"CORSRules": [{
        "AllowedMethods": ["GET", "PUT", "HEAD"], "AllowedOrigins": list(LOOPBACK_ORIGINS),
        "AllowedHeaders": ["*"], "MaxAgeSeconds": 3000}]})
    return name


def _ensure_queue(name: str, dlq_name: str, max_receive_count: int, visibility_timeout_s: int) -> str:
    sqs = aws.client("sqs")
    dlq_url = sqs.create_queue(QueueName=dlq_name, Attributes={"MessageRetentionPeriod": "1209600"})["QueueUrl"]
    dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    redrive = json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": str(max_receive_count)})
    return sqs.create_queue(QueueName=name, Attributes={"RedrivePolicy": redrive,
                                                        "VisibilityTimeout": str(visibility_timeout_s)})["QueueUrl"]


def teardown(p: Provisioned) -> None:
    """Remove what ``provision`` made (tests against a shared LocalStack clean up after themselves)."""
    from chalicelib.platform.tables import delete_table

    delete_table(p.table_name)
    cognito = aws.client("cognito-idp")
    try:
        cognito.delete_user_pool(UserPoolId=p.user_pool_id)
    except cognito.exceptions.ResourceNotFoundException:
        pass
    s3 = aws.client("s3")
    for bucket in p.buckets.values():
        try:
            for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
                for obj in page.get("Contents", []):
                    s3.delete_object(Bucket=bucket, Key=obj["Key"])
            s3.delete_bucket(Bucket=bucket)
        except s3.exceptions.ClientError:
            pass
    sqs = aws.client("sqs")
    for url in p.queue_urls.values():
        dlq = url + "-dlq"
        for u in (url, dlq):
            try:
                sqs.delete_queue(QueueUrl=u)
            except sqs.exceptions.ClientError:
                pass
