"""Group risk in DynamoDB: the exposure projection in each subsidiary, and HQ's records in the group's.

In a **subsidiary's** partition (written by servicing through ``upsert_exposure``, read only by the
consolidation's extract step, one subsidiary at a time):

    T#<sub>#EXPOSURE#<contract>            ROOT      one contract's exposure (GSI1 T#<sub>#EXPOSURE lists them,
                                                     by <segment hex>#<contract>: see ``exposures.ExtractPart``)

In the **group's** partition (written by the consolidation's HQ steps and HQ's own routes):

    T#<grp>#CONSOLIDATION#<run>            ROOT      the run: status, as_of, subsidiaries, headline, reports
                                                     (GSI1 T#<grp>#CONSOLIDATION lists runs newest first;
                                                      GSI2 T#<grp>#CONSOLIDATION_DONE by as_of once complete)
                                           STEP#<n>#<step>   per-step progress
                                           SUB#<sub>         per-subsidiary extract progress
                                           SUMMARY           the dashboard's figures
                                           CUSTOMER#<hash>   a customer's consolidated exposure and breakdown
                                                     (GSI1 T#<grp>#RUN_CUSTOMERS#<run>, largest first)
                                           GROUP#<id>        a group customer (GSI2 T#<grp>#RUN_GROUPS#<run>)
    T#<grp>#CONSOLIDATION_LATEST           ROOT      the latest complete run (reservations read it)
    T#<grp>#RISK_CONFIG                    LIMITS | CLASSIFICATION   HQ's settings, versioned
    T#<grp>#WARNING#<id>                   ROOT      a warning (GSI1 all, GSI2 by status; newest first)
"""
from __future__ import annotations

from chalicelib.shared import clock
from chalicelib.shared.serial import dumps

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Iterable, Iterator

from pynamodb.attributes import BooleanAttribute, UnicodeAttribute, UnicodeSetAttribute
from pynamodb.exceptions import PutError, UpdateError

from chalicelib.platform import keys
from chalicelib.platform.dynamo import DecimalAttribute, TenantModel, bound, conditional_failed, decode_cursor, encode_cursor
from chalicelib.risk.exposures import (
    Exposure,
    ExposureInvalid,
    ExtractPart,
    FiveCategory,
    ProductKind,
    RelatedParty,
    Relation,
    check_exposure,
    exposure_segment,
)
from chalicelib.shared.errors import Conflict, FieldInvalid, NotFound
from chalicelib.shared.money import decimal_from
from chalicelib.shared.tenant import TenantContext
from chalicelib.shared import retry

MAX_CUSTOMER_CONTRACTS = 200  # per customer record; the full list is in exposures.csv
SUMMARY_INLINE_LIMIT = 300_000  # bytes; a larger dashboard summary lives in S3 with a pointer here


utc_now = clock.now


# --- the exposure projection (subsidiary partition) -------------------------------------------------------


class ExposureRecord(TenantModel):
    contract_id = UnicodeAttribute()
    customer_hash = UnicodeAttribute()
    product_kind = UnicodeAttribute()
    product_code = UnicodeAttribute(null=True)
    currency = UnicodeAttribute()
    outstanding_principal = DecimalAttribute()
    accrued_interest = DecimalAttribute()
    undrawn_commitment = DecimalAttribute()
    days_past_due = DecimalAttribute()
    classification = UnicodeAttribute(null=True)
    customer_type = UnicodeAttribute()
    customer_label = UnicodeAttribute(default="")
    industry = UnicodeAttribute(null=True)
    region = UnicodeAttribute(null=True)
    related_parties = UnicodeAttribute(default="[]")
    group_related_party = BooleanAttribute(default=False)
    figures_on = UnicodeAttribute(null=True)


def _exposure_pk(ctx: TenantContext, contract_id: str) -> str:
    return keys.partition(ctx.tenant_id, "EXPOSURE", contract_id)


def _exposure_list_key(contract_id: str) -> str:
    """The contract's place in its subsidiary's list: its segment first, so a part is one key range."""
    return f"{exposure_segment(contract_id):02x}#{contract_id}"


