"""Register the platform tenant and create the first platform admin in a deployed stage.

    .venv/bin/python -m infra.platform_admin --stage dev --username admin@platform --email ops@example.com

Run once per stage, after the first ``make deploy``, with an operator's AWS credentials (someone who
administers the account, not the app's roles). It reads the stack's outputs, registers the platform
tenant from ``tenants/platform.yaml`` through the app's own registry, creates the user with the
``platform-admin`` role and prints a temporary password, to be changed at first sign-in. Everything
after that — groups, subsidiaries, their admins — is onboarding through the API or the console.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from chalicelib.shared.tenant import Role, TenantKind
from infra.config import DeployConfig
from infra.tenants import TENANTS_DIR, load_tenants


def stack_outputs(stack_name: str, cloudformation: Any) -> dict[str, str]:
    """The deployed stack's outputs by key (ApiUrl, TableName, UserPoolId, Region, ...)."""
    [stack] = cloudformation.describe_stacks(StackName=stack_name)["Stacks"]
    return {o["OutputKey"]: o["OutputValue"] for o in stack.get("Outputs", [])}


def create_platform_admin(outputs: Mapping[str, str], username: str, email: str | None,
                          tenants_dir: Path = TENANTS_DIR):
    """Upsert the platform tenant and create ``username`` as its platform admin. Returns the new user."""
    # The app's settings, pointed at the deployed stage; its registry and directory do the rest.
    os.environ["JINKONG_TABLE_NAME"] = outputs["TableName"]
    os.environ["JINKONG_USER_POOL_ID"] = outputs["UserPoolId"]
    os.environ["AWS_DEFAULT_REGION"] = outputs["Region"]
    from chalicelib.platform.settings import reset_settings
    from chalicelib.tenancy.identity import CognitoDirectory
    from chalicelib.tenancy.store import TenantRegistry

    reset_settings()
    platform = [t for t in load_tenants(tenants_dir) if t.kind is TenantKind.PLATFORM]
    if len(platform) != 1:
        raise SystemExit(f"expected exactly one tenant of kind platform under {tenants_dir}, found {len(platform)}")
    registry = TenantRegistry()
    if registry.get(platform[0].id) is None:
        registry.add(platform[0])
    directory = CognitoDirectory()
    if directory.user_exists(username):
        raise SystemExit(f"user {username} already exists in {outputs['UserPoolId']}; nothing created")
    return directory.create_user(username, platform[0].id, [Role.PLATFORM_ADMIN], email=email)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stage", default=os.environ.get("STAGE"), required=os.environ.get("STAGE") is None)
    parser.add_argument("--username", default="admin@platform")
    parser.add_argument("--email", default=None, help="where Cognito sends password resets")
    args = parser.parse_args(argv)

    import boto3

    config = DeployConfig(stage=args.stage)
    outputs = stack_outputs(config.stack_name, boto3.client("cloudformation"))
    user = create_platform_admin(outputs, args.username, args.email)
    print(f"platform admin {user.username} created in {config.stack_name}")
    print(f"temporary password (change at first sign-in): {user.temporary_password}")
    print(f"console: {outputs.get('ConsoleUrl', '?')}   API: {outputs.get('ApiUrl', '?')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
