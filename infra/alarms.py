"""Alarms on one SNS topic: API 5xx and latency, Lambda errors and throttles, DLQ depth, state
machine failures, DynamoDB throttling.

Few alarms, each summing a family of metrics with metric math, so the bill at rest stays at cents
however many functions the app grows (a CloudWatch alarm costs the same whether it fires or not).
"""
from __future__ import annotations

from collections.abc import Mapping

from aws_cdk import Duration, RemovalPolicy
from aws_cdk import aws_cloudwatch as cw
from aws_cdk import aws_cloudwatch_actions as cw_actions
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_sns as sns
from aws_cdk import aws_sns_subscriptions as subscriptions
from aws_cdk import aws_sqs as sqs
from aws_cdk import aws_stepfunctions as sfn
from constructs import Construct

from infra.config import DeployConfig

FIVE_MINUTES = Duration.minutes(5)
MAX_METRICS_PER_EXPRESSION = 10  # CloudWatch's limit on metrics in one alarm


class Alarms(Construct):
    def __init__(self, scope: Construct, construct_id: str, *, config: DeployConfig) -> None:
        super().__init__(scope, construct_id)
        self.config = config
        # CloudWatch can publish to an encrypted topic only under a customer-managed key it may use.
        self.key = kms.Key(
            self, "TopicKey",
            alias=f"alias/{config.prefix}-alarms",
            description=f"Jinkong {config.stage}: alarm notifications",
            enable_key_rotation=True,
            removal_policy=RemovalPolicy.DESTROY,
        )
        self.key.add_to_resource_policy(iam.PolicyStatement(
            principals=[iam.ServicePrincipal("cloudwatch.amazonaws.com")],
            actions=["kms:Decrypt", "kms:GenerateDataKey*"],
            resources=["*"],  # in a key policy, "*" is this key
        ))
        self.topic = sns.Topic(self, "Topic", display_name=f"Jinkong {config.stage} alarms", master_key=self.key,
                               enforce_ssl=True)
        if config.alarm_email:
            self.topic.add_subscription(subscriptions.EmailSubscription(config.alarm_email))
        self.alarms: list[cw.Alarm] = []

    def _alarm(self, construct_id: str, description: str, metric: cw.IMetric, threshold: float,
               comparison: cw.ComparisonOperator = cw.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
               evaluation_periods: int = 1) -> cw.Alarm:
        alarm = cw.Alarm(
            self, construct_id,
            alarm_name=f"{self.config.prefix}-{construct_id}",
            alarm_description=description,
            metric=metric,
            threshold=threshold,
            comparison_operator=comparison,
            evaluation_periods=evaluation_periods,
            treat_missing_data=cw.TreatMissingData.NOT_BREACHING,
        )
        alarm.add_alarm_action(cw_actions.SnsAction(self.topic))
        alarm.add_ok_action(cw_actions.SnsAction(self.topic))
        self.alarms.append(alarm)
        return alarm

    def _sum(self, label: str, metrics: list[cw.IMetric]) -> cw.IMetric:
        if len(metrics) == 1:
            return metrics[0]
        using = {f"m{i}": m for i, m in enumerate(metrics)}
        return cw.MathExpression(expression=" + ".join(using), using_metrics=using, label=label, period=FIVE_MINUTES)

    def api(self, api_name: str, api_stage: str) -> None:
        dims = {"ApiName": api_name, "Stage": api_stage}
        self._alarm(
            "api-5xx", "The API answered 5xx at least 5 times in 5 minutes",
            cw.Metric(namespace="AWS/ApiGateway", metric_name="5XXError", dimensions_map=dims, statistic="Sum",
                      period=FIVE_MINUTES),
            5,
        )
        self._alarm(
            "api-latency", "API p99 latency above 3 s for 15 minutes",
            cw.Metric(namespace="AWS/ApiGateway", metric_name="Latency", dimensions_map=dims, statistic="p99",
                      period=FIVE_MINUTES),
            3000, cw.ComparisonOperator.GREATER_THAN_THRESHOLD, evaluation_periods=3,
        )

    def functions(self, function_names: Mapping[str, str]) -> None:
        """Errors and throttles summed over the app's functions, ten to an alarm."""
        items = sorted(function_names.items())
        for start in range(0, len(items), MAX_METRICS_PER_EXPRESSION):
            part = items[start:start + MAX_METRICS_PER_EXPRESSION]
            suffix = "" if len(items) <= MAX_METRICS_PER_EXPRESSION else f"-{start // MAX_METRICS_PER_EXPRESSION + 1}"
            for metric_name, what in (("Errors", "errors"), ("Throttles", "throttles")):
                metrics: list[cw.IMetric] = [
                    cw.Metric(namespace="AWS/Lambda", metric_name=metric_name, dimensions_map={"FunctionName": name},
                              statistic="Sum", period=FIVE_MINUTES, label=logical_id)
                    for logical_id, name in part
                ]
                self._alarm(
                    f"lambda-{what}{suffix}",
                    f"Lambda {what} in {', '.join(lid for lid, _ in part)} (any, 5 minutes)",
                    self._sum(f"lambda {what}", metrics), 1,
                )

    def dead_letters(self, dead_letter_queues: Mapping[str, sqs.IQueue]) -> None:
        for purpose, dlq in sorted(dead_letter_queues.items()):
            self._alarm(
                f"dlq-{purpose}", f"Messages of {purpose} gave up and wait in its dead-letter queue",
                dlq.metric_approximate_number_of_messages_visible(period=FIVE_MINUTES, statistic="Maximum"), 1,
            )

    def state_machines(self, machines: Mapping[str, sfn.StateMachine]) -> None:
        for name, machine in sorted(machines.items()):
            using = {
                "failed": machine.metric_failed(period=FIVE_MINUTES),
                "timedout": machine.metric_timed_out(period=FIVE_MINUTES),
                "aborted": machine.metric_aborted(period=FIVE_MINUTES),
            }
            self._alarm(
                f"states-{name}-failed", f"An execution of {name} failed, timed out or was aborted",
                cw.MathExpression(expression="failed + timedout + aborted", using_metrics=using, period=FIVE_MINUTES,
                                  label=f"{name} unsuccessful"),
                1,
            )

    def tables(self, tables: Mapping[str, dynamodb.ITable]) -> None:
        for label, table in sorted(tables.items()):
            using = {
                "reads": cw.Metric(namespace="AWS/DynamoDB", metric_name="ReadThrottleEvents",
                                   dimensions_map={"TableName": table.table_name}, statistic="Sum", period=FIVE_MINUTES),
                "writes": cw.Metric(namespace="AWS/DynamoDB", metric_name="WriteThrottleEvents",
                                    dimensions_map={"TableName": table.table_name}, statistic="Sum", period=FIVE_MINUTES),
            }
            self._alarm(
                f"dynamodb-{label}-throttled", f"DynamoDB throttled requests on the {label} table",
                cw.MathExpression(expression="reads + writes", using_metrics=using, period=FIVE_MINUTES,
                                  label=f"{label} throttle events"),
                1,
            )