def _exposure_from_record(tenant_id: str, r: ExposureRecord) -> Exposure:
    return Exposure(
        subsidiary_id=tenant_id, contract_id=r.contract_id, customer_hash=r.customer_hash,
        product_kind=ProductKind(r.product_kind), currency=r.currency,
        outstanding_principal=r.outstanding_principal, accrued_interest=r.accrued_interest,
        undrawn_commitment=r.undrawn_commitment, days_past_due=int(r.days_past_due),
        classification=FiveCategory(r.classification) if r.classification else None,
        customer_type=r.customer_type, customer_label=r.customer_label or "", industry=r.industry, region=r.region,
        related_parties=tuple(RelatedParty(Relation(p["relation"]), p["identity_hash"])
                              for p in json.loads(r.related_parties or "[]")),
        group_related_party=bool(r.group_related_party), product_code=r.product_code,
        figures_on=date.fromisoformat(r.figures_on) if r.figures_on else None,
    )


def upsert_exposure(
    ctx: TenantContext,
    *,
    contract_id: str,
    customer_hash: str,
    product_kind: str,
    outstanding_principal: Decimal | str | int,
    accrued_interest: Decimal | str | int = 0,
    undrawn_commitment: Decimal | str | int = 0,
    days_past_due: int = 0,
    classification: str | None = None,
    currency: str = "CNY",
    customer_type: str = "enterprise",
    customer_label: str = "",
    industry: str | None = None,
    region: str | None = None,
    related_parties: Iterable[tuple[str, str]] = (),
    group_related_party: bool = False,
    product_code: str | None = None,
    figures_on: date | None = None,
) -> Exposure:
    """Record a contract's exposure as of ``figures_on`` in the calling subsidiary's partition.

    Servicing calls this whenever a contract's balances or arrears change (disbursement, repayment,
    accrual, end of day). ``related_parties`` are ``(relation, identity_hash)`` pairs: ``parent``,
    ``shareholder``, ``guarantor``. An update older than the one on file (an event replayed late)
    is ignored, so the projection never goes back in time. Amounts are exact decimals, never floats.
    """
    try:
        exposure = check_exposure(Exposure(
            subsidiary_id=ctx.tenant_id, contract_id=contract_id, customer_hash=customer_hash,
            product_kind=ProductKind(product_kind), currency=currency,
            outstanding_principal=decimal_from(outstanding_principal), accrued_interest=decimal_from(accrued_interest),
            undrawn_commitment=decimal_from(undrawn_commitment), days_past_due=int(days_past_due),
            classification=FiveCategory(classification) if classification else None, customer_type=customer_type,
            customer_label=customer_label, industry=industry, region=region,
            related_parties=tuple(RelatedParty(Relation(rel), h) for rel, h in related_parties),
            group_related_party=group_related_party, product_code=product_code, figures_on=figures_on,
        ))
    except (ExposureInvalid, ValueError, TypeError) as exc:
        raise FieldInvalid("risk.exposure", "exposure", str(exc)) from exc
    model = bound(ExposureRecord, ctx)
    record = model(
        PK=_exposure_pk(ctx, contract_id), SK="ROOT", entity="exposure",
        GSI1PK=keys.partition(ctx.tenant_id, "EXPOSURE"), GSI1SK=_exposure_list_key(contract_id),
        contract_id=contract_id, customer_hash=customer_hash, product_kind=exposure.product_kind.value,
        product_code=product_code, currency=exposure.currency, outstanding_principal=exposure.outstanding_principal,
        accrued_interest=exposure.accrued_interest, undrawn_commitment=exposure.undrawn_commitment,
        days_past_due=Decimal(exposure.days_past_due), classification=classification, customer_type=customer_type,
        customer_label=customer_label, industry=industry, region=region,
        related_parties=json.dumps([{"relation": p.relation.value, "identity_hash": p.identity_hash}
                                    for p in exposure.related_parties]),
        group_related_party=group_related_party, figures_on=figures_on.isoformat() if figures_on else None,
    )
    condition = model.PK.does_not_exist()
    if figures_on is not None:
        condition = condition | model.figures_on.does_not_exist() | (model.figures_on <= figures_on.isoformat())
    try:
        # No optimistic version here: the newest business date wins, whoever read what before.
        record.save(condition=condition, add_version_condition=False)
    except PutError as exc:
        if conditional_failed(exc):
            return exposure  # a late replay of older figures: the newer ones on file stand
        raise
    return exposure


