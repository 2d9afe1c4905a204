"""Close of business at scale: one date's close of a synthetic lender with 2k, 10k and 50k active contracts.

What runs is the close-of-business machine's child step, ``closing.cob.close_batch`` — the very code
each Distributed Map child runs in the cloud — over the date's manifest of batches, from 1, 4 and 8
concurrent workers standing in for the Map's concurrency. DynamoDB is **DynamoDB Local** (AWS's own
emulator); the rest of AWS (the queue the merchant events go to) is the embedded moto. Contracts are
written straight into the servicing store (a schedule priced by the finance engine, the demo lender's
consumer product), not disbursed through the API: that would take an hour at 50k. Each size closes
two warm-up dates first (the second opens every contract's ledger accounts), then the measured dates.

Printed, per size and worker count:

* contracts closed per second, and the growth factor of the close's time between sizes next to the
  ideal (the ratio of the sizes);
* ledger postings, and the conditional-check conflicts and retries per contract posting: every
  posting's GL legs go to GL movement rows (no shared balance item is conditionally updated), so the
  goal is 0;
* DynamoDB write units per contract-day, counted from the requests sent (2 WCU per transactional item,
  1 per standard write and per index write, items under 1 KB), against the transactional minimum: the
  posting transaction's items and the contract's own item.

**1 million contracts in the cloud, on paper (from the figures this prints).** The close is a Map of
``1e6 / 50 = 20,000`` children. Each child closes its 50 contracts one after another at the
per-contract latency measured here with one worker (DynamoDB's single-digit-millisecond writes make
the cloud faster than DynamoDB Local on a 2-core laptop, not slower). With the Distributed Map's
concurrency at 1,000 children (its ceiling is 10,000; Lambda's default account concurrency is 1,000),
the wall time is ``20,000 / 1,000 × 50 × t_contract``: at the ~25 ms per contract measured on DynamoDB
Local that is 20 batches × 1.25 s ≈ **25 s of closing, plus the listing** (a keys-only query of 1e6 ids,
≈ 40 pages of 1 MB: ~20 s) and the tenant steps (the GL roll-up reads the day's movement rows: ~1e6
rows of ~200 B, 16 shards per account in parallel: seconds). DynamoDB throughput is the real limit:
at W write units per contract-day (printed below, ≈ 20) a million contract-days write 2e7 WCU; on
on-demand tables at $0.625 per million write request units (ap-east-1 lists ~$0.71) that is **≈ $13–15
per close**, plus Lambda (20,000 × ~2 s × 1 GB ≈ 40,000 GB-s ≈ $0.67), Step Functions (20,000 child
executions × ~4 transitions ≈ 80,000 transitions ≈ $2) and S3 (cents): **≈ $16–18 per million-contract
close**, dominated by DynamoDB writes — which is why the write units per contract-day are printed
against their minimum. No item is hot: each contract writes its own items, the GL movement rows spread
over 16 partitions per account, and the run's counters take one update per batch, not per contract.

    python benches/end_of_day.py [sizes…]      (default: 2000 10000 50000)
    python benches/end_of_day.py --workers 1,4,8 2000
"""
from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

START = date(2026, 3, 2)
BATCH = 50
WORKERS = (1, 4, 8)


# --- DynamoDB Local and the embedded AWS -----------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_dynamodb_local() -> tuple[subprocess.Popen, str]:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(["bash", str(ROOT / "scripts" / "dynamodb-local.sh"), "run", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(url, timeout=1)  # noqa: S310 — loopback
        except urllib.error.HTTPError:
            return proc, url
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("DynamoDB Local did not start (scripts/dynamodb-local.sh)")
            time.sleep(0.3)


def start_stack(dynamodb_url: str) -> None:
    """The local stack with DynamoDB on DynamoDB Local (per-service endpoint), the rest on moto."""
    os.environ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamodb_url
    os.environ["POWERTOOLS_METRICS_DISABLED"] = "true"
    os.environ.setdefault("POWERTOOLS_LOG_LEVEL", "WARNING")
    from chalicelib.local import stack

    stack.start(prefix=f"bench-{uuid.uuid4().hex[:6]}")


# --- counting what is written ----------------------------------------------------------------------


