"""The contract document: HTML from the kind's template with the parties, terms and full schedule.

Pure (no AWS). ``string.Template`` with every value HTML-escaped — no template engine is a runtime
dependency. The output depends only on its inputs, so the same application and contract id always
render the same bytes, and the SHA-256 the signatures bind to can be recomputed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from html import escape
from pathlib import Path
from string import Template
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


@lru_cache(maxsize=4)
def _template(name: str) -> Template:
    return Template((TEMPLATES / name).read_text(encoding="utf-8"))


def _e(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        value = format(value, "f")
    return escape(str(value), quote=True)


_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def _row(*cells: Any, num_from: int = 1) -> str:
    """A table row; cells from ``num_from`` on that hold numbers are right-aligned."""
    return "<tr>" + "".join(
        f'<td class="num">{_e(c)}</td>' if i >= num_from and _NUMBER.match(_e(c)) else f"<td>{_e(c)}</td>"
        for i, c in enumerate(cells)) + "</tr>"


def render_contract(app: Application, contract_id: str, issued_on: date, lender: Party, product_name: str) -> str:
    """The contract for an approved application, as an HTML document."""
    assert app.quote is not None and app.priced_terms is not None and app.pin is not None
    title, title_en, lender_role, customer_role = TITLES[app.kind]
    terms = app.priced_terms
    rows = [_row(label, terms[k]) for k, label in _TERM_LABELS.items()
            if k in terms and not isinstance(terms[k], (list, dict))]
    if app.rate:
        rows.append(_row("定价 Pricing", ", ".join(f"{k}={v}" for k, v in app.rate.items() if v is not None)))
    rows.append(_row("签约期限 Sign by", app.sign_by))
    return _template("contract.html").substitute(
        title=_e(title), title_en=_e(title_en), contract_id=_e(contract_id), application_id=_e(app.application_id),
        lender_role=_e(lender_role), customer_role=_e(customer_role), lender_name=_e(lender.name),
        lender_code=_e(lender.code), customer_name=_e(app.customer.name),
        customer_identity=_e(app.customer.identity_masked),
        product_name=_e(product_name), product_code=_e(app.product_code), product_version=_e(app.pin.version),
        terms_rows="\n".join(rows), kind_section=_kind_section(app), issued_on=_e(issued_on.isoformat()),
        **_schedule(app),
    )


def _kind_section(app: Application) -> str:
    if app.kind is Kind.LEASE and app.assets:
        structure = {"direct": "直租 Direct lease", "sale_and_leaseback": "售后回租 Sale and leaseback"}.get(
            app.lease_structure or "", app.lease_structure or "")
        rows = "\n".join(_row(a.description, a.supplier, a.serial or "", a.quantity, a.price, num_from=3)
                         for a in app.assets)
        return ("<h2>三、租赁物 Leased assets（" + _e(structure) + "）</h2>\n<table><thead><tr><th>描述 Description</th>"
                "<th>供应商 Supplier</th><th>序列号 Serial</th><th class=\"num\">数量 Qty</th>"
                "<th class=\"num\">价款 Price</th></tr></thead><tbody>\n" + rows + "\n</tbody></table>")
    if app.kind is Kind.FACTORING and app.invoices:
        rows = "\n".join(_row(i.number, i.debtor_name, i.issue_date.isoformat(), i.due_date.isoformat(), i.face_amount,
                              num_from=4) for i in app.invoices)
        return ("<h2>三、转让的应收账款 Receivables assigned</h2>\n<table><thead><tr><th>发票号 Invoice</th>"
                "<th>债务人 Debtor</th><th>开票日 Issued</th><th>到期日 Due</th><th class=\"num\">票面金额 Face</th>"
                "</tr></thead><tbody>\n" + rows + "\n</tbody></table>")
    return ""


def _schedule(app: Application) -> dict[str, str]:
    quote = app.quote or {}
    installments = quote.get("installments", [])
    totals = quote.get("totals", {})
    cols = ["seq", "due_date", "principal", "interest", "fee", "payment", "balance"]
    head = ["期次 No.", "到期日 Due", "本金 Principal", "利息 Interest", "费用 Fee", "应付 Payment", "余额 Balance"]
    if app.kind is Kind.FACTORING:
        cols = ["seq", "invoice_number", "due_date", "principal", "interest", "fee", "payment"]
        head = ["序号 No.", "发票 Invoice", "到期日 Due", "融资款 Advance", "利息 Interest", "费用 Fee", "应付 Payment"]
    first_num = 2 if app.kind is not Kind.FACTORING else 3
    rows = "\n".join(_row(*(row.get(c) for c in cols), num_from=first_num) for row in installments)
    number = "四" if (app.assets or app.invoices) else "三"
    heading = {Kind.LOAN: "还款计划 Repayment schedule", Kind.LEASE: "租金支付表 Rent schedule",
               Kind.FACTORING: "回款与结算 Settlement schedule"}[app.kind]
    heading = f"{number}、{heading}"
    at = cols.index("principal")
    total_cells = (["合计 Total"] + [""] * (at - 1)
                   + [totals.get("principal"), totals.get("interest"), totals.get("fees"), totals.get("payment")]
                   + [""] * (len(cols) - at - 4))
    return {
        "schedule_heading": _e(heading),
        "schedule_head": "".join(f"<th>{_e(h)}</th>" for h in head),
        "schedule_rows": rows,
        "schedule_totals": "".join(f"<td>{_e(c)}</td>" for c in total_cells),
    }
