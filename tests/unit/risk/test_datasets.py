"""Report datasets and their validation: what each CSV holds, and what the validation report says."""
from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal

from chalicelib.risk.reporting.datasets import ExtractFacts, build_reports
from chalicelib.risk.consolidation import consolidate
from chalicelib.risk.exposures import ExtractTotals, LedgerControlTotals
from tests.unit.risk.builders import AS_OF, exposure, h


def _facts(rows, sub, ledger=None, declared=None):
    mine = [r for r in rows if r.subsidiary_id == sub]
    read = ExtractTotals.of(mine)
    return ExtractFacts(sub, declared or read, read, ledger)


def _rows(body: bytes) -> list[dict[str, str]]:
    text = body.decode("utf-8")
    assert text.startswith("\ufeff")  # a BOM, so spreadsheets read the Chinese labels
    return list(csv.DictReader(io.StringIO(text[1:])))


def _build(rows, facts=None, **kw):
    c = consolidate(rows, as_of=AS_OF)
    subs = sorted({r.subsidiary_id for r in rows})
    files, report = build_reports(c, "run-1", extracts=facts or [_facts(rows, s) for s in subs], **kw)
    return {f.name: f for f in files}, report


def _rule(report, name):
    return next(r for r in report["rules"] if r["rule"] == name)


def test_loan_level_dataset_has_one_row_per_contract_with_exact_amounts():
    rows = [exposure("lending", "a", "800000.00", interest="3266.67", contract="LN-1", label="上海申江精密机械有限公司"),
            exposure("factoring", "a", "800000.00", interest="5600.00", dpd=12, contract="FT-1")]
    files, _ = _build(rows)
    out = _rows(files["exposures.csv"].body)
    assert [(r["subsidiary_id"], r["contract_id"], r["exposure"], r["classification"], r["delinquency_bucket"])
            for r in out] == [("lending", "LN-1", "803266.67", "normal", "current"),
                              ("factoring", "FT-1", "805600.00", "special_mention", "1-30")]
    assert out[0]["customer_label"] == "上海申江精密机械有限公司"
    assert files["exposures.csv"].content_type.startswith("text/csv")


def test_classification_dataset_has_five_rows_per_subsidiary_and_for_the_group():
    rows = [exposure("lending", "a", "900.00"), exposure("leasing", "b", "100.00", dpd=100)]
    files, _ = _build(rows)
    out = _rows(files["classification.csv"].body)
    assert len(out) == 15
    group = {r["classification"]: r for r in out if r["scope"] == "GROUP"}
    assert group["substandard"]["principal"] == "100.00" and group["substandard"]["npl"] == "Y"
    assert group["normal"]["npl_ratio"] == "0.100000"


def test_large_exposures_are_customers_and_groups_at_or_above_the_threshold():
    rows = [exposure(who="p", principal="600.00"), exposure(who="s", principal="500.00", related=(("parent", "p"),)),
            exposure(who="small", principal="100.00")]
    files, _ = _build(rows, large_exposure_threshold=Decimal("550.00"), net_capital=Decimal("5000"))
    out = _rows(files["large-exposures.csv"].body)
    assert [(r["level"], r["exposure"], r["share_of_net_capital"]) for r in out] == [
        ("group_customer", "1100.00", "0.220000"), ("customer", "600.00", "0.120000")]


def test_related_party_dataset_lists_only_the_group_s_related_parties():
    files, _ = _build([exposure(who="insider", related_party=True, contract="RP-1"), exposure(who="other")])
    assert [r["contract_id"] for r in _rows(files["related-party.csv"].body)] == ["RP-1"]


def test_totals_tie_to_the_ledger_when_it_holds_the_contracts():
    rows = [exposure("lending", "a", "100.00", interest="1.00")]
    ledger = LedgerControlTotals(Decimal("100.00"), Decimal("1.00"), "CNY")
    _, report = _build(rows, facts=[_facts(rows, "lending", ledger)])
    assert _rule(report, "ledger_tie_out:lending")["status"] == "passed"
    assert report["totals_checked_against"] == {"lending": "ledger"}


def test_a_difference_from_the_ledger_fails_validation_and_shows_the_difference():
    rows = [exposure("lending", "a", "100.00")]
    ledger = LedgerControlTotals(Decimal("90.00"), Decimal("0"), "CNY")
    _, report = _build(rows, facts=[_facts(rows, "lending", ledger)])
    rule = _rule(report, "ledger_tie_out:lending")
    assert rule["status"] == "failed" and rule["details"]["principal_difference"] == "10.00"
    assert report["status"] == "failed"


def test_without_a_ledger_the_extract_s_own_totals_are_used_and_the_report_says_so():
    rows = [exposure("lending", "a", "100.00")]
    _, report = _build(rows)
    rule = _rule(report, "ledger_tie_out:lending")
    assert rule["status"] == "warning"
    assert "ledger not available" in rule["message"] and "extract's own control totals" in rule["message"]
    assert report["totals_checked_against"] == {"lending": "extract_control_totals"}


def test_rows_lost_between_extract_and_consolidation_fail_integrity():
    rows = [exposure("lending", "a", "100.00")]
    declared = ExtractTotals(2, Decimal("200.00"), Decimal("0"), Decimal("0"))
    _, report = _build(rows, facts=[_facts(rows, "lending", declared=declared)])
    assert _rule(report, "extract_integrity:lending")["status"] == "failed"


def test_missing_mandatory_fields_are_counted_by_field():
    _, report = _build([exposure(who="a", industry=None), exposure(who="b", region=None, label="")])
    rule = _rule(report, "mandatory_fields")
    assert rule["status"] == "failed"
    assert rule["details"]["missing_by_field"] == {"industry": 1, "region": 1, "customer_label": 1}


def test_a_partial_run_fails_completeness_naming_who_is_missing():
    files, report = _build([exposure("lending", "a")], missing_subsidiaries=["leasing"])
    rule = _rule(report, "completeness")
    assert rule["status"] == "failed" and rule["details"]["missing_subsidiaries"] == ["leasing"]
    assert json.loads(files["validation-report.json"].body)["status"] == "failed"


def test_the_datasets_totals_agree_and_figures_older_than_the_run_are_flagged():
    rows = [exposure("lending", "a", "100.00", figures_on=date(2026, 6, 1)), exposure("leasing", "b", "50.00")]
    _, report = _build(rows)
    assert _rule(report, "datasets_tie")["status"] == "passed"
    assert _rule(report, "freshness")["details"]["rows"] == 1
    assert h("a")  # builders' hashes are stable