class Writes:
    """DynamoDB write units by DynamoDB's rules for items under 1 KB, counted from PynamoDB's and the
    raw client's requests (bench only: it wraps their methods)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.units = 0
        self.tx_items = 0

    def add(self, units: int, tx_items: int = 0) -> None:
        with self.lock:
            self.units += units
            self.tx_items += tx_items

    def install(self) -> None:
        from pynamodb.connection.base import Connection

        tx, put, update = Connection.transact_write_items, Connection.put_item, Connection.update_item
        writes = self

        def _gsi(item: dict) -> int:
            return sum(1 for g in ("GSI1PK", "GSI2PK", "GSI3PK") if g in item)

        def transact(self, condition_check_items, delete_items, put_items, update_items, **kw):
            result = tx(self, condition_check_items, delete_items, put_items, update_items, **kw)
            items = len(put_items) + len(update_items) + len(delete_items)
            gsi = sum(_gsi(p.get("Item", {})) for p in put_items)
            writes.add(2 * items + gsi, items)
            return result

        def put_item(self, *a, **kw):
            result = put(self, *a, **kw)
            writes.add(1 + _gsi(kw.get("attributes") or {}))
            return result

        def update_item(self, *a, **kw):
            result = update(self, *a, **kw)
            writes.add(1)
            return result

        Connection.transact_write_items = transact  # type: ignore[method-assign]
        Connection.put_item = put_item  # type: ignore[method-assign]
        Connection.update_item = update_item  # type: ignore[method-assign]


class Postings:
    """Every contract posting's attempts (a retry is a conditional check another posting won)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.attempts: list[int] = []
        self.tx_items: list[int] = []

    def install(self) -> None:
        from chalicelib.ledger import service

        original = service.post_contract_event
        postings = self

        def recording(*a, **kw):
            result = original(*a, **kw)
            if not result.replayed:
                with postings.lock:
                    postings.attempts.append(result.attempts)
                    postings.tx_items.append(result.receipt.items if result.receipt else 0)
            return result

        service.post_contract_event = recording


# --- the synthetic lender --------------------------------------------------------------------------


def make_lender(contracts: int) -> tuple[Any, list[str]]:
    from chalicelib import bootstrap
    from chalicelib.finance.quote import price_quote
    from chalicelib.local.seed import open_calendars
    from chalicelib.servicing import domain
    from chalicelib.servicing.domain import Contract, CustomerProfile
    from chalicelib.servicing.service import _store
    from chalicelib.tenancy.domain import TenantDefinition
    from chalicelib.tenancy.service import system_context

    tenant = f"bench-{uuid.uuid4().hex[:6]}"
    definition = TenantDefinition.model_validate({"id": tenant, "kind": "lending", "group": "bench-group",
                                                  "name": {"zh-CN": "压测小贷", "en-US": "Bench lender"}})
    bootstrap.tenant_registry().upsert(definition)
    _seed_products(tenant)
    open_calendars([definition], START)
    ctx = system_context(tenant, "system:bench")
    quote = price_quote({"kind": "loan", "principal": "30000.00", "annual_rate": "0.1280", "term": 12,
                         "frequency": "monthly", "amortization": "annuity", "day_count": None,
                         "start_date": START.isoformat(), "rounding": "HALF_EVEN"})
    instalments = domain.schedule_from_quote(quote, "loan", START)
    base = Contract(
        contract_id="", application_id="", kind="loan", product_code="CONSUMER-INSTALMENT", product_version=2,
        customer_id="", customer_hash="0" * 64, currency="CNY", rounding="HALF_EVEN",
        principal=sum((i.principal for i in instalments), Decimal(0)), disbursed_on=START,
        instalments=instalments, annual_rate=Decimal("0.1280"), strategy=domain.DEFAULT_STRATEGY,
        interest_accrued=Decimal("0.00"),
        customer=CustomerProfile(type="individual", label="bench", industry=None, region=None, related_parties=()))
    store = _store()
    ids = [f"CT{n:07d}" for n in range(contracts)]

    def write(chunk: list[str]) -> None:
        for cid in chunk:
            store.commit(ctx, replace(base, contract_id=cid, application_id=f"APP{cid}", customer_id=f"CU{cid}"))

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(write, [ids[i::8] for i in range(8)]))
    return ctx, ids


