"""Benchmark rates floating-rate products price over (the 1-year and 5-year LPR).

A small reference table with effective dates, read from ``benchmarks.yaml`` beside this module (so
Chalice packages it with the code) once per process. ``rate_on(code, on)`` is the rate in force on a date: the latest entry effective on or
before it. A new LPR fixing is a new line in that file.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from chalicelib.shared.errors import NotFound, RuleViolation
from chalicelib.shared.money import decimal_from

BENCHMARKS_FILE = Path(__file__).resolve().with_name("benchmarks.yaml")


@dataclass(frozen=True)
class BenchmarkRate:
    code: str
    rate: Decimal
    effective_on: date


@dataclass(frozen=True)
class Benchmark:
    code: str
    name: dict[str, str]
    rates: tuple[BenchmarkRate, ...]  # oldest first

    @property
    def current(self) -> BenchmarkRate:
        return self.rates[-1]

    def rate_on(self, on: date) -> BenchmarkRate:
        i = bisect.bisect_right([r.effective_on for r in self.rates], on)
        if i == 0:
            raise RuleViolation("products.benchmark.not_published",
                                f"{self.code} has no rate on {on.isoformat()}; the first is from "
                                f"{self.rates[0].effective_on.isoformat()}",
                                {"benchmark": self.code, "on": on.isoformat()})
        return self.rates[i - 1]


class BenchmarkTable:
    def __init__(self, benchmarks: dict[str, Benchmark]):
        self._benchmarks = benchmarks

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "BenchmarkTable":
        table = {}
        for code, entry in (data.get("benchmarks") or {}).items():
            rates = sorted((BenchmarkRate(code, decimal_from(str(r["rate"])), _as_date(r["effective_on"]))
                            for r in entry["rates"]), key=lambda r: r.effective_on)
            if not rates:
                raise ValueError(f"benchmark {code} has no rates")
            table[code] = Benchmark(code, dict(entry.get("name") or {}), tuple(rates))
        return cls(table)

    def __iter__(self):
        return iter(self._benchmarks.values())

    def get(self, code: str) -> Benchmark:
        found = self._benchmarks.get(code)
        if found is None:
            raise NotFound("products.benchmark.not_found", f"no benchmark {code}", {"benchmark": code})
        return found

    def rate_on(self, code: str, on: date) -> BenchmarkRate:
        return self.get(code).rate_on(on)


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


@lru_cache(maxsize=1)
def benchmark_table(path: Path = BENCHMARKS_FILE) -> BenchmarkTable:
    """The reference table, read once per process."""
    import yaml

    return BenchmarkTable.from_data(yaml.safe_load(path.read_text(encoding="utf-8")))
