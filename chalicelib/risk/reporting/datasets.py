"""Report datasets of a consolidation run, and the rules that validate them. Pure: no AWS.

Each run produces loan-level and aggregate CSVs (UTF-8 with a byte-order mark, so spreadsheet
software opens the Chinese labels correctly):

* ``exposures.csv`` — every contract: amounts, days past due, bucket, HQ's class and where it came from;
* ``classification.csv`` — the five-category split per subsidiary and for the group, with NPL ratios;
* ``portfolio.csv`` — the group by subsidiary, product kind, industry, region, class and bucket;
* ``large-exposures.csv`` — customers and group customers at or above the large-exposure threshold;
* ``related-party.csv`` — contracts with the holding group's own related parties;
* ``validation-report.json`` — what was checked and what was found.

Validation: mandatory fields on every row; each subsidiary's rows tie to its ledger's trial balance
(principal and interest receivable) — or, where the subsidiary's ledger holds no contracts yet, to the
extract's own control totals, which the report says in so many words; the datasets' totals tie to one
another; a partial run, an unconsolidated currency and figures older than the run date are reported.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Iterable

from chalicelib.risk.consolidation import Consolidation, Position, ratio
from chalicelib.risk.exposures import ExtractTotals, FiveCategory, LedgerControlTotals
from chalicelib.shared.spreadsheet import csv_text

CSV_TYPE = "text/csv; charset=utf-8"
JSON_TYPE = "application/json"
SAMPLE_LIMIT = 50
ZERO = Decimal(0)

REPORT_NAMES = ("exposures.csv", "classification.csv", "portfolio.csv", "large-exposures.csv", "related-party.csv",
                "validation-report.json")


@dataclass(frozen=True)
class ExtractFacts:
    """What the consolidation knows about one subsidiary's extract."""

    subsidiary_id: str
    declared: ExtractTotals  # the extractor's control totals, written beside the rows
    read: ExtractTotals  # recomputed from the rows the consolidation read
    ledger: LedgerControlTotals | None  # None: the ledger holds no contracts for this subsidiary yet
    ledger_note: str = ""


@dataclass
class ReportFile:
    name: str
    body: bytes
    content_type: str


@dataclass
class Rule:
    rule: str
    status: str  # passed | warning | failed
    message: str
    details: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"rule": self.rule, "status": self.status, "message": self.message, "details": self.details}


def _s(d: Decimal) -> str:
    return format(d, "f")


def _csv(header: list[str], rows: Iterable[list[Any]]) -> bytes:
    # Labels are customers' own names: text that looks like a formula is neutralised (shared.spreadsheet).
    return ("\ufeff" + csv_text(header, rows)).encode("utf-8")


EXPOSURE_COLUMNS = [
    "run_id", "as_of", "subsidiary_id", "contract_id", "customer_hash", "customer_label", "customer_type",
    "group_customer_id", "product_kind", "product_code", "industry", "region", "currency", "outstanding_principal",
    "accrued_interest", "undrawn_commitment", "exposure", "days_past_due", "delinquency_bucket",
    "subsidiary_classification", "classification", "classification_source", "override_reason",
    "group_related_party", "figures_on",
]


def _contract_rows(c: Consolidation, run_id: str, only_related: bool = False) -> Iterable[list[Any]]:
    as_of = c.as_of.isoformat()
    for x in c.contracts:
        e = x.exposure
        if only_related and not e.group_related_party:
            continue
        yield [run_id, as_of, e.subsidiary_id, e.contract_id, e.customer_hash, e.customer_label, e.customer_type,
               x.group_customer_id, e.product_kind.value, e.product_code, e.industry, e.region, e.currency,
               e.outstanding_principal, e.accrued_interest, e.undrawn_commitment, e.exposure, e.days_past_due,
               x.bucket, e.classification.value if e.classification else None, x.category.value, x.source,
               x.override_reason, "Y" if e.group_related_party else "N",
               e.figures_on.isoformat() if e.figures_on else None]


