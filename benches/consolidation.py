"""Group consolidation: run time for 1k, 10k and 50k exposures, and how it grows with the portfolio.

What is timed is what the HQ steps of ``group-consolidation`` do with the data, on the embedded AWS
(moto on loopback, S3 through boto3 as in the cloud), for one group of three subsidiaries:

* extract files — each subsidiary's rows cut into its parts (by contract segment, as
  ``pipeline.begin`` plans them, ``EXPOSURES_PER_PART`` rows each), each part serialised with control
  totals and put to S3 (what one child of the Distributed Map does after its Query; in the cloud the
  parts run at once, here one after another);
* consolidate — every part file got from S3 and parsed, the engine run (customers by identity hash,
  union-find over related parties, five-category classes, portfolio, concentration), the work file
  put back to S3;
* limits — the work file read, limits and findings checked;
* reports — the five CSV datasets and the validation report built and put to S3.

The engine is one pass over the contracts plus work proportional to the number of customers, and
every S3 object is read and written once per step, so the time should grow linearly: the growth
factor between sizes is printed next to the ideal (the ratio of the sizes), and "per exposure"
divides one by the other (1.00 is exactly linear).

How the design scales past one machine. One Lambda holds ~50k exposures comfortably (10 GB memory,
15 minutes); a group with millions does not fit one function, and nothing home-made replaces AWS for
that.

Built (``group-consolidation.asl.json``, ``chalicelib/risk/pipeline.py``): extraction is a **Step
Functions Distributed Map**. The list step sizes each subsidiary and writes an S3 manifest of
extraction units ``{run_id, group_id, as_of, subsidiary_id, part, parts}``; a subsidiary is cut by the
fixed segment of each contract (first byte of the SHA-256 of its id, stored in front of the id in the
projection's list key), so each part is one independent key-range Query. The Map's ``ItemReader``
reads the manifest and fans out to one child execution per part, each within its subsidiary's
read-only scope, writing its part file with control totals; ``ResultWriter`` keeps the children's
results off the state payload; consolidate counts a subsidiary only when all its parts are there and
ties the parts' summed totals to its books.

Still on paper — the consolidation itself is one Lambda reading every part file, so ~50k–100k
exposures per group is its ceiling today:

2. a second Distributed Map shards the consolidation by the **customer identity hash** (its first
   hex digits — the keyed hash is uniform, so shards are even): every contract of a customer lands
   in the same shard, whichever subsidiary it came from, and each child consolidates its shard with
   this very engine, writing partial results (``ResultWriter``) to S3;
3. a reduce step merges the shards: totals, portfolio slices, NPL sums and the Herfindahl sum of
   squares are additive; the group top-10 is the top-10 of the shards' top-10s; connected groups are
   a union-find over the related-party edge list only (a few per cent of the contracts), after which
   a group's exposure is the sum of its members' customer totals, looked up in their shards.

Each child stays as small as the 1k–50k runs measured here, so the time per exposure stays what this
bench prints while the wall-clock time is set by the concurrency Step Functions and Lambda allow.

    python benches/consolidation.py [--per-part=N] [sizes…]   (default: 1000 10000 50000; best of two
                                                             runs each; N: rows per extract part)
"""
from __future__ import annotations

import hashlib
import random
import sys
import time
import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SUBSIDIARIES = ("bench-lending", "bench-leasing", "bench-factoring")
KINDS = {"bench-lending": "loan", "bench-leasing": "lease", "bench-factoring": "factoring"}
INDUSTRIES = ("C34", "C35", "C36", "C29", "G54", "K70", "F51", "E48", "I65", "A01")
AS_OF = date(2026, 6, 30)
REPEAT = 2


