"""Group risk's adapters, imported on first use (to be merged into ``chalicelib/bootstrap.py``).

``override`` swaps one for a test double for the duration of a ``with`` block — the consolidation's
tasks run in this process (the embedded Step Functions calls them in-process), so a test can make one
subsidiary's extract fail, or the ledger disappear, without touching the code under test.
"""
from __future__ import annotations

import contextlib
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterator

if TYPE_CHECKING:
    from chalicelib.risk.reporting.files import RunFiles
    from chalicelib.risk.exposures import ControlTotalsSource, ExposureSource
    from chalicelib.risk.store import GroupRiskStore

_overrides: dict[str, Any] = {}


@contextlib.contextmanager
def override(**adapters: Any) -> Iterator[None]:
    """``with wiring.override(exposure_source=FlakySource()): ...``"""
    previous = {k: _overrides.get(k) for k in adapters}
    _overrides.update(adapters)
    try:
        yield
    finally:
        for k, v in previous.items():
            if v is None:
                _overrides.pop(k, None)
            else:
                _overrides[k] = v


@lru_cache(maxsize=1)
def _group_store() -> "GroupRiskStore":
    from chalicelib.risk.store import GroupRiskStore

    return GroupRiskStore()


def group_store() -> "GroupRiskStore":
    return _overrides.get("group_store") or _group_store()


@lru_cache(maxsize=1)
def _exposure_source() -> "ExposureSource":
    from chalicelib.risk.store import DynamoExposureSource

    return DynamoExposureSource()


def exposure_source() -> "ExposureSource":
    return _overrides.get("exposure_source") or _exposure_source()


@lru_cache(maxsize=1)
def _control_totals() -> "ControlTotalsSource":
    from chalicelib.risk.ledger_totals import LedgerControlTotalsSource

    return LedgerControlTotalsSource()


def control_totals() -> "ControlTotalsSource":
    return _overrides.get("control_totals") or _control_totals()


def run_files() -> "RunFiles":
    from chalicelib.risk.reporting.files import RunFiles

    return _overrides.get("run_files") or RunFiles()  # the bucket comes from settings at each call
