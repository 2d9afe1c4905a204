"""The merchant-webhook worker: its SQS event source (partial batch failures), its queue's redrive
and visibility, and its own least-privilege role."""
from __future__ import annotations

import dataclasses

import pytest

from chalicelib.payments import domain as payments_domain
from chalicelib.platform.resources import QUEUES
from infra.compute import QUEUE_CONSUMERS, VISIBILITY_PER_TIMEOUT, InfraError, check_consumer

WORKER = next(c for c in QUEUE_CONSUMERS if c.function == "deliver_webhooks")
WEBHOOK_QUEUE = next(q for q in QUEUES if q.purpose == "webhook-delivery")


def _id(stack, construct) -> str:
    return stack.get_logical_id(construct.node.default_child)


def _statements(synth, role) -> list[dict]:
    policy_id = _id(synth.stack, role.node.find_child("DefaultPolicy"))
    return synth.template["Resources"][policy_id]["Properties"]["PolicyDocument"]["Statement"]


def _actions(statement) -> list[str]:
    return statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]


def _refs(node) -> set[str]:
    if isinstance(node, dict):
        found = {node["Fn::GetAtt"][0]} if "Fn::GetAtt" in node else ({node["Ref"]} if "Ref" in node else set())
        return found.union(*(_refs(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_refs(v) for v in node))
    return set()


# --- the webhook worker ----------------------------------------------------------------------------


def test_the_webhook_worker_reads_its_queue_reporting_partial_batch_failures(real):
    stack = real.stack
    fn = real.resources("AWS::Serverless::Function")["DeliverWebhooks"]["Properties"]
    [event] = fn["Events"].values()
    queue_id = _id(stack, stack.data.stores.queues["webhook-delivery"])
    assert event["Type"] == "SQS"
    assert event["Properties"] == {
        "Queue": {"Fn::GetAtt": [queue_id, "Arn"]},
        "BatchSize": WORKER.batch_size,
        "MaximumBatchingWindowInSeconds": WORKER.batching_window_s,
        "FunctionResponseTypes": ["ReportBatchItemFailures"],
        "ScalingConfig": {"MaximumConcurrency": WORKER.max_concurrency},
        "Enabled": True,
    }
    assert fn["Timeout"] == WORKER.timeout_s
    assert 1 <= WORKER.batch_size <= 10 and WORKER.batching_window_s <= 5  # merchants hear promptly


def test_the_webhook_queue_hands_a_message_to_the_dlq_after_the_code_s_last_attempt(real):
    queues = real.resources("AWS::SQS::Queue")
    [queue] = [q["Properties"] for q in queues.values()
               if q["Properties"].get("QueueName") == real.stack.config.names["queue:webhook-delivery"]]
    assert queue["RedrivePolicy"]["maxReceiveCount"] == payments_domain.MAX_DELIVERY_ATTEMPTS
    dlq = queues[queue["RedrivePolicy"]["deadLetterTargetArn"]["Fn::GetAtt"][0]]["Properties"]
    assert dlq["QueueName"] == real.stack.config.names["dlq:webhook-delivery"]
    # The longest backoff the worker sets is well inside SQS's 12-hour visibility limit.
    assert payments_domain.retry_delay_s(payments_domain.MAX_DELIVERY_ATTEMPTS) <= 12 * 3600


def test_every_sqs_consumer_s_queue_hides_a_message_six_times_its_timeout(any_stack):
    queues = {k: q["Properties"] for k, q in any_stack.resources("AWS::SQS::Queue").items()}
    consumers = 0
    for logical_id, fn in any_stack.resources("AWS::Serverless::Function").items():
        for event in (fn["Properties"].get("Events") or {}).values():
            if event["Type"] != "SQS":
                continue
            queue = queues[event["Properties"]["Queue"]["Fn::GetAtt"][0]]
            timeout = fn["Properties"]["Timeout"]
            assert queue["VisibilityTimeout"] >= VISIBILITY_PER_TIMEOUT * timeout, logical_id
            assert event["Properties"]["FunctionResponseTypes"] == ["ReportBatchItemFailures"], logical_id
            consumers += 1
    assert consumers >= 1


def test_the_worker_s_role_may_consume_its_queue_and_nothing_the_api_needs(real):
    stack = real.stack
    functions, stores = stack.app_functions, stack.data.stores
    role = functions.consumer_roles["DeliverWebhooks"]
    fn = real.resources("AWS::Serverless::Function")["DeliverWebhooks"]["Properties"]
    assert fn["Role"] == {"Fn::GetAtt": [_id(stack, role), "Arn"]}
    statements = _statements(real, role)
    actions = {a for s in statements for a in _actions(s)}

    [sqs] = [s for s in statements if any(a.startswith("sqs:") for a in _actions(s))]
    assert set(_actions(sqs)) == {"sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility",
                                  "sqs:GetQueueAttributes"}
    assert _refs(sqs["Resource"]) == {_id(stack, stores.queues["webhook-delivery"])}
    # Merchant signing secrets live with their subscription in the tenant's partition (read through
    # the data-access role), Stripe's only serve inbound webhooks: the worker reads no secret at all.
    assert not any(a.startswith(("secretsmanager:", "cognito-idp:", "states:", "sns:")) for a in actions)
    assert "sqs:SendMessage" not in actions
    [assume] = [s for s in statements if "sts:AssumeRole" in _actions(s)]
    assert _refs(assume["Resource"]) == {_id(stack, functions.data_access.role)}
    # Its own reach into the table: the tenant registry, read-only; the table key only through DynamoDB.
    table = [s for s in statements if any(a.startswith("dynamodb:") for a in _actions(s))]
    assert [s["Condition"]["ForAllValues:StringLike"]["dynamodb:LeadingKeys"] for s in table] == [["T#platform#*"]]
    assert set(_actions(table[0])) <= {"dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query"}
    [kms] = [s for s in statements if any(a.startswith("kms:") for a in _actions(s))]
    assert set(_actions(kms)) == {"kms:Decrypt", "kms:DescribeKey"}
    assert kms["Condition"] == {"StringLike": {"kms:ViaService": ["dynamodb.*"]}}
    # And the shared role (the API's) may not consume the webhook queue.
    shared = {a for s in _statements(real, functions.role) if _id(stack, stores.queues["webhook-delivery"]) in _refs(s["Resource"])
              for a in _actions(s)}
    assert not shared & {"sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility"}


def test_synth_refuses_a_queue_that_disagrees_with_its_worker():
    check_consumer(WORKER, WEBHOOK_QUEUE)
    with pytest.raises(InfraError, match="max_receive_count"):
        check_consumer(WORKER, dataclasses.replace(WEBHOOK_QUEUE, max_receive_count=WORKER.attempts + 1))
    with pytest.raises(InfraError, match="visibility_timeout_s"):
        check_consumer(WORKER, dataclasses.replace(WEBHOOK_QUEUE, visibility_timeout_s=WORKER.timeout_s))
    with pytest.raises(InfraError, match="batch_size"):
        check_consumer(dataclasses.replace(WORKER, batch_size=10), WEBHOOK_QUEUE)