def _classification_rows(c: Consolidation, run_id: str) -> Iterable[list[Any]]:
    by_sub: dict[str, dict[str, Position]] = {}
    for x in c.contracts:
        by_sub.setdefault(x.exposure.subsidiary_id, {}).setdefault(x.category.value, Position()).add(x)
    scopes = [(sub, by_sub[sub]) for sub in sorted(by_sub)] + [("GROUP", _by_class(c))]
    for scope, classes in scopes:
        principal_total = sum((p.principal for p in classes.values()), ZERO)
        npl = sum((p.principal for k, p in classes.items() if FiveCategory(k).is_npl), ZERO)
        for cat in FiveCategory:
            p = classes.get(cat.value, Position())
            yield [run_id, c.as_of.isoformat(), scope, cat.value, cat.label_zh, "Y" if cat.is_npl else "N", p.contracts,
                   p.principal, p.exposure, ratio(p.principal, principal_total), ratio(npl, principal_total)]


def _by_class(c: Consolidation) -> dict[str, Position]:
    return dict(c.portfolio.get("classification", {}))


def _portfolio_rows(c: Consolidation, run_id: str) -> Iterable[list[Any]]:
    total = c.total.exposure
    for dim, slices in c.portfolio.items():
        for key, p in sorted(slices.items()):
            yield [run_id, c.as_of.isoformat(), dim, key, p.contracts, p.principal, p.interest, p.undrawn, p.exposure,
                   p.npl_principal, ratio(p.exposure, total), ratio(p.npl_principal, p.principal)]


def _large_rows(c: Consolidation, run_id: str, threshold: Decimal | None,
                net_capital: Decimal | None) -> list[list[Any]]:
    rows: list[tuple[Decimal, list[Any]]] = []
    if threshold is None:  # no threshold configured: the top ten stand in, and the report says so
        picked_customers = {h for h, _ in c.top_customers}
        picked_groups = {g for g, _ in c.top_groups}
    else:
        picked_customers = {h for h, x in c.customers.items() if x.exposure >= threshold}
        picked_groups = {g for g, x in c.groups.items() if x.exposure >= threshold}
    for h in picked_customers:
        x = c.customers[h]
        rows.append((x.exposure, ["customer", h, x.label, x.group_customer_id, x.exposure, x.total.principal,
                                  x.total.category.value, _breakdown(x.by_subsidiary)]))
    for g in picked_groups:
        x = c.groups[g]
        rows.append((x.exposure, ["group_customer", g, x.label, g, x.exposure, x.total.principal,
                                  x.total.category.value, _breakdown(x.by_subsidiary)]))
    rows.sort(key=lambda r: (-r[0], r[1][1]))
    out = []
    for rank, (_, r) in enumerate(rows, 1):
        share = ratio(r[4], net_capital) if net_capital else None
        out.append([run_id, c.as_of.isoformat(), rank, *r[:5], share, ratio(r[4], c.total.exposure), *r[5:]])
    return out


def _breakdown(by_sub: dict[str, Position]) -> str:
    return ";".join(f"{k}:{_s(v.exposure)}" for k, v in sorted(by_sub.items()))


def build_reports(c: Consolidation, run_id: str, *, extracts: Iterable[ExtractFacts],
                  missing_subsidiaries: Iterable[str] = (), large_exposure_threshold: Decimal | None = None,
                  net_capital: Decimal | None = None) -> tuple[list[ReportFile], dict[str, Any]]:
    """Every dataset of the run and its validation report (also one of the files)."""
    files = [
        ReportFile("exposures.csv", _csv(EXPOSURE_COLUMNS, _contract_rows(c, run_id)), CSV_TYPE),
        ReportFile("classification.csv", _csv(
            ["run_id", "as_of", "scope", "classification", "classification_zh", "npl", "contracts", "principal",
             "exposure", "share_of_principal", "npl_ratio"], _classification_rows(c, run_id)), CSV_TYPE),
        ReportFile("portfolio.csv", _csv(
            ["run_id", "as_of", "dimension", "key", "contracts", "principal", "interest", "undrawn", "exposure",
             "npl_principal", "share", "npl_ratio"], _portfolio_rows(c, run_id)), CSV_TYPE),
        ReportFile("large-exposures.csv", _csv(
            ["run_id", "as_of", "rank", "level", "id", "label", "group_customer_id", "exposure",
             "share_of_net_capital", "share_of_group_exposure", "principal", "classification", "by_subsidiary"],
            _large_rows(c, run_id, large_exposure_threshold, net_capital)), CSV_TYPE),
        ReportFile("related-party.csv", _csv(EXPOSURE_COLUMNS, _contract_rows(c, run_id, only_related=True)), CSV_TYPE),
    ]
    report = validate(c, run_id, extracts=list(extracts), missing_subsidiaries=sorted(set(missing_subsidiaries)),
                      large_exposure_threshold=large_exposure_threshold)
    files.append(ReportFile("validation-report.json",
                            json.dumps(report, ensure_ascii=False, indent=2).encode("utf-8"), JSON_TYPE))
    return files, report


