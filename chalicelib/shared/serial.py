"""One JSON encoding for stored records and events: decimals as exact strings, dates ISO 8601."""
from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any


def plain(v: Any) -> Any:
    """``json.dumps``'s ``default``: Decimal → ``"12.30"``, date/datetime → ISO, enums → their value."""
    if isinstance(v, Decimal):
        return format(v, "f")
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    if hasattr(v, "value"):
        return v.value
    if isinstance(v, (set, frozenset)):
        return sorted(v)
    raise TypeError(f"not JSON serialisable: {type(v).__name__}")


def dumps(value: Any, *, sort_keys: bool = False) -> str:
    """Compact JSON, UTF-8 text kept as is, never a float for money."""
    return json.dumps(value, default=plain, ensure_ascii=False, separators=(",", ":"), sort_keys=sort_keys)
