"""The checked-in SDK is generated from the document the API serves now: a route, model or
description changed without ``make sdk`` fails here (the stale-SDK check)."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REBUILD = "the checked-in SDK is stale: run `make sdk` and commit sdk/"


def _live_document_text() -> str:
    import app  # noqa: F401 — registers every route
    from chalicelib.platform.openapi import openapi_document

    return json.dumps(openapi_document(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def test_the_checked_in_document_is_the_live_one():
    assert (ROOT / "sdk" / "openapi.json").read_text() == _live_document_text(), REBUILD


@pytest.mark.parametrize("generated", ["python/jinkong_api", "typescript/src"])
def test_the_generated_code_was_generated_from_the_checked_in_document(generated):
    text = (ROOT / "sdk" / "openapi.json").read_text()
    recorded = (ROOT / "sdk" / generated / "GENERATED_FROM").read_text().split()[0]
    assert recorded == f"sha256:{hashlib.sha256(text.encode()).hexdigest()}", REBUILD


def test_every_operation_has_its_generated_module():
    document = json.loads((ROOT / "sdk" / "openapi.json").read_text())
    missing = []
    for ops in document["paths"].values():
        for op in ops.values():
            tag, name = op["operationId"].replace("-", "_").split(".")
            module = ROOT / "sdk" / "python" / "jinkong_api" / "api" / tag / f"{tag}_{name}.py"
            if not module.exists():
                missing.append(op["operationId"])
    assert missing == [], REBUILD
    assert len(document["paths"]) > 100  # the check ran over the real document


def test_the_console_reads_the_sdk_schema_itself_not_a_copy():
    """The console's API types come from the SDK's generated schema through a tsconfig path alias, so
    `make sdk` refreshes them too: no second copy that could go stale."""
    tsconfig = json.loads((ROOT / "frontend" / "tsconfig.json").read_text())
    (target,) = tsconfig["compilerOptions"]["paths"]["@jinkong/api-schema"]
    assert (ROOT / "frontend" / target).resolve() == ROOT / "sdk" / "typescript" / "src" / "schema.d.ts"
    assert 'from "@jinkong/api-schema"' in (ROOT / "frontend" / "src" / "api" / "schema.ts").read_text()
    copies = [p for p in (ROOT / "frontend" / "src").rglob("*.d.ts") if "export interface components" in p.read_text()]
    assert copies == []
