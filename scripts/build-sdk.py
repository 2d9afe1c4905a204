"""``make sdk``: rebuild the partner SDKs from the live OpenAPI document.

1. The document the API serves (``GET /v1/openapi.json``, built from the routes in-process) is
   written to ``sdk/openapi.json``.
2. openapi-python-client (pinned in ``sdk/requirements-generator.txt``, in its own virtualenv
   ``.sdk-tools/``) generates the models and operations into ``sdk/python/jinkong_api/``.
3. openapi-typescript (pinned in ``sdk/typescript/package.json``) generates the TypeScript types into
   ``sdk/typescript/src/schema.d.ts``, and the TypeScript core is type-checked against them.
4. Each generated part records the document's SHA-256 in a ``GENERATED_FROM`` file, so that
   ``tests/unit/test_sdk_fresh.py`` fails when the checked-in SDK is stale.

The hand-written cores (``sdk/python/jinkong_partner/``, ``sdk/typescript/src/index.ts``) are never touched.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SDK = ROOT / "sdk"
DOCUMENT = SDK / "openapi.json"
PACKAGE = SDK / "python" / "jinkong_api"
TOOLS = ROOT / ".sdk-tools"


def document_text() -> str:
    sys.path.insert(0, str(ROOT))
    import app  # noqa: F401 — registers every route
    from chalicelib.platform.openapi import openapi_document

    return json.dumps(openapi_document(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def ensure_tools() -> Path:
    generator = TOOLS / "bin" / "openapi-python-client"
    stamp = TOOLS / "requirements.txt"
    wanted = (SDK / "requirements-generator.txt").read_text()
    if not generator.exists() or not stamp.exists() or stamp.read_text() != wanted:
        venv.create(TOOLS, with_pip=True, clear=True)
        subprocess.run([str(TOOLS / "bin" / "pip"), "install", "-q", "-r", str(SDK / "requirements-generator.txt")],
                       check=True)
        stamp.write_text(wanted)
    return generator


def main() -> int:
    text = document_text()
    DOCUMENT.write_text(text)
    generator = ensure_tools()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        env = {**os.environ, "PATH": f"{TOOLS / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"}
        subprocess.run([str(generator), "generate", "--path", str(DOCUMENT), "--config",
                        str(SDK / "openapi-python-client.yaml"), "--output-path", str(out), "--overwrite",
                        "--fail-on-warning"], check=True, env=env, cwd=tmp)
        if PACKAGE.exists():
            shutil.rmtree(PACKAGE)
        shutil.copytree(out / "jinkong_api", PACKAGE)
    (PACKAGE / "GENERATED_FROM").write_text(f"sha256:{digest(text)} sdk/openapi.json\n")
    typescript = SDK / "typescript"
    if not (typescript / "node_modules").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], check=True, cwd=typescript)
    subprocess.run(["npm", "run", "--silent", "generate"], check=True, cwd=typescript)
    subprocess.run(["npm", "run", "--silent", "typecheck"], check=True, cwd=typescript)
    (typescript / "src" / "GENERATED_FROM").write_text(f"sha256:{digest(text)} sdk/openapi.json\n")
    print(f"sdk/openapi.json and sdk/python/jinkong_api regenerated (sha256 {digest(text)[:12]}…)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
