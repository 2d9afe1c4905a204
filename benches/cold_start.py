"""Cold start: median time to import ``app`` in fresh interpreters, against importing only boto3 + chalice.

A Lambda cold start pays for every module imported at load time. The app keeps AWS clients, Stripe,
Powertools and the OpenAPI generator out of import time (they load on first use), so importing the
whole app should cost little more than the SDK and the framework themselves. Goal: ratio <= 1.5.

    python benches/cold_start.py [runs]
"""
from __future__ import annotations

import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE = "import time; t=time.perf_counter(); {stmt}; print(time.perf_counter()-t)"


def median_import_seconds(stmt: str, runs: int) -> float:
    samples = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-X", "frozen_modules=on", "-c", PROBE.format(stmt=stmt)], cwd=ROOT,
                             capture_output=True, text=True, check=True, env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)})
        samples.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(samples)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    baseline = median_import_seconds("import boto3, chalice", runs)
    app = median_import_seconds("import app", runs)
    # What the first request that touches DynamoDB and Cognito adds: boto3, PynamoDB, the registry.
    warm = median_import_seconds(
        "import app, boto3; from chalicelib import bootstrap; bootstrap.tenant_registry(); bootstrap.user_directory()", runs)
    print(f"cold start over {runs} fresh interpreters (median):")
    print(f"  import boto3 + chalice                   : {baseline * 1000:8.1f} ms")
    print(f"  import app                               : {app * 1000:8.1f} ms")
    print(f"  import app + adapters of a first request : {warm * 1000:8.1f} ms")
    print(f"  ratio app / baseline                     : {app / baseline:8.2f}   (goal <= 1.5)")
    print(f"  ratio app with adapters / baseline       : {warm / baseline:8.2f}")


if __name__ == "__main__":
    main()
