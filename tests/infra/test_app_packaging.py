"""When the app and the stack disagree, synth stops and says how, before anything reaches AWS."""
from __future__ import annotations

import shutil

import aws_cdk as cdk
import pytest

from infra.app import cli_context
from infra.chalice_app import ChalicePackagingError
from infra.compute import InfraError
from infra.config import DeployConfig
from infra.stack import JinkongStack
from tests.infra.conftest import FIXTURES


def _app_copy(tmp_path, edit):
    source = tmp_path / "app"
    shutil.copytree(FIXTURES / "chalice_app", source)
    app_py = source / "app.py"
    app_py.write_text(edit(app_py.read_text()))
    return source


def _build(source, tmp_path):
    config = DeployConfig(stage="fixture", source_dir=source, tenants_dir=tmp_path / "no-tenants",
                          statemachines_dir=tmp_path / "no-asl", frontend_dist=tmp_path / "no-dist")
    return JinkongStack(cdk.App(context=cli_context()), config.stack_name, config=config)


def test_a_consumer_of_a_queue_the_stack_lacks_is_refused(tmp_path):
    source = _app_copy(tmp_path, lambda text: text.replace("jinkong-fixture-webhook-delivery", "jinkong-fixture-payouts"))
    with pytest.raises(InfraError) as error:
        _build(source, tmp_path)
    assert "DeliverWebhooks" in str(error.value) and "jinkong-fixture-payouts" in str(error.value)
    assert "jinkong-fixture-webhook-delivery" in str(error.value)  # what it could have meant


EVENTS_CONSUMER = """

@app.on_sqs_message(queue="jinkong-fixture-events")
def handle_events(event):
    return None
"""


def test_a_consumer_slower_than_its_queue_s_visibility_timeout_is_refused(tmp_path):
    # A plain on_sqs_message consumer, timed by Chalice's config (the webhook worker's timeout is the stack's).
    source = _app_copy(tmp_path, lambda text: text + EVENTS_CONSUMER)
    config_json = source / ".chalice" / "config.json"
    config_json.write_text(config_json.read_text().replace('"api_gateway_stage": "v1"',
                                                           '"api_gateway_stage": "v1", "lambda_timeout": 300'))
    with pytest.raises(InfraError, match="HandleEvents times out after 300s"):
        _build(source, tmp_path)


def test_an_app_that_does_not_import_fails_with_chalice_s_own_words(tmp_path):
    source = _app_copy(tmp_path, lambda text: text + "\nimport chalicelib.no_such_module\n")
    with pytest.raises(ChalicePackagingError, match="No module named 'chalicelib'"):
        _build(source, tmp_path)
