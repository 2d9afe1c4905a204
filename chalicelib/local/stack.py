"""The embedded dev stack: an in-process AWS (moto server on loopback) or any endpoint you name.

``LocalStack`` here means "the local stack", whichever emulator backs it: with ``AWS_ENDPOINT_URL``
set (a LocalStack container, say) nothing is started and that endpoint is used as is.
"""
from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass
from typing import Any

from chalicelib.local import moto_shims
from chalicelib.local.provision import Provisioned, provision, teardown
from chalicelib.platform import aws
from chalicelib.platform.settings import reset_settings

DEFAULT_REGION = "ap-east-1"
FAKE_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_SESSION_TOKEN": "testing"}


class EmbeddedAws:
    """moto's threaded server on 127.0.0.1 with the project's shims; one per process."""

    def __init__(self, port: int = 0):
        self._port = port
        self._server: Any = None
        self.endpoint_url = ""

    def start(self) -> str:
        import logging

        from moto.server import ThreadedMotoServer

        moto_shims.apply()
        logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per AWS call drowns the console
        self._server = ThreadedMotoServer(ip_address="127.0.0.1", port=self._port, verbose=False)
        self._server.start()
        host, port = self._server.get_host_and_port()
        self.endpoint_url = f"http://{host}:{port}"
        # The Step Functions interpreter calls Lambda back through localhost:$MOTO_PORT.
        os.environ["MOTO_PORT"] = str(port)
        moto_shims.enable_step_functions(self.endpoint_url)
        moto_shims.dispatch_dynamodb_in_process(self.endpoint_url)
        return self.endpoint_url

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None


@dataclass
class LocalEnvironment:
    endpoint_url: str
    provisioned: Provisioned
    embedded: EmbeddedAws | None

    def close(self, remove_resources: bool = False) -> None:
        if remove_resources:
            teardown(self.provisioned)
        if self.embedded is not None:
            self.embedded.stop()


def use_endpoint(endpoint_url: str, region: str | None = None) -> None:
    """Point this process's AWS SDKs at an endpoint, with dummy credentials if none are set."""
    os.environ["AWS_ENDPOINT_URL"] = endpoint_url
    os.environ.setdefault("AWS_DEFAULT_REGION", region or DEFAULT_REGION)
    os.environ.setdefault("AWS_REGION", os.environ["AWS_DEFAULT_REGION"])
    for k, v in FAKE_CREDENTIALS.items():
        os.environ.setdefault(k, v)
    reset_settings()


def start(prefix: str = "jinkong-local", endpoint_url: str | None = None) -> LocalEnvironment:
    """Start (or attach to) the local AWS, provision from the shared definitions, configure the app."""
    endpoint_url = endpoint_url if endpoint_url is not None else os.environ.get("AWS_ENDPOINT_URL", "")
    embedded = None
    if not endpoint_url:
        embedded = EmbeddedAws()
        endpoint_url = embedded.start()
    use_endpoint(endpoint_url)
    provisioned = provision(prefix)
    os.environ.update(provisioned.as_env())
    os.environ["JINKONG_STAGE"] = os.environ.get("JINKONG_STAGE", "local")
    # Business metrics are EMF lines on stdout, for CloudWatch: locally they would only drown the log.
    os.environ.setdefault("POWERTOOLS_METRICS_DISABLED", "true")
    reset_settings()
    register_app_functions(prefix)
    # State machines from the same ASL files the CDK stack deploys, wired to the local functions.
    from chalicelib.risk.local import provision_state_machines

    os.environ.update(provision_state_machines(prefix))
    reset_settings()
    from chalicelib.local.stripe_secrets import wire_local_stripe_secrets

    wire_local_stripe_secrets()
    return LocalEnvironment(endpoint_url, provisioned, embedded)


def register_app_functions(prefix: str) -> list[str]:
    """Create a Lambda function for each of the app's non-HTTP handlers and run it in-process.

    Step Functions tasks and event sources then invoke the app's own code, as they would in AWS.
    Only meaningful on the embedded AWS (the shim lives in this process).
    """
    import app as chalice_app

    names = []
    lam = aws.client("lambda")
    iam = aws.client("iam")
    role_name = f"{prefix}-lambda"
    try:
        role_arn = iam.get_role(RoleName=role_name)["Role"]["Arn"]
    except iam.exceptions.NoSuchEntityException:
        trust = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}'
        role_arn = iam.create_role(RoleName=role_name, AssumeRolePolicyDocument=trust)["Role"]["Arn"]
    for fn in getattr(chalice_app.app, "pure_lambda_functions", []):
        name = f"{prefix}-{fn.name}"
        try:
            lam.get_function(FunctionName=name)
        except lam.exceptions.ResourceNotFoundException:
            lam.create_function(FunctionName=name, Runtime="python3.11", Role=role_arn, Handler=f"app.{fn.name}",
                                Code={"ZipFile": _placeholder_zip()}, Timeout=300)
        moto_shims.register_lambda_handler(name, fn.func if hasattr(fn, "func") else fn)
        names.append(name)
    return names


def _placeholder_zip() -> bytes:
    """The code moto stores for a function; never run — the shim calls the app in-process."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("app.py", "# served in-process by chalicelib.local.moto_shims\n")
    return buf.getvalue()