def synthetic_exposures(n: int, seed: int = 7) -> list:
    """``n`` contracts: ~1.6 per customer, a tenth of customers in two subsidiaries, 3% connected."""
    from chalicelib.risk.exposures import Exposure, FiveCategory, ProductKind, RelatedParty, Relation

    rnd = random.Random(seed)
    customers = max(1, int(n / 1.6))
    hashes = [hashlib.sha256(f"bench-{seed}-{i}".encode()).hexdigest() for i in range(customers)]
    rows = []
    for i in range(n):
        c = rnd.randrange(customers)
        sub = SUBSIDIARIES[c % 3] if rnd.random() > 0.1 else rnd.choice(SUBSIDIARIES)
        dpd = 0 if rnd.random() < 0.9 else rnd.choice((5, 20, 45, 75, 100, 200, 400))
        principal = Decimal(rnd.randrange(1_000_000, 500_000_000)) / 100
        related = ()
        if c % 33 == 0 and c + 1 < customers:
            related = (RelatedParty(rnd.choice(list(Relation)[:3]), hashes[c + 1]),)
        rows.append(Exposure(
            subsidiary_id=sub, contract_id=f"K{i:08d}", customer_hash=hashes[c],
            product_kind=ProductKind(KINDS[sub]), currency="CNY", outstanding_principal=principal,
            accrued_interest=(principal * Decimal("0.004")).quantize(Decimal("0.01")),
            undrawn_commitment=Decimal(0) if rnd.random() < 0.8 else (principal / 4).quantize(Decimal("0.01")),
            days_past_due=dpd, classification=FiveCategory.SPECIAL_MENTION if rnd.random() < 0.01 else None,
            customer_type="enterprise", customer_label=f"企业{c:06d}", industry=INDUSTRIES[c % len(INDUSTRIES)],
            region=f"{310000 + (c % 17) * 10000}", related_parties=related, group_related_party=c % 97 == 0,
            product_code="BENCH", figures_on=AS_OF,
        ))
    return rows


def one_run(n: int, files, group_id: str, per_part: int = 0) -> dict[str, float]:
    """One run's HQ data path. Each phase is its own Lambda invocation in the cloud, with only its own
    data in memory: so here too, each works under ``bulk_work`` (as the steps do) and what the next
    phase does not receive is dropped between phases, outside the timings."""
    import gc

    from chalicelib.risk.reporting.datasets import ExtractFacts, build_reports
    from chalicelib.risk.reporting.files import extract_key, report_key, work_key
    from chalicelib.risk.consolidation import bulk_work, consolidate, consolidation_from_json, consolidation_to_json
    from chalicelib.risk.exposures import ExtractPart, ExtractTotals, exposure_from_json, exposure_to_json, parts_for
    from chalicelib.risk.pipeline import EXPOSURES_PER_PART
    from chalicelib.risk.limits import LimitsConfig, check_limits, warnings_for

    per_part = per_part or EXPOSURES_PER_PART
    rows = synthetic_exposures(n)
    run_id = f"bench-{uuid.uuid4().hex[:8]}"
    limits = LimitsConfig.model_validate({"net_capital": "20000000000",
                                          "single_customer": {"share_of_net_capital": "0.10"},
                                          "group_customer": {"share_of_net_capital": "0.15"},
                                          "industries": {"C": {"amount": "50000000000"}}})
    timings: dict[str, float] = {}

    def phase_ends() -> None:
        gc.collect()  # a fresh Lambda invocation starts without the last one's garbage

    gc.collect()
    cpu = 0.0
    c0 = time.process_time()
    t = time.perf_counter()
    plan: dict[str, int] = {}
    with bulk_work():
        for sub in SUBSIDIARIES:
            mine = [e for e in rows if e.subsidiary_id == sub]
            plan[sub] = parts_for(len(mine), per_part)
            for k in range(plan[sub]):
                part = ExtractPart(k, plan[sub])
                rows_of_part = [e for e in mine if part.holds(e.contract_id)]
                files.put_json(extract_key(group_id, run_id, sub, k, plan[sub]), {
                    "subsidiary_id": sub, "part": k, "parts": plan[sub],
                    "totals": ExtractTotals.of(rows_of_part).to_json(), "ledger": None,
                    "exposures": [exposure_to_json(e) for e in rows_of_part]})
    timings["extract files"] = time.perf_counter() - t
    cpu += time.process_time() - c0
    del rows, mine
    phase_ends()

    c0 = time.process_time()
    t = time.perf_counter()
    with bulk_work():
        exposures, facts = [], []
        for sub in SUBSIDIARIES:
            docs = [files.get_json(extract_key(group_id, run_id, sub, k, plan[sub])) for k in range(plan[sub])]
            read = [exposure_from_json(r) for doc in docs for r in doc["exposures"]]
            exposures += read
            declared = ExtractTotals.sum(ExtractTotals.from_json(doc["totals"]) for doc in docs)
            facts.append(ExtractFacts(sub, declared, ExtractTotals.of(read), None))
        c = consolidate(exposures, as_of=AS_OF, run_id=run_id)
        files.put_json(work_key(group_id, run_id, "consolidated.json"), {"consolidation": consolidation_to_json(c)})
    timings["consolidate"] = time.perf_counter() - t
    cpu += time.process_time() - c0
    del exposures, read, docs, c
    phase_ends()

    c0 = time.process_time()
    t = time.perf_counter()
    with bulk_work():
        c = consolidation_from_json(files.get_json(work_key(group_id, run_id, "consolidated.json"))["consolidation"])
        warnings = warnings_for(c, check_limits(c, limits))
    timings["limits"] = time.perf_counter() - t
    cpu += time.process_time() - c0
    phase_ends()

    c0 = time.process_time()
    t = time.perf_counter()
    with bulk_work():
        reports, validation = build_reports(c, run_id, extracts=facts,
                                            large_exposure_threshold=limits.large_exposure_threshold(),
                                            net_capital=limits.net_capital)
        for f in reports:
            files.put_bytes(report_key(group_id, run_id, f.name), f.body, f.content_type)
    timings["reports"] = time.perf_counter() - t
    cpu += time.process_time() - c0
    timings["total"] = sum(timings.values())
    timings["cpu"] = cpu
    timings["_parts"] = sum(plan.values())
    timings["_customers"] = len(c.customers)
    timings["_groups"] = len(c.groups)
    timings["_warnings"] = len(warnings)
    assert validation["rules"] and c.total.contracts == n
    return timings


