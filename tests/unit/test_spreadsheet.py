"""The one CSV writer: text that a spreadsheet would run as a formula is written as text; numbers stay numbers."""
from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

import pytest

from chalicelib.shared.spreadsheet import cell, csv_text


@pytest.mark.parametrize("text", ['=HYPERLINK("http://evil.example","点我")', "+86 1", "-2+3", "@SUM(A1)",
                                  "\tx", "\rx", "=1+1"])
def test_text_a_spreadsheet_would_evaluate_is_prefixed_with_a_quote(text):
    assert cell(text) == "'" + text


@pytest.mark.parametrize("value,written", [(Decimal("-12.50"), "-12.50"), (Decimal("0.000001"), "0.000001"),
                                           (-3, "-3"), (date(2026, 11, 23), "2026-11-23"), (None, ""),
                                           ("华东重工集团有限公司", "华东重工集团有限公司"), ("a=b", "a=b")])
def test_numbers_dates_and_ordinary_text_are_written_as_they_are(value, written):
    assert cell(value) == written


def test_a_file_reads_back_with_numbers_intact_and_formulas_quoted():
    text = csv_text(["name", "net"], [["=cmd|' /C calc'!A0", Decimal("-12.50")], ["ok", Decimal("3.00")]])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows == [{"name": "'=cmd|' /C calc'!A0", "net": "-12.50"}, {"name": "ok", "net": "3.00"}]