def _seed_products(tenant: str) -> None:
    """The demo lender's products, made for the bench tenant by its (synthetic) maker and checker."""
    import shutil
    import tempfile

    from chalicelib.local.demo.products import PRODUCTS_DIR, seed_demo_products

    folder = Path(tempfile.mkdtemp(prefix="bench-products-"))
    try:
        shutil.copytree(PRODUCTS_DIR / "demo-lending", folder / tenant)
        seed_demo_products(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# --- one date's close -------------------------------------------------------------------------------


def close_date(ctx, ids: list[str], on: date, workers: int) -> float:
    """Every batch of the date's manifest through ``cob.close_batch``, from ``workers`` threads; the
    close of business's bookkeeping around it (the close taken, the date closed) as the machine does."""
    from chalicelib.closing import cob, domain
    from chalicelib.closing.service import _save_state, _state
    from chalicelib.shared import clock

    run_id = f"bench-{uuid.uuid4().hex[:8]}"
    state, version = _state(ctx)
    version = _save_state(ctx, domain.begin_close(state, on, clock.now(), run_id), version)
    batches = [{"tenant_id": ctx.tenant_id, "run_id": run_id, "business_date": on.isoformat(), "batch": n,
                "contract_ids": ids[i:i + BATCH]} for n, i in enumerate(range(0, len(ids), BATCH))]
    started = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        results = list(pool.map(cob.close_batch, batches))
    elapsed = time.perf_counter() - started
    closed = sum(r["closed"] for r in results)
    if closed != len(ids):
        raise SystemExit(f"{on}: {closed} of {len(ids)} contracts closed ({sum(r['parked'] for r in results)} parked)")
    state, version = _state(ctx)
    _save_state(ctx, domain.finish_close(state, on), version)
    return elapsed


def run(sizes: list[int], workers: tuple[int, ...]) -> None:
    writes, postings = Writes(), Postings()
    writes.install()
    postings.install()
    rows = []
    for size in sizes:
        t0 = time.perf_counter()
        ctx, ids = make_lender(size)
        setup = time.perf_counter() - t0
        # Warm-up: the disbursement date accrues nothing; the next day's first accrual opens every
        # contract's ledger accounts (a one-off, not a day's close).
        on = START + timedelta(days=1)
        for warm in (START, on):
            close_date(ctx, ids, warm, max(workers))
        counts = workers if size == sizes[0] else (max(workers),)
        for w in counts:
            on += timedelta(days=1)
            units0, n0 = writes.units, len(postings.attempts)
            elapsed = close_date(ctx, ids, on, w)
            attempts = postings.attempts[n0:]
            tx_items = postings.tx_items[n0:]
            rows.append({"size": size, "workers": w, "seconds": elapsed, "rate": size / elapsed,
                         "postings": len(attempts), "retries": sum(a - 1 for a in attempts),
                         "max_attempts": max(attempts, default=1), "units": (writes.units - units0) / size,
                         "minimum": (2 * sum(tx_items) + size) / size, "setup": setup})
        print(f"  … {size} contracts: set up in {setup:.0f} s, closed", file=sys.stderr)
    print("one date's close of business, DynamoDB Local, batches of "
          f"{BATCH} contracts through closing.cob.close_batch:")
    print(f"  {'contracts':>9} {'workers':>7} {'seconds':>8} {'contracts/s':>11} {'postings':>8} "
          f"{'retries/posting':>15} {'max att.':>8} {'WCU/contract-day':>16} {'minimum':>8} {'ratio':>6}")
    for r in rows:
        print(f"  {r['size']:>9} {r['workers']:>7} {r['seconds']:>8.1f} {r['rate']:>11.1f} {r['postings']:>8} "
              f"{r['retries'] / max(r['postings'], 1):>15.3f} {r['max_attempts']:>8} {r['units']:>16.1f} "
              f"{r['minimum']:>8.1f} {r['units'] / r['minimum']:>6.2f}")
    top = max(workers)
    at_top = [r for r in rows if r["workers"] == top]
    for a, b in zip(at_top, at_top[1:]):
        print(f"  growth {a['size']} → {b['size']} contracts ({top} workers): time ×{b['seconds'] / a['seconds']:.2f}"
              f" (ideal ×{b['size'] / a['size']:.2f}; per contract ×"
              f"{(b['seconds'] / b['size']) / (a['seconds'] / a['size']):.2f})")
    first = [r for r in rows if r["size"] == sizes[0]]
    one = next((r for r in first if r["workers"] == 1), None)
    if one:
        for r in first:
            if r["workers"] != 1:
                print(f"  {r['workers']} workers / 1 worker at {sizes[0]} contracts: ×{r['rate'] / one['rate']:.2f}")
        per = 1000 * one["seconds"] / one["size"]
        wall = 1e6 / BATCH / 1000 * BATCH * per / 1000
        print(f"  1 worker: {per:.1f} ms per contract → 1e6 contracts at a Map concurrency of 1,000: "
              f"≈ {wall:.0f} s of closing; {statistics.mean(r['units'] for r in rows):.1f} WCU per contract-day "
              f"→ ≈ ${1e6 * statistics.mean(r['units'] for r in rows) * 0.625e-6:.2f} of on-demand writes per close")


def main() -> None:
    args = sys.argv[1:]
    workers = WORKERS
    if args[:1] == ["--workers"]:
        workers = tuple(int(w) for w in args[1].split(","))
        args = args[2:]
    sizes = [int(a) for a in args] or [2000, 10000, 50000]
    os.environ.setdefault("AWS_DEFAULT_REGION", "ap-east-1")
    proc, url = start_dynamodb_local()
    try:
        start_stack(url)
        run(sizes, workers)
    finally:
        proc.terminate()
        proc.wait(timeout=15)


if __name__ == "__main__":
    main()
