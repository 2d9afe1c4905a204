"""The Chalice app as a CDK construct: ``chalice package`` run in a child process, then included.

Chalice's own construct packages in-process: it imports ``app.py`` with the stage's environment
written into ``os.environ`` (and never restores it), and leaves a 30 MB ``chalice.out/<uuid>/`` in the
working directory on every synth. Packaging in a child process keeps the synthesising process — a
test session, say — clean, and the package lands in a temporary directory removed at exit.

CDK tokens (``${Token[...]}``) survive the round trip: the child copies them into the SAM template as
plain strings and this process resolves them when the template is included. So the stack can hand
the app a table's stream ARN or a queue URL before any of them exists.

Dependencies are downloaded (Lambda-platform wheels) only when ``requirements.txt`` changes: Chalice
caches them in ``.chalice/deployments/`` of the project.
"""
from __future__ import annotations

import atexit
import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aws_cdk import cloudformation_include
from chalice.cdk import Chalice

_PACKAGER = (
    "import json, sys\n"
    "from chalice.api import package_app\n"
    "with open(sys.argv[4]) as f:\n"
    "    config = json.load(f)\n"
    "package_app(project_dir=sys.argv[1], output_dir=sys.argv[2], stage=sys.argv[3], chalice_config=config)\n"
)

_BUILD_ROOT: Path | None = None


def _build_root() -> Path:
    global _BUILD_ROOT
    if _BUILD_ROOT is None:
        _BUILD_ROOT = Path(tempfile.mkdtemp(prefix="jinkong-chalice-"))
        atexit.register(shutil.rmtree, _BUILD_ROOT, True)
    return _BUILD_ROOT


class ChalicePackagingError(RuntimeError):
    """``chalice package`` failed; the message carries the end of its output."""


@dataclass(frozen=True)
class SamEvent:
    name: str
    type: str
    properties: dict[str, Any]


@dataclass(frozen=True)
class SamFunction:
    """One ``AWS::Serverless::Function`` of the packaged app."""

    logical_id: str
    handler: str
    timeout: int
    events: tuple[SamEvent, ...] = field(default_factory=tuple)

    def events_of(self, event_type: str) -> list[SamEvent]:
        return [e for e in self.events if e.type == event_type]


class ChaliceApp(Chalice):
    """``chalice.cdk.Chalice`` with out-of-process packaging under an explicit Chalice stage."""

    def __init__(
        self,
        scope: Any,
        construct_id: str,
        *,
        source_dir: Path,
        chalice_stage: str,
        stage_config: dict[str, Any],
        region: str,
    ) -> None:
        # Chalice.__init__ hard-codes in-process packaging into the working directory; do its steps here.
        super(Chalice, self).__init__(scope, construct_id)
        self.source_dir = str(Path(source_dir).resolve())
        self.stage_name = chalice_stage
        self.stage_config = stage_config
        self._region = region
        out_dir = _build_root()
        package_id = uuid.uuid4().hex
        self._sam_package_dir = str(out_dir / package_id)
        self.packaging_seconds = self._package_app()
        with open(os.path.join(self._sam_package_dir, "sam.json")) as f:
            self.sam = json.load(f)
        sam_with_assets = self._generate_sam_template_with_assets(str(out_dir), package_id)
        self.sam_template = cloudformation_include.CfnInclude(
            self, "ChaliceApp", template_file=sam_with_assets, preserve_logical_ids=True
        )
        self._function_cache = {}
        self._role_cache = {}

    def _package_app(self) -> float:
        started = time.monotonic()
        config_path = Path(self._sam_package_dir + ".config.json")
        config_path.write_text(json.dumps(self.stage_config))
        env = {
            k: v
            for k, v in os.environ.items()
            # The stage config is the app's whole environment; nothing from this shell leaks in.
            if not (k.startswith("JINKONG_") or k.startswith("AWS_ENDPOINT_URL") or k.startswith("POWERTOOLS_"))
        }
        # Chalice asks botocore for the region to spell service principals; no call is made.
        env["AWS_DEFAULT_REGION"] = self._region
        # One packager per project at a time: Chalice writes its dependency cache in place, and parallel
        # test workers (pytest -n) would otherwise read each other's half-written zip.
        lock_name = f"jinkong-chalice-{hashlib.sha256(self.source_dir.encode()).hexdigest()[:16]}.lock"
        with open(Path(tempfile.gettempdir()) / lock_name, "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            proc = subprocess.run(
                [sys.executable, "-c", _PACKAGER, self.source_dir, self._sam_package_dir, self.stage_name,
                 str(config_path)],
                cwd=self.source_dir,
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
        if proc.returncode != 0:
            tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-25:])
            raise ChalicePackagingError(f"chalice package failed for {self.source_dir} (stage {self.stage_name}):\n{tail}")
        return time.monotonic() - started

    # --- what the package holds ------------------------------------------------------------------

    def functions(self) -> dict[str, SamFunction]:
        """The app's Lambda functions by logical id (``APIHandler``, ``ExtractExposures``, ...)."""
        found = {}
        for logical_id, res in self.sam["Resources"].items():
            if res["Type"] != "AWS::Serverless::Function":
                continue
            props = res["Properties"]
            events = tuple(
                SamEvent(name, ev["Type"], ev.get("Properties", {})) for name, ev in (props.get("Events") or {}).items()
            )
            found[logical_id] = SamFunction(logical_id, props["Handler"], int(props.get("Timeout", 3)), events)
        return found

    def rest_api(self) -> tuple[str, str] | None:
        """(logical id, API Gateway stage name) of the REST API, if the app has routes."""
        for logical_id, res in self.sam["Resources"].items():
            if res["Type"] == "AWS::Serverless::Api":
                return logical_id, res["Properties"]["StageName"]
        return None

    def function_arn(self, logical_id: str) -> str:
        return self.sam_template.get_resource(logical_id).get_att("Arn").to_string()

    def function_name(self, logical_id: str) -> str:
        return self.sam_template.get_resource(logical_id).ref