def remove_exposure(ctx: TenantContext, contract_id: str) -> None:
    """Drop a contract from the projection (settled, written off and closed, or cancelled)."""
    model = bound(ExposureRecord, ctx)
    try:
        model.get(_exposure_pk(ctx, contract_id), "ROOT").delete()
    except model.DoesNotExist:
        pass


class DynamoExposureSource:
    """The extract's read of one subsidiary's projection: a Query on its own GSI1 partition, never a Scan.

    The Query goes out through ``tenant_client("dynamodb", subsidiary, read_only=True)``: in the cloud
    the data-access role assumed with the subsidiary's **read-only** session policy (its ``T#<id>#*``
    keys, Get/Query only), so not even a bug here could read a sister company or write anything;
    locally, the process's own client. One part of several reads only its segments' key range.
    """

    page_size = 500
    sample = 2000  # rows counted before a large subsidiary's size is extrapolated

    def _query(self, subsidiary: TenantContext, **kwargs: Any) -> Iterator[dict[str, Any]]:
        from chalicelib.platform.dynamo import table_name_for
        from chalicelib.platform.tenant_credentials import tenant_client

        ddb = tenant_client("dynamodb", subsidiary.tenant_id, read_only=True)
        condition, values = "GSI1PK = :pk", {":pk": {"S": keys.partition(subsidiary.tenant_id, "EXPOSURE")}}
        if "segments" in kwargs:
            first, last = kwargs.pop("segments")
            # "ff$" sorts after every "ff#<contract>" ('$' follows '#'), and a contract id holds no '#'.
            condition += " AND GSI1SK BETWEEN :lo AND :hi"
            values.update({":lo": {"S": f"{first:02x}#"}, ":hi": {"S": f"{last:02x}$"}})
        return ddb.get_paginator("query").paginate(
            TableName=table_name_for(subsidiary.isolation, subsidiary.tenant_id), IndexName="GSI1",
            KeyConditionExpression=condition, ExpressionAttributeValues=values, **kwargs)

    def extract(self, subsidiary: TenantContext, as_of: date, part: ExtractPart | None = None) -> list[Exposure]:
        part = part or ExtractPart()
        extra: dict[str, Any] = {} if part.whole else {"segments": (part.first_segment, part.last_segment)}
        # Items are only deserialised here (no table access), so the unbound model serves.
        rows = [_exposure_from_record(subsidiary.tenant_id, ExposureRecord.from_raw_data(item))
                for page in self._query(subsidiary, PaginationConfig={"PageSize": self.page_size}, **extra)
                for item in page["Items"]]
        for e in rows:
            if not part.holds(e.contract_id):  # listed under another segment: its list key predates segments
                raise ExposureInvalid(f"contract {e.contract_id} is listed outside its segment; re-project it")
        return rows

    def estimate_count(self, subsidiary: TenantContext) -> int:
        """Exact up to ``sample`` rows; beyond, the rows counted scaled by the segments they span.

        The list is in segment order and segments are even (a hash), so the first ``sample`` rows and the
        segment the count stopped in say how large the whole list is — without reading it all."""
        counted, last_key = 0, None
        for page in self._query(subsidiary, Select="COUNT", PaginationConfig={"PageSize": self.page_size}):
            counted += page["Count"]
            last_key = page.get("LastEvaluatedKey")
            if counted >= self.sample and last_key:
                break
        else:
            return counted
        head = last_key["GSI1SK"]["S"][:3]
        if len(head) < 3 or head[2] != "#":
            return counted  # a list key without its segment: nothing to scale by
        # Stopped inside segment s: about s + 1/2 segments' worth counted (integers, no float).
        return counted * 2 * 256 // (2 * int(head[:2], 16) + 1)


# --- HQ's records (group partition) ------------------------------------------------------------------------


