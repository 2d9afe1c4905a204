"""Where the product factory's use cases get their adapters.

The PynamoDB store is imported on first use, so a cold start that serves no product route never
loads it; the benchmark table is read once per process.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chalicelib.products.benchmarks import BenchmarkTable
    from chalicelib.products.store import ProductStore


@lru_cache(maxsize=1)
def product_store() -> "ProductStore":
    from chalicelib.products.store import ProductStore

    return ProductStore()


def benchmarks() -> "BenchmarkTable":
    from chalicelib.products.benchmarks import benchmark_table

    return benchmark_table()
