"""Unit tests run with no AWS: the business calendar is a fixed one, far enough ahead that no test's
booking date is refused as lying in the tenant's future (integration tests use the real calendar)."""
from __future__ import annotations

from datetime import date
from typing import Iterator

import pytest

from tests.support import fixed_business_calendar


@pytest.fixture(autouse=True)
def _fixed_business_calendar() -> Iterator[None]:
    with fixed_business_calendar(date(2999, 12, 31)):
        yield
