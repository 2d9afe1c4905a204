"""The contract document: HTML from the kind's template with the parties, terms and full schedule.

Pure (no AWS). A Jinja2 template with autoescape (``templates/contract.html.j2``): Python hands it
plain values, and the markup lives in the template. The output depends only on its inputs, so the
same application and contract id always render the same bytes, and the SHA-256 the signatures bind
to can be recomputed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from chalicelib.origination.applications.domain import Application, Kind

TEMPLATES = Path(__file__).resolve().parent / "templates"

TITLES = {
    Kind.LOAN: ("借款合同", "Loan Agreement", "贷款人 Lender", "借款人 Borrower"),
    Kind.LEASE: ("融资租赁合同", "Finance Lease Agreement", "出租人 Lessor", "承租人 Lessee"),
    Kind.FACTORING: ("保理合同", "Factoring Agreement", "保理商 Factor", "卖方 Seller"),
}

_TERM_LABELS = {
    "principal": "本金/融资额 Principal", "annual_rate": "年利率 Annual rate", "term": "期数 Term (periods)",
    "frequency": "还款频率 Frequency", "amortization": "还款方式 Amortization", "day_count": "计息基础 Day count",
    "start_date": "起息日 Start date", "timing": "租金支付 Rent timing", "residual_value": "留购价款 Residual value",
    "security_deposit": "保证金 Security deposit", "down_payment": "首付款 Down payment",
    "advance_rate": "融资比例 Advance rate", "grace_days": "宽限期（天）Grace days",
    "interest_collection": "收息方式 Interest collection", "recourse": "追索权 Recourse",
    "grace_on_principal": "本金宽限期 Principal grace", "currency": "币种 Currency",
}


@dataclass(frozen=True)
class Party:
    name: str
    code: str  # USCC for the lender, the masked identity for the customer


@lru_cache(maxsize=1)
def _template() -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      keep_trailing_newline=True)
    return env.get_template("contract.html.j2")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def _cells(*values: Any, num_from: int = 1) -> list[tuple[str, bool]]:
    """A table row's cells: (text, numeric); cells from ``num_from`` on that hold numbers align right."""
    return [(t, i >= num_from and bool(_NUMBER.match(t))) for i, t in enumerate(_text(v) for v in values)]


def render_contract(app: Application, contract_id: str, issued_on: date, lender: Party, product_name: str) -> str:
    """The contract for an approved application, as an HTML document."""
    assert app.quote is not None and app.priced_terms is not None and app.pin is not None
    title, title_en, lender_role, customer_role = TITLES[app.kind]
    terms = app.priced_terms
    rows = [_cells(label, terms[k]) for k, label in _TERM_LABELS.items()
            if k in terms and not isinstance(terms[k], (list, dict))]
    if app.rate:
        rows.append(_cells("定价 Pricing", ", ".join(f"{k}={v}" for k, v in app.rate.items() if v is not None)))
    rows.append(_cells("签约期限 Sign by", app.sign_by))
    return _template().render(
        title=title, title_en=title_en, contract_id=contract_id, application_id=app.application_id,
        lender_role=lender_role, customer_role=customer_role, lender_name=lender.name, lender_code=lender.code,
        customer_name=app.customer.name, customer_identity=app.customer.identity_masked,
        product_name=product_name, product_code=app.product_code, product_version=_text(app.pin.version),
        terms_rows=rows, section=_kind_section(app), issued_on=issued_on.isoformat(), schedule=_schedule(app),
    )


def _kind_section(app: Application) -> dict[str, Any] | None:
    """Section three: the leased assets, or the receivables assigned (a loan has none)."""
    if app.kind is Kind.LEASE and app.assets:
        structure = {"direct": "直租 Direct lease", "sale_and_leaseback": "售后回租 Sale and leaseback"}.get(
            app.lease_structure or "", app.lease_structure or "")
        return {"heading": f"租赁物 Leased assets（{structure}）",
                "head": [("描述 Description", False), ("供应商 Supplier", False), ("序列号 Serial", False),
                         ("数量 Qty", True), ("价款 Price", True)],
                "rows": [_cells(a.description, a.supplier, a.serial or "", a.quantity, a.price, num_from=3)
                         for a in app.assets]}
    if app.kind is Kind.FACTORING and app.invoices:
        return {"heading": "转让的应收账款 Receivables assigned",
                "head": [("发票号 Invoice", False), ("债务人 Debtor", False), ("开票日 Issued", False),
                         ("到期日 Due", False), ("票面金额 Face", True)],
                "rows": [_cells(i.number, i.debtor_name, i.issue_date.isoformat(), i.due_date.isoformat(),
                                i.face_amount, num_from=4) for i in app.invoices]}
    return None


def _schedule(app: Application) -> dict[str, Any]:
    quote = app.quote or {}
    installments = quote.get("installments", [])
    totals = quote.get("totals", {})
    cols = ["seq", "due_date", "principal", "interest", "fee", "payment", "balance"]
    head = ["期次 No.", "到期日 Due", "本金 Principal", "利息 Interest", "费用 Fee", "应付 Payment", "余额 Balance"]
    if app.kind is Kind.FACTORING:
        cols = ["seq", "invoice_number", "due_date", "principal", "interest", "fee", "payment"]
        head = ["序号 No.", "发票 Invoice", "到期日 Due", "融资款 Advance", "利息 Interest", "费用 Fee", "应付 Payment"]
    first_num = 2 if app.kind is not Kind.FACTORING else 3
    rows = [_cells(*(row.get(c) for c in cols), num_from=first_num) for row in installments]
    number = "四" if (app.assets or app.invoices) else "三"
    heading = {Kind.LOAN: "还款计划 Repayment schedule", Kind.LEASE: "租金支付表 Rent schedule",
               Kind.FACTORING: "回款与结算 Settlement schedule"}[app.kind]
    heading = f"{number}、{heading}"
    at = cols.index("principal")
    total_cells = (["合计 Total"] + [""] * (at - 1)
                   + [totals.get("principal"), totals.get("interest"), totals.get("fees"), totals.get("payment")]
                   + [""] * (len(cols) - at - 4))
    return {"heading": heading, "head": head, "rows": rows, "totals": [_text(c) for c in total_cells]}