# --- validation -------------------------------------------------------------------------------------------------


def validate(c: Consolidation, run_id: str, *, extracts: list[ExtractFacts], missing_subsidiaries: list[str],
             large_exposure_threshold: Decimal | None = None) -> dict[str, Any]:
    rules = [
        _mandatory_fields(c),
        *_extract_integrity(extracts),
        *_tie_out(c, extracts),
        _datasets_tie(c),
        _completeness(missing_subsidiaries),
        _currencies(c),
        _freshness(c),
    ]
    if large_exposure_threshold is None:
        rules.append(Rule("large_exposure_threshold", "warning",
                          "no large-exposure threshold (net capital) is configured: the top ten customers and groups "
                          "stand in for large exposures"))
    worst = "failed" if any(r.status == "failed" for r in rules) else (
        "passed_with_warnings" if any(r.status == "warning" for r in rules) else "passed")
    ledger_sources = {f.subsidiary_id: ("ledger" if f.ledger is not None else "extract_control_totals")
                      for f in extracts}
    return {"run_id": run_id, "as_of": c.as_of.isoformat(), "status": worst, "totals_checked_against": ledger_sources,
            "rules": [r.to_json() for r in rules]}


def _mandatory_fields(c: Consolidation) -> Rule:
    problems: dict[str, int] = {}
    samples: list[dict[str, str]] = []

    def miss(e, fld: str) -> None:
        problems[fld] = problems.get(fld, 0) + 1
        if len(samples) < SAMPLE_LIMIT:
            samples.append({"subsidiary_id": e.subsidiary_id, "contract_id": e.contract_id, "field": fld})

    for x in c.contracts:
        e = x.exposure
        if not e.customer_label:
            miss(e, "customer_label")
        if not e.region:
            miss(e, "region")
        if e.customer_type == "enterprise" and not e.industry:
            miss(e, "industry")
        if e.figures_on is None:
            miss(e, "figures_on")
    if not problems:
        return Rule("mandatory_fields", "passed", f"all {len(c.contracts)} rows carry every mandatory field")
    return Rule("mandatory_fields", "failed",
                f"{sum(problems.values())} mandatory field(s) missing across the rows",
                {"missing_by_field": problems, "samples": samples})


def _extract_integrity(extracts: list[ExtractFacts]) -> list[Rule]:
    rules = []
    for f in sorted(extracts, key=lambda f: f.subsidiary_id):
        if f.declared == f.read:
            rules.append(Rule(f"extract_integrity:{f.subsidiary_id}", "passed",
                              f"{f.read.count} rows read, matching the extract's control totals",
                              {"declared": f.declared.to_json()}))
        else:
            rules.append(Rule(f"extract_integrity:{f.subsidiary_id}", "failed",
                              "the rows read do not add up to the extract's control totals",
                              {"declared": f.declared.to_json(), "read": f.read.to_json()}))
    return rules


