"""Ledger contract postings: throughput on the embedded AWS, retries under concurrency, and write
capacity per posting against its minimum.

Every contract posting is one TransactWriteItems: the journal entry, each of the contract's own
sub-accounts (conditional on its version) with one statement row each, one GL movement row per line
on a shared GL account (bank, interest income…: unconditional rows in 16 shards, folded into the
account by the close-of-business roll-up — so no item is shared between contracts) and one outbox
event. DynamoDB bills a transactional write at 2 write units per item per started KB, so the floor for
a posting of n items is 2n WCU; index writes (the entry is listed on two GSIs) come on top at 1 WCU
per KB.

What is measured, and where:

* postings/s — on the embedded stack (moto on loopback, with the project's shims), from 1 thread and
  from 4 threads posting for different contracts; attempts per posting (goal: 1.00, max 1 — postings
  for different contracts never race) and the 4-thread / 1-thread ratio (goal: >= 1.0);
* the roll-up of the day afterwards (GL movement rows folded per second) and a check that the trial
  balance is unchanged by it;
* write units — asked of DynamoDB with ``ReturnConsumedCapacity=TOTAL`` on every transaction. moto
  answers with nothing. DynamoDB Local answers, but not per item (a probe: 1, 3 and 5 small items
  all report 2.0), so its figure is printed for what it is. The ratio is therefore computed from the
  exact requests sent, sized with DynamoDB's published rules (attribute names + values, rounded up
  to 1 KB per item; an update is charged for the larger of its before and after image).

    python benches/ledger.py [postings]        (default 400; DynamoDB Local runs a quarter of them)
"""
from __future__ import annotations

import math
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CONTRACTS = 40
THREADS = 4


# --- sizing per DynamoDB's rules -------------------------------------------------------------------


def _value_size(value: dict[str, Any]) -> int:
    (kind, v), = value.items()
    if kind == "S":
        return len(v.encode())
    if kind == "N":
        digits = len(v.replace("-", "").replace(".", "").lstrip("0")) or 1
        return 1 + math.ceil(digits / 2)
    if kind in ("BOOL", "NULL"):
        return 1
    if kind == "M":
        return 3 + sum(len(k.encode()) + _value_size(x) for k, x in v.items())
    if kind == "L":
        return 3 + sum(_value_size(x) for x in v)
    return len(str(v).encode())


def item_size(item: dict[str, Any]) -> int:
    return sum(len(name.encode()) + _value_size(value) for name, value in item.items())


def write_units(captured: dict[str, list], ddb: Any) -> tuple[int, int]:
    """(transactional WCU of the items, standard WCU of their index writes) for one transaction.
    GL movement rows are puts like the entry, the statement rows and the event (no index)."""
    table_units = index_units = 0
    for put in captured["put_items"]:
        size = item_size(put["Item"])
        table_units += 2 * math.ceil(size / 1024)
        index_units += sum(1 for g in ("GSI1PK", "GSI2PK", "GSI3PK") if g in put["Item"]) * math.ceil(size / 1024)
    for update in captured["update_items"]:
        after = ddb.get_item(TableName=update["TableName"], Key=update["Key"], ConsistentRead=True).get("Item", {})
        table_units += 2 * math.ceil(max(item_size(after), 1) / 1024)  # before ≈ after: a few bytes apart
    return table_units, index_units


# --- the workload ----------------------------------------------------------------------------------


def _capture_transactions(sink: list) -> None:
    """Record each transaction's request (bench only: wraps PynamoDB's connection method)."""
    from pynamodb.connection.base import Connection

    original = Connection.transact_write_items

    def recording(self, condition_check_items, delete_items, put_items, update_items, **kw):
        result = original(self, condition_check_items, delete_items, put_items, update_items, **kw)
        sink.append({"put_items": list(put_items), "update_items": list(update_items)})
        return result

    Connection.transact_write_items = recording  # type: ignore[method-assign]


def _event(kind: str, contract: str, **amounts: str):
    from datetime import date
    from decimal import Decimal as D

    from chalicelib.ledger.domain import Component, ContractEvent, EntryKind

    return ContractEvent(kind=EntryKind(kind), contract_id=contract, currency="CNY", booked_on=date(2026, 1, 5),
                         amounts={Component(k): D(v) for k, v in amounts.items()})