class RunRecord(TenantModel):
    run_id = UnicodeAttribute()
    kind = UnicodeAttribute()  # run | step | subsidiary | summary | customer | group
    as_of = UnicodeAttribute(null=True)
    status = UnicodeAttribute(null=True)
    data = UnicodeAttribute(default="{}")  # JSON: the rest, decimals as strings
    exposure = DecimalAttribute(null=True)  # customers and groups: for filters
    classification = UnicodeAttribute(null=True)
    industry = UnicodeAttribute(null=True)
    region = UnicodeAttribute(null=True)
    group_customer_id = UnicodeAttribute(null=True)
    subsidiaries = UnicodeSetAttribute(null=True)
    product_kinds = UnicodeSetAttribute(null=True)
    group_related_party = BooleanAttribute(null=True)


class ConfigRecord(TenantModel):
    data = UnicodeAttribute()
    updated_by = UnicodeAttribute()


class WarningRecord(TenantModel):
    warning_id = UnicodeAttribute()
    kind = UnicodeAttribute()
    subject = UnicodeAttribute()
    label = UnicodeAttribute(default="")
    severity = UnicodeAttribute()
    status = UnicodeAttribute()
    message = UnicodeAttribute()
    figures = UnicodeAttribute(default="{}")
    first_run_id = UnicodeAttribute()
    last_run_id = UnicodeAttribute()
    first_raised_at = UnicodeAttribute()
    last_raised_at = UnicodeAttribute()
    acknowledged = UnicodeAttribute(null=True)  # {"by", "at", "note"} as JSON
    history = UnicodeAttribute(default="[]")  # acknowledgements and reopenings, oldest first


_dumps = dumps


def _inverted_amount(amount: Decimal) -> str:
    """A sort key that lists the largest amount first in an ascending index."""
    cents = int((amount * 100).to_integral_value())
    return f"{10**18 - cents:019d}"


PART_MARK = "#PART#"  # SUB#<sub>#PART#<k>: one extract part's progress, beside SUB#<sub> (the plan)


def part_progress_sk(subsidiary_id: str, part: int) -> str:
    """Each part keeps its own progress item: thousands of parts in flight never contend for one."""
    return f"SUB#{subsidiary_id}{PART_MARK}{part:04d}"


def subsidiary_progress(sub: str, plan: dict[str, Any], parts: dict[int, dict[str, Any]]) -> dict[str, Any]:
    """One subsidiary's extract progress, from its plan (``begin``) and its parts' own items.

    extracting while any part is; failed once a part failed for good and none is left running;
    extracted when every part is; pending before any part started."""
    expected = int(plan.get("parts") or max(parts, default=0) + 1)
    statuses = [parts.get(k, {}).get("status", "pending") for k in range(expected)]
    if not parts:
        status = plan.get("status", "pending")
    elif "extracting" in statuses:
        status = "extracting"
    elif "failed" in statuses:
        status = "failed"
    elif all(s == "extracted" for s in statuses):
        status = "extracted"
    else:
        status = "extracting" if "extracted" in statuses else "pending"
    view = {**plan, "subsidiary_id": sub, "status": status, "parts": expected,
            "parts_extracted": statuses.count("extracted"),
            "attempts": sum(p.get("attempts", 0) for p in parts.values()) or plan.get("attempts", 0)}
    if parts:
        started = [p["started_at"] for p in parts.values() if p.get("started_at")]
        finished = [p["finished_at"] for p in parts.values() if p.get("finished_at")]
        view["started_at"] = min(started) if started else None
        view["finished_at"] = max(finished) if status in ("extracted", "failed") and finished else None
        view["exposures"] = sum(p.get("exposures", 0) for p in parts.values() if p.get("status") == "extracted")
        view["bytes"] = sum(p.get("bytes", 0) for p in parts.values() if p.get("status") == "extracted")
        failed = sorted(k for k, p in parts.items() if p.get("status") == "failed")
        view["failed_parts"] = failed
        view["error"] = parts[failed[0]].get("error") if failed else None
    return view


@dataclass
class RunView:
    run: dict[str, Any]
    steps: list[dict[str, Any]]
    subsidiaries: list[dict[str, Any]]


