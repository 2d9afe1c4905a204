"""The closing calendar and close-of-business runs in DynamoDB.

Partition ``T#<tenant>#EOD``:

* ``STATE`` — the business date, the last date closed, the close in progress: one item, so a date
  change and a close never interleave;
* ``RUN#<date>`` — each date's run record, written by the state machine's sequential steps only;
* ``RUN#<date>#COUNTS#<run>`` — the contract batches' counters, each batch ADDing its own (no read,
  no condition: concurrent batches never conflict, and one update per batch, not per contract);
* ``RUN#<date>#PARKED#<run>#<contract>`` — a contract whose close kept failing, with its error.

Counters and parked contracts belong to one run: a date closed again after a failed run starts from
nothing. One query on ``RUN#<date>`` reads all three for the console.
"""
from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from pynamodb.attributes import UnicodeAttribute
from pynamodb.exceptions import PutError

from chalicelib.closing.domain import ClosingState
from chalicelib.platform import keys
from chalicelib.platform.dynamo import TenantModel, conditional_failed
from chalicelib.platform.repository import TenantRepository
from chalicelib.shared.errors import Conflict
from chalicelib.shared.serial import dumps
from chalicelib.shared.tenant import TenantContext


class ClosingRecord(TenantModel):
    data = UnicodeAttribute(null=True)  # JSON


def _date(v: str | None) -> date | None:
    return date.fromisoformat(v) if v else None


def state_to_json(s: ClosingState) -> dict[str, Any]:
    return {"business_date": s.business_date, "opened_on": s.opened_on, "last_closed_on": s.last_closed_on,
            "closing_on": s.closing_on, "lease_until": s.lease_until, "run_id": s.run_id}


def state_from_json(d: dict[str, Any]) -> ClosingState:
    lease = d.get("lease_until")
    return ClosingState(business_date=_date(d.get("business_date")), opened_on=_date(d.get("opened_on")),
                        last_closed_on=_date(d.get("last_closed_on")), closing_on=_date(d.get("closing_on")),
                        lease_until=datetime.fromisoformat(lease) if lease else None, run_id=d.get("run_id"))


class ClosingStore(TenantRepository[ClosingRecord]):
    record = ClosingRecord
    aggregate = "EOD"

    def _pk(self, ctx: TenantContext) -> str:
        return keys.partition(ctx.tenant_id, "EOD")

    def _get(self, ctx: TenantContext, sk: str) -> ClosingRecord | None:
        model = self.model(ctx)
        try:
            return model.get(self._pk(ctx), sk, consistent_read=True)
        except model.DoesNotExist:
            return None

    def state(self, ctx: TenantContext) -> tuple[ClosingState, int | None]:
        """The tenant's closing state and its version (``None``: never written)."""
        rec = self._get(ctx, "STATE")
        return (state_from_json(json.loads(rec.data)), rec.version) if rec else (ClosingState(), None)

    def save_state(self, ctx: TenantContext, state: ClosingState, version: int | None) -> int:
        """Write the state at ``version`` (``None``: it must not exist yet). A lost race is 409
        ``servicing.eod.running``: someone else moved the date or a close took it meanwhile."""
        item = self.model(ctx)(PK=self._pk(ctx), SK="STATE", entity="eod_state", data=dumps(state_to_json(state)))
        try:
            if version is None:
                item.save(condition=type(item).PK.does_not_exist())
            else:
                item.version = version
                item.save()
        except PutError as exc:
            if conditional_failed(exc):
                raise Conflict("servicing.eod.running", "the closing calendar changed meanwhile; retry") from exc
            raise
        return item.version

    def run(self, ctx: TenantContext, on: date) -> dict[str, Any] | None:
        rec = self._get(ctx, f"RUN#{on.isoformat()}")
        return json.loads(rec.data) if rec else None

    def _raw(self, ctx: TenantContext) -> tuple[Any, str]:
        """The low-level client and table: counters ADD without a version, parked items overwrite."""
        from chalicelib.platform.dynamo import table_name_for
        from chalicelib.platform.tenant_credentials import tenant_client

        return tenant_client("dynamodb", ctx.tenant_id), table_name_for(ctx.isolation, ctx.tenant_id)

    def run_view(self, ctx: TenantContext, on: date) -> tuple[dict[str, Any] | None, dict[str, int],
                                                            list[dict[str, Any]]]:
        """A date's run record, its counters and its parked contracts, in one query."""
        client, table = self._raw(ctx)
        prefix = f"RUN#{on.isoformat()}"
        run, counts, parked = None, {}, {}
        pages = client.get_paginator("query").paginate(
            TableName=table, ConsistentRead=True, KeyConditionExpression="PK = :pk AND begins_with(SK, :sk)",
            ExpressionAttributeValues={":pk": {"S": self._pk(ctx)}, ":sk": {"S": prefix}})
        for page in pages:
            for item in page["Items"]:
                sk = item["SK"]["S"]
                if sk == prefix:
                    run = json.loads(item["data"]["S"])
                elif sk.startswith(f"{prefix}#COUNTS#"):
                    counts[sk.rsplit("#", 1)[1]] = {k: int(v["N"]) for k, v in item.items() if "N" in v}
                elif sk.startswith(f"{prefix}#PARKED#"):
                    parked.setdefault(sk.split("#")[3], []).append(json.loads(item["data"]["S"]))
        run_id = (run or {}).get("run_id", "")
        return run, counts.get(run_id, {}), parked.get(run_id, [])

    def add_counts(self, ctx: TenantContext, on: date, run_id: str, counts: dict[str, int]) -> None:
        """ADD a batch's counters to the date's counters item (created by the first batch)."""
        wanted = {k: int(v) for k, v in counts.items() if v}
        if not wanted:
            return
        client, table = self._raw(ctx)
        names = {f"#c{i}": k for i, k in enumerate(wanted)}
        values = {f":c{i}": {"N": str(v)} for i, v in enumerate(wanted.values())}
        client.update_item(
            TableName=table, Key={"PK": {"S": self._pk(ctx)}, "SK": {"S": f"RUN#{on.isoformat()}#COUNTS#{run_id}"}},
            UpdateExpression="SET entity = :e ADD " + ", ".join(f"{n} {v}" for n, v in zip(names, values)),
            ExpressionAttributeNames=names, ExpressionAttributeValues={**values, ":e": {"S": "eod_counts"}})

    def park(self, ctx: TenantContext, on: date, run_id: str, parked: dict[str, Any]) -> None:
        """Record (or overwrite, on a retried batch) a contract parked for the date by this run."""
        client, table = self._raw(ctx)
        client.put_item(TableName=table, Item={
            "PK": {"S": self._pk(ctx)},
            "SK": {"S": f"RUN#{on.isoformat()}#PARKED#{run_id}#{parked['contract_id']}"},
            "entity": {"S": "eod_parked"}, "data": {"S": dumps(parked)}})

    def save_run(self, ctx: TenantContext, run: dict[str, Any], version: int | None = None) -> int:
        """Write a run's record; ``version`` is the one this writer last wrote (``None``: a new run, or
        one re-run after a crash: then it is read). Only the run holding the close writes it."""
        sk = f"RUN#{run['business_date']}"
        if version is None:
            existing = self._get(ctx, sk)
            version = existing.version if existing is not None else None
        rec = self.model(ctx)(PK=self._pk(ctx), SK=sk, entity="eod_run", data=dumps(run))
        if version is not None:
            rec.version = version
        rec.save()
        return rec.version