def _workload(store, ctx, contracts: list[str], n: int, prefix: str) -> list:
    """n postings alternating accruals (2 accounts) and repayments (bank + three customer accounts)."""
    from chalicelib.ledger import service
    from chalicelib.ledger.domain import standard_template

    lending = standard_template("lending-standard")
    results = []
    for i in range(n):
        loan = contracts[(i // 2) % len(contracts)]  # an accrual, then a repayment of it
        if i % 2:
            ev = _event("repayment", loan, principal="10.00", interest="1.00", overpayment="0.50")
        else:
            ev = _event("accrual", loan, interest="1.00")
        results.append(service.post_contract_event(ctx, ev, template=lending, idempotency_key=f"{prefix}:{i}",
                                                   store=store))
    return results


def _books(store) -> tuple[Any, list[str]]:
    from datetime import date

    from chalicelib.ledger import domain, service
    from chalicelib.shared.tenant import Role, TenantContext, TenantKind

    ctx = TenantContext(tenant_id=f"bench-{uuid.uuid4().hex[:8]}", kind=TenantKind.LENDING, user_id="bench",
                        username="bench", roles=frozenset({Role.FINANCE}))
    service.open_chart_of_accounts(ctx, currency="CNY", store=store)
    capital = domain.EntryDraft(
        kind=domain.EntryKind.MANUAL, booked_on=date(2026, 1, 5), idempotency_key="capital", memo="capital",
        lines=(domain.line("1002", "debit", "100000000.00", "CNY"),
               domain.line("4001", "credit", "100000000.00", "CNY")))
    service.post_entry(ctx, capital, store=store)
    contracts = [f"B{i:03d}" for i in range(CONTRACTS)]
    lending = domain.standard_template("lending-standard")
    for c in contracts:
        service.post_contract_event(ctx, _event("disbursement", c, principal="100000.00"), template=lending,
                                    idempotency_key=f"d:{c}", store=store)
    return ctx, contracts


def run_embedded(n: int) -> dict[str, Any]:
    from chalicelib.local.stack import EmbeddedAws, use_endpoint
    from chalicelib.platform.settings import reset_settings
    from chalicelib.platform.tables import ensure_table

    embedded = EmbeddedAws()
    use_endpoint(embedded.start())
    os.environ["JINKONG_TABLE_NAME"] = f"bench-{uuid.uuid4().hex[:6]}"
    reset_settings()
    ensure_table(os.environ["JINKONG_TABLE_NAME"])
    try:
        from chalicelib.ledger.store import LedgerStore

        store = LedgerStore()
        ctx, contracts = _books(store)
        _workload(store, ctx, contracts, 20, "warm")

        started = time.perf_counter()
        sequential = _workload(store, ctx, contracts, n, "seq")
        seq_rate = n / (time.perf_counter() - started)

        per_thread = n // THREADS
        started = time.perf_counter()
        with ThreadPoolExecutor(THREADS) as pool:
            batches = list(pool.map(lambda t: _workload(store, ctx, contracts[t::THREADS], per_thread, f"par{t}"),
                                    range(THREADS)))
        par_rate = per_thread * THREADS / (time.perf_counter() - started)
        attempts = [r.attempts for b in batches for r in b]
        seq_attempts = [r.attempts for r in sequential]
        reported = {r.receipt.consumed_write_units for r in sequential}

        from datetime import date

        from chalicelib.ledger import service

        before = service.trial_balance(ctx, date(2026, 1, 5), store=store)
        started = time.perf_counter()
        summary = service.roll_up(ctx, date(2026, 1, 5), store=store)
        rollup_s = time.perf_counter() - started
        after = service.trial_balance(ctx, date(2026, 1, 5), store=store)
        return {"sequential": seq_rate, "concurrent": par_rate, "attempts": statistics.mean(attempts),
                "max_attempts": max(attempts), "seq_attempts": statistics.mean(seq_attempts),
                "seq_max_attempts": max(seq_attempts), "reported": reported,
                "rolled": summary["movements"], "rollup_s": rollup_s,
                "tb_unchanged": before.rows == after.rows and after.balanced}
    finally:
        embedded.stop()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_dynamodb_local(n: int) -> dict[str, Any] | None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(["bash", str(ROOT / "scripts" / "dynamodb-local.sh"), "run", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(url, timeout=1)  # noqa: S310 — loopback
            except urllib.error.HTTPError:
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    return None
                time.sleep(0.3)
        import boto3

        from chalicelib.ledger.store import LedgerStore
        from chalicelib.platform.resources import MAIN_TABLE
        from chalicelib.platform.tables import create_table_params

        ddb = boto3.session.Session().client("dynamodb", endpoint_url=url, region_name="ap-east-1")
        table = f"bench-{uuid.uuid4().hex[:6]}"
        ddb.create_table(**create_table_params(MAIN_TABLE, table))
        store = LedgerStore(host=url, table_name=table)
        ctx, contracts = _books(store)
        _workload(store, ctx, contracts, 10, "warm")
        captured: list = []
        _capture_transactions(captured)
        started = time.perf_counter()
        results = _workload(store, ctx, contracts, n, "seq")
        rate = n / (time.perf_counter() - started)
        rows = []
        for result, request in zip(results, captured):
            table_units, index_units = write_units(request, ddb)
            rows.append((result.entry.kind.value, result.receipt.items, result.receipt.consumed_write_units,
                         table_units, index_units))
        return {"rate": rate, "rows": rows}
    finally:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=15)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    os.environ.setdefault("AWS_DEFAULT_REGION", "ap-east-1")
    random.seed(7)
    from datetime import date

    from chalicelib.shared import clock

    clock.use(calendar=clock.FixedCalendar(date(2026, 1, 5)))  # the made-up tenants book on that day
    emb = run_embedded(n)
    print(f"ledger contract postings on the embedded AWS (moto + shims), {n} postings, half repayments / half accruals:")
    print(f"  1 thread                          : {emb['sequential']:8.1f} postings/s"
          f"   (mean {emb['seq_attempts']:.2f} attempts per posting, max {emb['seq_max_attempts']})")
    print(f"  {THREADS} threads, different contracts  : {emb['concurrent']:8.1f} postings/s"
          f"   (mean {emb['attempts']:.2f} attempts per posting, max {emb['max_attempts']}; goal 1.00, max 1)")
    print(f"  ratio {THREADS}-thread / 1-thread         : {emb['concurrent'] / emb['sequential']:8.2f}   (goal >= 1.0)")
    print(f"  roll-up of the day                : {emb['rolled']} GL movements folded in {emb['rollup_s']:.2f} s; "
          f"trial balance {'unchanged' if emb['tb_unchanged'] else 'CHANGED'} by it")
    print(f"  ReturnConsumedCapacity from moto  : {'not reported' if emb['reported'] == {None} else emb['reported']}")

    local = run_dynamodb_local(max(40, n // 4))
    if local is None:
        print("DynamoDB Local: could not start it (scripts/dynamodb-local.sh); write units not measured")
        return
    print(f"on DynamoDB Local: {local['rate']:.1f} postings/s (sequential)")
    print("write units per posting (minimum = 2 WCU x transactional items; the items: entry, the contract's own")
    print("accounts and their statement rows, one GL movement row per shared GL line, one event):")
    print(f"  {'posting':<12} {'items':>5} {'minimum':>8} {'DDB Local reports':>18} "
          f"{'by AWS sizing':>14} {'+ GSI writes':>13} {'ratio':>7}")
    by_kind: dict[str, list] = {}
    for kind, items, reported, table_units, index_units in local["rows"]:
        by_kind.setdefault(kind, []).append((items, reported, table_units, index_units))
    total_min = total_units = 0.0
    for kind, rows in sorted(by_kind.items()):
        items = statistics.mean(r[0] for r in rows)
        reported = statistics.mean(r[1] or 0 for r in rows)
        table_units = statistics.mean(r[2] for r in rows)
        index_units = statistics.mean(r[3] for r in rows)
        minimum = 2 * items
        total_min += minimum * len(rows)
        total_units += (table_units + index_units) * len(rows)
        print(f"  {kind:<12} {items:>5.0f} {minimum:>8.1f} {reported:>18.1f} {table_units:>14.1f} "
              f"{index_units:>13.1f} {(table_units + index_units) / minimum:>7.2f}")
    print(f"  overall ratio (AWS sizing incl. index writes / minimum): {total_units / total_min:.2f}")


if __name__ == "__main__":
    main()