class GroupRiskStore:
    """The group partition's records. Every method takes the group's context; keys come only from it."""

    # --- runs --------------------------------------------------------------------------------------------

    def _model(self, ctx: TenantContext) -> type[RunRecord]:
        return bound(RunRecord, ctx)

    def _run_pk(self, ctx: TenantContext, run_id: str) -> str:
        return keys.partition(ctx.tenant_id, "CONSOLIDATION", run_id)

    def create_run(self, ctx: TenantContext, run_id: str, as_of: date, data: dict[str, Any]) -> None:
        model = self._model(ctx)
        record = model(PK=self._run_pk(ctx, run_id), SK="ROOT", entity="consolidation", run_id=run_id, kind="run",
                       as_of=as_of.isoformat(), status=data["status"], data=_dumps(data),
                       GSI1PK=keys.partition(ctx.tenant_id, "CONSOLIDATION"), GSI1SK=run_id)
        try:
            record.save(condition=model.PK.does_not_exist())
        except PutError as exc:
            if conditional_failed(exc):
                raise Conflict("risk.consolidation.exists", "a run with this id exists", {"run_id": run_id}) from exc
            raise

    def get_run_record(self, ctx: TenantContext, run_id: str) -> dict[str, Any] | None:
        model = self._model(ctx)
        try:
            r = model.get(self._run_pk(ctx, run_id), "ROOT", consistent_read=True)
        except model.DoesNotExist:
            return None
        return json.loads(r.data)

    def update_run(self, ctx: TenantContext, run_id: str, changes: dict[str, Any], *,
                   only_if_status_in: tuple[str, ...] | None = None, completed: bool = False) -> dict[str, Any] | None:
        """Merge ``changes`` into the run (optimistic, retried). None if its status is not one allowed."""
        model = self._model(ctx)
        for _ in retry.attempts(8):
            try:
                r = model.get(self._run_pk(ctx, run_id), "ROOT", consistent_read=True)
            except model.DoesNotExist as exc:
                raise NotFound("risk.consolidation.not_found", "consolidation run not found",
                               {"run_id": run_id}) from exc
            data = json.loads(r.data)
            if only_if_status_in is not None and data.get("status") not in only_if_status_in:
                return None
            data.update(changes)
            r.data = _dumps(data)
            r.status = data.get("status")
            if completed:
                r.GSI2PK = keys.partition(ctx.tenant_id, "CONSOLIDATION_DONE")
                r.GSI2SK = f"{data['as_of']}#{run_id}"
            try:
                r.save()
                return data
            except PutError as exc:
                if not conditional_failed(exc):
                    raise
        raise Conflict("risk.consolidation.contention", "the run is being updated by others; retry")

    def record_progress(self, ctx: TenantContext, run_id: str, sk: str, kind: str,
                        changes: dict[str, Any]) -> dict[str, Any]:
        """Merge ``changes`` into a step's or a subsidiary's progress item (``attempts`` adds up)."""
        model = self._model(ctx)
        for _ in retry.attempts(8):
            try:
                r = model.get(self._run_pk(ctx, run_id), sk, consistent_read=True)
                data = json.loads(r.data)
            except model.DoesNotExist:
                r = model(PK=self._run_pk(ctx, run_id), SK=sk, entity="consolidation_progress", run_id=run_id,
                          kind=kind)
                data = {}
            if "attempts" in changes:
                changes = {**changes, "attempts": data.get("attempts", 0) + changes["attempts"]}
            data.update(changes)
            r.data = _dumps(data)
            r.status = data.get("status")
            try:
                if r.version is None:
                    r.save(condition=model.PK.does_not_exist())
                else:
                    r.save()
                return data
            except PutError as exc:
                if not conditional_failed(exc):
                    raise
        raise Conflict("risk.consolidation.contention", "progress is being updated by others; retry")

    def run_view(self, ctx: TenantContext, run_id: str) -> RunView | None:
        model = self._model(ctx)
        run, steps = None, []
        subs: dict[str, dict[str, Any]] = {}
        parts: dict[str, dict[int, dict[str, Any]]] = {}
        # ROOT, STEP#…, SUB#… and SUMMARY sort after CUSTOMER#… and GROUP#…, which the view skips.
        for r in model.query(self._run_pk(ctx, run_id), model.SK >= "ROOT", consistent_read=True):
            if r.SK == "ROOT":
                run = json.loads(r.data)
            elif r.SK.startswith("STEP#"):
                steps.append({"step": r.SK.split("#", 2)[2], **json.loads(r.data)})
            elif r.SK.startswith("SUB#") and PART_MARK in r.SK:
                sub, part = r.SK[4:].split(PART_MARK)
                parts.setdefault(sub, {})[int(part)] = json.loads(r.data)
            elif r.SK.startswith("SUB#"):
                subs[r.SK[4:]] = json.loads(r.data)
        if run is None:
            return None
        view = [subsidiary_progress(sub, subs.get(sub, {}), parts.get(sub, {})) for sub in sorted({*subs, *parts})]
        return RunView(run, steps, view)

    def page_runs(self, ctx: TenantContext, cursor: str | None, limit: int) -> tuple[list[dict[str, Any]], str | None]:
        model = self._model(ctx)
        list_key = keys.partition(ctx.tenant_id, "CONSOLIDATION")
        result = model.gsi1.query(list_key, scan_index_forward=False,
                                  limit=limit, last_evaluated_key=decode_cursor(cursor, ctx, list_key=list_key))
        items = [json.loads(r.data) for r in result]
        return items, encode_cursor(result.last_evaluated_key, list_key=list_key)

    def completed_runs(self, ctx: TenantContext, *, as_of: date | None = None, limit: int = 12) -> list[dict[str, Any]]:
        """Complete runs (succeeded or partial), latest first; only those of ``as_of`` if given."""
        model = self._model(ctx)
        condition = model.GSI2SK.startswith(f"{as_of.isoformat()}#") if as_of else None
        result = model.gsi2.query(keys.partition(ctx.tenant_id, "CONSOLIDATION_DONE"), condition,
                                  scan_index_forward=False, limit=limit)
        return [json.loads(r.data) for r in result]

    # --- the snapshot ---------------------------------------------------------------------------------------

    def put_summary(self, ctx: TenantContext, run_id: str, summary: dict[str, Any], s3_pointer: str | None) -> None:
        model = self._model(ctx)
        body = _dumps(summary) if s3_pointer is None else _dumps({"s3_key": s3_pointer})
        model(PK=self._run_pk(ctx, run_id), SK="SUMMARY", entity="consolidation_summary", run_id=run_id,
              kind="summary", data=body).save()

    def get_summary(self, ctx: TenantContext, run_id: str) -> dict[str, Any] | None:
        model = self._model(ctx)
        try:
            return json.loads(model.get(self._run_pk(ctx, run_id), "SUMMARY").data)
        except model.DoesNotExist:
            return None

    def put_customers(self, ctx: TenantContext, run_id: str, customers: Iterable[dict[str, Any]],
                      groups: Iterable[dict[str, Any]]) -> int:
        """Write the run's customers and group customers (batched; a re-run of the step overwrites)."""
        model = self._model(ctx)
        pk = self._run_pk(ctx, run_id)
        n = 0
        with model.batch_write() as batch:
            for c in customers:
                total = c["total"]
                batch.save(model(
                    PK=pk, SK=f"CUSTOMER#{c['identity_hash']}", entity="consolidated_customer", run_id=run_id,
                    kind="customer", data=_dumps(c), exposure=Decimal(total["exposure"]),
                    classification=total["classification"], industry=c.get("industry"), region=c.get("region"),
                    group_customer_id=c.get("group_customer_id"), subsidiaries=set(c["by_subsidiary"]) or None,
                    product_kinds=set(c["product_kinds"]) or None,
                    group_related_party=bool(c.get("group_related_party")),
                    GSI1PK=keys.partition(ctx.tenant_id, "RUN_CUSTOMERS", run_id),
                    GSI1SK=f"{_inverted_amount(Decimal(total['exposure']))}#{c['identity_hash']}",
                ))
                n += 1
            for g in groups:
                total = g["total"]
                batch.save(model(
                    PK=pk, SK=f"GROUP#{g['group_customer_id']}", entity="consolidated_group", run_id=run_id,
                    kind="group", data=_dumps(g), exposure=Decimal(total["exposure"]),
                    classification=total["classification"], group_customer_id=g["group_customer_id"],
                    subsidiaries=set(g["by_subsidiary"]) or None,
                    GSI2PK=keys.partition(ctx.tenant_id, "RUN_GROUPS", run_id),
                    GSI2SK=f"{_inverted_amount(Decimal(total['exposure']))}#{g['group_customer_id']}",
                ))
                n += 1
        return n

    def get_customer(self, ctx: TenantContext, run_id: str, identity_hash: str) -> dict[str, Any] | None:
        return self._get_data(ctx, run_id, f"CUSTOMER#{identity_hash}")

    def get_group(self, ctx: TenantContext, run_id: str, group_customer_id: str) -> dict[str, Any] | None:
        return self._get_data(ctx, run_id, f"GROUP#{group_customer_id}")

    def _get_data(self, ctx: TenantContext, run_id: str, sk: str) -> dict[str, Any] | None:
        model = self._model(ctx)
        try:
            return json.loads(model.get(self._run_pk(ctx, run_id), sk).data)
        except model.DoesNotExist:
            return None

    def page_customers(self, ctx: TenantContext, run_id: str, *, cursor: str | None, limit: int,
                       filters: dict[str, Any]) -> tuple[list[dict[str, Any]], str | None]:
        """Customers of a run, largest exposure first, filtered; pages are filled across index pages."""
        model = self._model(ctx)
        condition = None
        for c in self._filters(model, filters):
            condition = c if condition is None else condition & c
        list_key = keys.partition(ctx.tenant_id, "RUN_CUSTOMERS", run_id)
        start = decode_cursor(cursor, ctx, list_key=list_key)
        items: list[dict[str, Any]] = []
        for _ in range(20):  # at most this many pages of a filtered query
            result = model.gsi1.query(list_key, filter_condition=condition, limit=limit - len(items),
                                      last_evaluated_key=start)
            items += [json.loads(r.data) for r in result]
            start = result.last_evaluated_key
            if len(items) >= limit or not start:
                break
        return items, encode_cursor(start, list_key=list_key)

    @staticmethod
    def _filters(model: type[RunRecord], f: dict[str, Any]) -> Iterator[Any]:
        if f.get("subsidiary"):
            yield model.subsidiaries.contains(f["subsidiary"])
        if f.get("product_kind"):
            yield model.product_kinds.contains(f["product_kind"])
        if f.get("classification"):
            yield model.classification == f["classification"]
        if f.get("industry"):
            yield model.industry.startswith(f["industry"])
        if f.get("region"):
            yield model.region.startswith(f["region"])
        if f.get("min_exposure") is not None:
            yield model.exposure >= f["min_exposure"]
        if f.get("group_customer_id"):
            yield model.group_customer_id == f["group_customer_id"]
        if f.get("related_party") is not None:
            yield model.group_related_party == bool(f["related_party"])

    def set_latest(self, ctx: TenantContext, run_id: str, as_of: date) -> None:
        """Point at this run if it is the latest complete one by as-of date (ties: the later run)."""
        model = self._model(ctx)
        pk = keys.partition(ctx.tenant_id, "CONSOLIDATION_LATEST")
        record = model(PK=pk, SK="ROOT", entity="consolidation_latest", run_id=run_id, kind="latest",
                       as_of=as_of.isoformat(), data=_dumps({"run_id": run_id, "as_of": as_of.isoformat()}))
        condition = model.PK.does_not_exist() | (model.as_of < as_of.isoformat()) | (
            (model.as_of == as_of.isoformat()) & (model.run_id <= run_id))
        try:
            record.save(condition=condition, add_version_condition=False)
        except PutError as exc:
            if not conditional_failed(exc):
                raise

    def latest(self, ctx: TenantContext) -> dict[str, Any] | None:
        model = self._model(ctx)
        try:
            return json.loads(model.get(keys.partition(ctx.tenant_id, "CONSOLIDATION_LATEST"), "ROOT").data)
        except model.DoesNotExist:
            return None

    # --- configuration ---------------------------------------------------------------------------------------

    def get_config(self, ctx: TenantContext, name: str) -> tuple[dict[str, Any] | None, dict[str, Any]]:
        """(config, meta) — meta holds version, updated_by and updated_at (empty if never set)."""
        model = bound(ConfigRecord, ctx)
        try:
            r = model.get(keys.partition(ctx.tenant_id, "RISK_CONFIG"), name, consistent_read=True)
        except model.DoesNotExist:
            return None, {}
        return json.loads(r.data), {"version": int(r.version or 0), "updated_by": r.updated_by,
                                    "updated_at": r.updated_at.isoformat() if r.updated_at else None}

    def put_config(self, ctx: TenantContext, name: str, data: dict[str, Any], expected_version: int | None) -> int:
        """Replace a config; with ``expected_version`` only if nobody changed it since (409 otherwise)."""
        model = bound(ConfigRecord, ctx)
        pk = keys.partition(ctx.tenant_id, "RISK_CONFIG")
        try:
            r = model.get(pk, name, consistent_read=True)
        except model.DoesNotExist:
            r = model(PK=pk, SK=name, entity="risk_config", data="{}", updated_by="")
        if expected_version is not None and int(r.version or 0) != expected_version:
            raise Conflict(f"risk.{name.lower()}.version_conflict", "it was changed by someone else; reload and retry",
                           {"version": int(r.version or 0)})
        r.data = _dumps(data)
        r.updated_by = ctx.username
        r.updated_at = utc_now()
        try:
            r.save() if r.version else r.save(condition=model.PK.does_not_exist())
        except (PutError, UpdateError) as exc:
            if conditional_failed(exc):
                raise Conflict(f"risk.{name.lower()}.version_conflict",
                               "it was changed by someone else; reload and retry") from exc
            raise
        return int(r.version)

    # --- warnings ------------------------------------------------------------------------------------------

    def _warning_model(self, ctx: TenantContext) -> type[WarningRecord]:
        return bound(WarningRecord, ctx)

    def get_warning(self, ctx: TenantContext, warning_id: str) -> WarningRecord | None:
        model = self._warning_model(ctx)
        try:
            return model.get(keys.partition(ctx.tenant_id, "WARNING", warning_id), "ROOT", consistent_read=True)
        except (model.DoesNotExist, ValueError):
            return None

    def new_warning(self, ctx: TenantContext, warning_id: str, **attrs: Any) -> WarningRecord:
        model = self._warning_model(ctx)
        return model(PK=keys.partition(ctx.tenant_id, "WARNING", warning_id), SK="ROOT", entity="warning",
                     warning_id=warning_id, **attrs)

    def save_warning(self, ctx: TenantContext, record: WarningRecord) -> None:
        record.GSI1PK = keys.partition(ctx.tenant_id, "WARNING")
        record.GSI1SK = f"{record.last_raised_at}#{record.warning_id}"
        record.GSI2PK = keys.partition(ctx.tenant_id, "WARNING_STATUS", record.status)
        record.GSI2SK = record.GSI1SK
        if not record.PK.startswith(keys.tenant_prefix(ctx.tenant_id)):
            raise PermissionError("record belongs to another tenant")
        try:
            record.save() if record.version else record.save(condition=type(record).PK.does_not_exist())
        except PutError as exc:
            if conditional_failed(exc):
                raise Conflict("risk.warning.changed",
                               "the warning was changed by someone else; reload and retry") from exc
            raise

    def page_warnings(self, ctx: TenantContext, *, status: str | None, kind: str | None, cursor: str | None,
                      limit: int) -> tuple[list[WarningRecord], str | None]:
        model = self._warning_model(ctx)
        index, pk = ((model.gsi2, keys.partition(ctx.tenant_id, "WARNING_STATUS", status)) if status
                     else (model.gsi1, keys.partition(ctx.tenant_id, "WARNING")))
        condition = (model.kind == kind) if kind else None
        start = decode_cursor(cursor, ctx, list_key=pk)
        items: list[WarningRecord] = []
        for _ in range(20):  # at most this many pages of a filtered query
            result = index.query(pk, filter_condition=condition, scan_index_forward=False, limit=limit - len(items),
                                 last_evaluated_key=start)
            items += list(result)
            start = result.last_evaluated_key
            if len(items) >= limit or not start:
                break
        return items, encode_cursor(start, list_key=pk)