def main(sizes: list[int], per_part: int = 0) -> None:
    from chalicelib.local import stack
    from chalicelib.risk.reporting.files import RunFiles

    env = stack.start(prefix=f"jk-bench-{uuid.uuid4().hex[:6]}")
    try:
        files = RunFiles()
        one_run(500, files, "bench-group")  # warm-up: imports, clients, the first S3 connection
        # The best of two runs per size: a shared machine's noise only ever adds time.
        results = {n: min((one_run(n, files, "bench-group", per_part) for _ in range(REPEAT)), key=lambda r: r["total"])
                   for n in sizes}
    finally:
        env.close(remove_resources=False)

    phases = ("extract files", "consolidate", "limits", "reports", "total", "cpu")
    print(f"group consolidation on the embedded AWS ({', '.join(SUBSIDIARIES)}), seconds of wall-clock time "
          f"per phase; cpu = this process's CPU time for the whole run (the embedded S3 included)")
    print(f"{'exposures':>10} {'parts':>6} {'customers':>10} {'groups':>7} " + " ".join(f"{p:>14}" for p in phases))
    for n, r in results.items():
        print(f"{n:>10,} {int(r['_parts']):>6,} {int(r['_customers']):>10,} {int(r['_groups']):>7,} "
              + " ".join(f"{r[p]:>14.3f}" for p in phases))
    print()
    ordered = sorted(results)
    for a, b in zip(ordered, ordered[1:]):
        ideal = b / a
        growth = results[b]["total"] / results[a]["total"]
        cpu_growth = results[b]["cpu"] / results[a]["cpu"]
        print(f"{a:,} → {b:,}: ×{ideal:.0f} the exposures, "
              f"wall time ×{growth:.2f} (per exposure ×{growth / ideal:.2f}), "
              f"CPU time ×{cpu_growth:.2f} (per exposure ×{cpu_growth / ideal:.2f}); 1.00 per exposure is linear")
    largest = ordered[-1]
    print(f"\n{largest:,} exposures: {results[largest]['total'] / largest * 1e6:.1f} µs per exposure end to end "
          f"({results[largest]['cpu'] / largest * 1e6:.1f} µs of CPU)")


if __name__ == "__main__":
    flags = [a for a in sys.argv[1:] if a.startswith("--per-part=")]
    main([int(a) for a in sys.argv[1:] if not a.startswith("--")] or [1_000, 10_000, 50_000],
         int(flags[-1].split("=", 1)[1]) if flags else 0)
