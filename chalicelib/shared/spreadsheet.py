"""CSV files people open in a spreadsheet: the one writer every CSV Jinkong produces goes through.

A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula to
Excel, WPS and LibreOffice (``=HYPERLINK(...)`` as a customer's name would run when HQ opens a
report). Such text is written with a leading ``'`` — the spreadsheet shows it as text, as typed.
Numbers are written as numbers: a ``Decimal`` or ``int`` (``-12.50``, a net outflow) is never
prefixed, so writers pass amounts as numbers, not pre-formatted strings. Pure: no AWS.
"""
from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal
from typing import Any, Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> str:
    """One cell's text: numbers exact and plain, dates ISO, booleans Y/N, text neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Y" if value else "N"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(header: Iterable[str], rows: Iterable[Iterable[Any]]) -> str:
    """A whole CSV file (``\\n`` line ends); every cell through ``cell``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([cell(h) for h in header])
    for row in rows:
        writer.writerow([cell(v) for v in row])
    return out.getvalue()
