"""One stack per stage: the whole platform, from the definitions the local stack uses too."""
from __future__ import annotations

from typing import Any

from aws_cdk import CfnOutput, Stack, Tags
from constructs import Construct

from chalicelib.platform.resources import STATE_MACHINES
from infra.alarms import Alarms
from infra.compute import AppFunctions
from infra.config import DeployConfig
from infra.console import Console
from infra.data import Data, access_logs_bucket, stripe_secret_name_template
from infra.identity import Identity
from infra.nag import suppress_reviewed_findings
from infra.tenants import load_tenants
from infra.workflows import Workflows


class JinkongStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, *, config: DeployConfig, **kwargs: Any) -> None:
        super().__init__(scope, construct_id, description=f"Jinkong platform, stage {config.stage}", **kwargs)
        self.config = config
        Tags.of(self).add("project", "jinkong")
        Tags.of(self).add("stage", config.stage)
        for key, value in config.extra_tags.items():
            Tags.of(self).add(key, value)

        self.tenants = load_tenants(config.tenants_dir)
        access_logs = access_logs_bucket(self, "AccessLogsBucket", config)
        self.console = Console(self, "Console", config=config, access_logs=access_logs)
        self.data = Data(self, "Data", config=config, tenants=self.tenants, access_logs=access_logs,
                         console_origin=self.console.origin)
        stores = self.data.stores
        self.identity = Identity(self, "Identity", config=config)

        deployable = [sm.name for sm in STATE_MACHINES if (config.statemachines_dir / sm.asl_file).is_file()]
        self.app_functions = AppFunctions(
            self, "App", config=config, stores=stores, identity=self.identity, console_origin=self.console.origin,
            deployed_state_machines=deployable,
        )
        self.workflows = Workflows(self, "Workflows", config=config, function_arns=self.app_functions.function_arns(),
                                   tenants=self.tenants, run_files_bucket=stores.buckets["reports"])

        api_url = self.app_functions.api_url
        self.console.deploy_site({
            "stage": config.stage,
            "apiBaseUrl": api_url or "",
            "region": self.region,
            "userPoolId": self.identity.user_pool.user_pool_id,
            "userPoolClientId": self.identity.client.user_pool_client_id,
        })

        self.alarms = Alarms(self, "Alarms", config=config)
        if self.app_functions.api_name:
            self.alarms.api(self.app_functions.api_name, self.app_functions.api_stage)
        self.alarms.functions(self.app_functions.function_names())
        self.alarms.dead_letters(stores.dead_letter_queues)
        self.alarms.state_machines(self.workflows.state_machines)
        self.alarms.tables({"main": stores.table, **{f"silo-{t}": table for t, table in stores.silo_tables.items()}})

        outputs = {
            "ApiUrl": (api_url, "Base URL of the HTTP API (paths start with /v1/)"),
            "ConsoleUrl": (self.console.origin, "The web console"),
            "Region": (self.region, "Region of the stack"),
            "UserPoolId": (self.identity.user_pool.user_pool_id, "Cognito user pool"),
            "UserPoolClientId": (self.identity.client.user_pool_client_id, "Cognito app client of the console"),
            "TableName": (stores.table.table_name, "Pool table"),
            "TenantDataRoleArn": (self.app_functions.data_access.role.role_arn, "Assumed per request with a tenant session policy"),
            "AlarmTopicArn": (self.alarms.topic.topic_arn, "Subscribe operators here"),
            "StripeSecretNameTemplate": (stripe_secret_name_template(config), "Secrets Manager name of a tenant's Stripe secret"),
        }
        for name, (value, description) in outputs.items():
            if value:
                CfnOutput(self, name, value=value, description=description)

        suppress_reviewed_findings(self)