def _tie_out(c: Consolidation, extracts: list[ExtractFacts]) -> list[Rule]:
    rules = []
    by_sub = c.portfolio.get("subsidiary", {})
    for f in sorted(extracts, key=lambda f: f.subsidiary_id):
        p = by_sub.get(f.subsidiary_id, Position())
        name = f"ledger_tie_out:{f.subsidiary_id}"
        if f.ledger is None:
            tied = p.principal == f.declared.principal and p.interest == f.declared.interest
            note = f.ledger_note or "the subsidiary's ledger holds no contracts yet"
            rules.append(Rule(name, "warning" if tied else "failed",
                              f"ledger not available ({note}): validated against the extract's own control totals "
                              + ("— tied" if tied else "— they differ"),
                              {"source": "extract_control_totals", "dataset_principal": _s(p.principal),
                               "control_principal": _s(f.declared.principal), "dataset_interest": _s(p.interest),
                               "control_interest": _s(f.declared.interest)}))
            continue
        if f.ledger.interest_in_principal:  # leases: earned finance income is in the net investment
            diff_p = p.principal + p.interest - f.ledger.principal - f.ledger.interest
            diff_i = ZERO
        else:
            diff_p = p.principal - f.ledger.principal
            diff_i = p.interest - f.ledger.interest
        tied_what = ("principal with earned finance income ties to the net lease investment"
                     if f.ledger.interest_in_principal else "principal and interest tie to the trial balance")
        rules.append(Rule(name, "passed" if not diff_p and not diff_i else "failed",
                          tied_what if not diff_p and not diff_i else
                          "the dataset does not tie to the trial balance",
                          {"source": f.ledger.source, "dataset_principal": _s(p.principal),
                           "ledger_principal": _s(f.ledger.principal), "principal_difference": _s(diff_p),
                           "dataset_interest": _s(p.interest), "ledger_interest": _s(f.ledger.interest),
                           "interest_difference": _s(diff_i)}))
    return rules


def _datasets_tie(c: Consolidation) -> Rule:
    loan_level = sum((x.exposure.exposure for x in c.contracts), ZERO)
    by_class = sum((p.exposure for p in c.portfolio.get("classification", {}).values()), ZERO)
    by_sub = sum((p.exposure for p in c.portfolio.get("subsidiary", {}).values()), ZERO)
    by_customer = sum((x.exposure for x in c.customers.values()), ZERO)
    figures = {"exposures_csv": _s(loan_level), "classification_csv": _s(by_class),
               "portfolio_by_subsidiary": _s(by_sub), "customers": _s(by_customer), "group_total": _s(c.total.exposure)}
    ok = len(set(figures.values())) == 1
    return Rule("datasets_tie", "passed" if ok else "failed",
                "loan-level, classification, portfolio and customer totals agree" if ok else
                "the datasets' totals disagree", figures)


def _completeness(missing: list[str]) -> Rule:
    if not missing:
        return Rule("completeness", "passed", "every subsidiary of the group is included")
    return Rule("completeness", "failed",
                f"PARTIAL run: {', '.join(missing)} could not be extracted and are not in these figures",
                {"missing_subsidiaries": missing})


def _currencies(c: Consolidation) -> Rule:
    if not c.unconverted:
        return Rule("currency", "passed", f"every contract is in the group currency {c.currency}")
    return Rule("currency", "failed",
                f"contracts in other currencies are reported apart, not in the {c.currency} totals",
                {ccy: p.to_json() for ccy, p in sorted(c.unconverted.items())})


def _freshness(c: Consolidation) -> Rule:
    stale = [x for x in c.contracts if x.exposure.figures_on is not None and x.exposure.figures_on < c.as_of]
    if not stale:
        return Rule("freshness", "passed", f"every row's figures are as of {c.as_of.isoformat()} or later")
    oldest: date = min(x.exposure.figures_on for x in stale)  # type: ignore[type-var]
    return Rule("freshness", "warning", f"{len(stale)} row(s) carry figures older than the run date",
                {"rows": len(stale), "oldest": oldest.isoformat(),
                 "samples": [{"subsidiary_id": x.exposure.subsidiary_id, "contract_id": x.exposure.contract_id}
                             for x in stale[:SAMPLE_LIMIT]]})
