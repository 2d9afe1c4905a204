"""Business metrics leave as CloudWatch embedded-metric-format lines, one per event, by tenant."""
from __future__ import annotations

import json

from chalicelib.platform import observability


def _emf_lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.startswith('{"_aws"')]


def test_a_count_is_one_emf_line_with_the_tenant_as_a_dimension(monkeypatch, capsys):
    monkeypatch.setenv("POWERTOOLS_METRICS_DISABLED", "false")
    observability.count("Postings", "demo-lending", kind="manual")
    [line] = _emf_lines(capsys.readouterr().out)
    [directive] = line["_aws"]["CloudWatchMetrics"]
    assert directive["Dimensions"] == [["tenant_id", "kind"]]
    assert directive["Metrics"] == [{"Name": "Postings", "Unit": "Count"}]
    assert (line["tenant_id"], line["kind"], line["Postings"]) == ("demo-lending", "manual", [1.0])


def test_metrics_switched_off_print_nothing(monkeypatch, capsys):
    monkeypatch.setenv("POWERTOOLS_METRICS_DISABLED", "true")
    observability.count("Postings", "demo-lending")
    assert _emf_lines(capsys.readouterr().out) == []


def test_tracing_is_off_outside_a_lambda_and_traced_calls_go_through(monkeypatch):
    monkeypatch.delenv("AWS_LAMBDA_FUNCTION_NAME", raising=False)
    observability.tracer.cache_clear()
    assert observability.tracer() is None
    assert observability.traced(lambda a, b=1: a + b)(2, b=3) == 5
