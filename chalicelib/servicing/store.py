"""Servicing's records in DynamoDB, mapped explicitly to and from the domain.

Partitions (all tenant-prefixed through ``TenantRepository``):

* ``CONTRACT#<id>``: ``ROOT`` (the contract, its schedule as JSON), ``HIST#<at>#<n>`` (history),
  ``COLLECT#<at>`` (collection actions); listed on GSI1 (``CONTRACT``) and, while delinquent, GSI2
  (``CONTRACT-BUCKET#<bucket>``) for the collections queue.
* ``REPAYMENT#<id>``: one repayment (a prepayment too, ``channel: prepayment``) and its allocation.
* ``OFFLINE#<id>``: an offline repayment and its bank voucher, awaiting its checker; listed on GSI1
  (``OFFLINE-REPAYMENTS#<status>``, the tenant's queue) and GSI2 (``CONTRACT-OFFLINE#<contract>``),
  both sorted ``<recorded_at>#<id>``; a status change is one put of the whole item, so it moves
  between the queues in the same write. ``RECOVERY#<id>``: money recovered after write-off.
* ``APPROVAL#<id>``: a request for a second approver (write-off, repayment reversal, recovery);
  listed the same way on GSI1 (``APPROVALS#<status>``) and GSI2 (``CONTRACT-APPROVALS#<contract>``).
* ``SVCKEY#<scope>:<key>``: a client's idempotency key and the request it named.
"""
from __future__ import annotations

from chalicelib.shared import clock

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any, Iterator

from pynamodb.attributes import UnicodeAttribute
from pynamodb.exceptions import PutError, TransactWriteError

from chalicelib.platform import keys
from chalicelib.platform.dynamo import TenantModel, conditional_failed, transaction
from chalicelib.platform.repository import TenantRepository
from chalicelib.servicing.domain import (  # noqa: F401 (re-exported)
    Contract,
    ContractStatus,
    CustomerProfile,
    Instalment,
    Part,
    StaleContract,
)
from chalicelib.shared.errors import Conflict
from chalicelib.shared.serial import dumps
from chalicelib.shared.tenant import TenantContext


class ServicingRecord(TenantModel):
    status = UnicodeAttribute(null=True)
    bucket = UnicodeAttribute(null=True)
    data = UnicodeAttribute(null=True)  # JSON: amounts as decimal strings, never floats


_json = dumps


def _date(v: str | None) -> date | None:
    return date.fromisoformat(v) if v else None


def contract_to_json(c: Contract) -> dict[str, Any]:
    return {
        "contract_id": c.contract_id, "application_id": c.application_id, "kind": c.kind,
        "product_code": c.product_code, "product_version": c.product_version, "customer_id": c.customer_id,
        "customer_hash": c.customer_hash, "currency": c.currency, "rounding": c.rounding, "principal": c.principal,
        "disbursed_on": c.disbursed_on, "annual_rate": c.annual_rate, "strategy": c.strategy,
        "status": c.status.value, "interest_accrued": c.interest_accrued, "fees_booked": c.fees_booked,
        "suspense": c.suspense, "days_past_due": c.days_past_due, "bucket": c.bucket, "non_accrual": c.non_accrual,
        "last_eod_on": c.last_eod_on, "written_off": c.written_off, "recovered": c.recovered,
        "customer": None if c.customer is None else {
            "type": c.customer.type, "label": c.customer.label, "industry": c.customer.industry,
            "region": c.customer.region, "related_parties": [list(p) for p in c.customer.related_parties]},
        "instalments": [{
            "seq": i.seq, "due_on": i.due_on, "starts_on": i.starts_on, "principal": i.principal,
            "interest": i.interest, "fee": i.fee, "penalty": i.penalty, "billed": i.billed,
            "penalty_through": i.penalty_through, "paid": {p.value: a for p, a in i.paid.items() if a},
        } for i in c.instalments],
    }


def contract_from_json(d: dict[str, Any], version: int | None) -> Contract:
    D = Decimal
    return Contract(
        contract_id=d["contract_id"], application_id=d["application_id"], kind=d["kind"],
        product_code=d["product_code"], product_version=int(d["product_version"]), customer_id=d["customer_id"],
        customer_hash=d["customer_hash"], currency=d["currency"], rounding=d["rounding"], principal=D(d["principal"]),
        disbursed_on=date.fromisoformat(d["disbursed_on"]), annual_rate=D(d["annual_rate"]), strategy=d["strategy"],
        status=ContractStatus(d["status"]), interest_accrued=D(d["interest_accrued"]), fees_booked=D(d["fees_booked"]),
        suspense=D(d["suspense"]), days_past_due=int(d["days_past_due"]), bucket=d["bucket"],
        non_accrual=bool(d["non_accrual"]), last_eod_on=_date(d.get("last_eod_on")),
        written_off=D(d.get("written_off") or "0"), recovered=D(d.get("recovered") or "0"), version=version,
        customer=_profile(d.get("customer")),
        instalments=tuple(Instalment(
            seq=int(i["seq"]), due_on=date.fromisoformat(i["due_on"]), starts_on=date.fromisoformat(i["starts_on"]),
            principal=D(i["principal"]), interest=D(i["interest"]), fee=D(i["fee"]), penalty=D(i["penalty"]),
            billed=bool(i["billed"]), penalty_through=_date(i.get("penalty_through")),
            paid={Part(p): D(a) for p, a in (i.get("paid") or {}).items()},
        ) for i in d["instalments"]),
    )


def _profile(d: dict[str, Any] | None) -> CustomerProfile | None:
    if not d:
        return None
    return CustomerProfile(type=d["type"], label=d.get("label") or "", industry=d.get("industry"),
                           region=d.get("region"),
                           related_parties=tuple((str(r), str(h)) for r, h in d.get("related_parties") or ()))


_stale = conditional_failed


def _save_versioned(item: Any, version: int | None, conflict_code: str, conflict_message: str) -> None:
    """Create the item (``version`` None: it must not exist yet) or update it at ``version`` (the
    model's version attribute conditions the write); a lost race is 409 ``conflict_code``."""
    try:
        if version is None:
            item.save(condition=type(item).PK.does_not_exist())
        else:
            item.save()
    except PutError as exc:
        if _stale(exc):
            raise Conflict(conflict_code, conflict_message) from exc
        raise


class ServicingStore(TenantRepository[ServicingRecord]):
    record = ServicingRecord
    aggregate = "CONTRACT"

    # --- generic ------------------------------------------------------------------------------

    def _pk(self, ctx: TenantContext, *parts: str) -> str:
        return keys.partition(ctx.tenant_id, *parts)

    def _get(self, ctx: TenantContext, pk: str, sk: str) -> ServicingRecord | None:
        model = self.model(ctx)
        try:
            return model.get(pk, sk, consistent_read=True)
        except model.DoesNotExist:
            return None

    def _item(self, ctx: TenantContext, pk: str, sk: str, entity: str, data: Any, **attrs: Any) -> ServicingRecord:
        return self.model(ctx)(PK=pk, SK=sk, entity=entity, data=_json(data), **attrs)

    # --- contracts ----------------------------------------------------------------------------

    def _contract_item(self, ctx: TenantContext, c: Contract) -> ServicingRecord:
        delinquent = c.bucket != "current" and c.status is ContractStatus.ACTIVE
        item = self._item(ctx, self.pk(ctx, c.contract_id), "ROOT", "contract", contract_to_json(c),
                          status=c.status.value, bucket=c.bucket, GSI1PK=self.list_pk(ctx), GSI1SK=c.contract_id,
                          GSI2PK=self._pk(ctx, "CONTRACT-BUCKET", c.bucket) if delinquent else None,
                          GSI2SK=c.contract_id if delinquent else None)
        if c.version is not None:
            item.version = c.version
        return item

    def get_contract(self, ctx: TenantContext, contract_id: str) -> Contract | None:
        if not contract_id or keys.SEP in contract_id:
            return None
        rec = self.get(ctx, contract_id)
        return contract_from_json(json.loads(rec.data), rec.version) if rec is not None else None

    def commit(self, ctx: TenantContext, contract: Contract, *, history: list[dict[str, Any]] = (),
               new_items: list[ServicingRecord] = (), updates: list[ServicingRecord] = ()) -> Contract:
        """Write the contract (conditional on its version; new if it has none), its new history rows
        and other records in one transaction. ``StaleContract`` if anyone got there first."""
        model = self.model(ctx)
        root = self._contract_item(ctx, contract)
        now = clock.now()
        try:
            with transaction(ctx) as tx:
                if contract.version is None:
                    tx.save(root, condition=model.PK.does_not_exist())
                else:
                    tx.save(root)
                for n, h in enumerate(history):
                    sk = f"HIST#{now.isoformat()}#{n:03d}"
                    tx.save(self._item(ctx, self.pk(ctx, contract.contract_id), sk, "contract_history",
                                       {"at": now, **h}), condition=model.PK.does_not_exist())
                for item in new_items:
                    tx.save(item, condition=model.PK.does_not_exist())
                for item in updates:
                    tx.save(item)
        except (TransactWriteError, PutError) as exc:
            if _stale(exc):
                raise StaleContract(contract.contract_id) from exc
            raise
        return replace(contract, version=(contract.version or 0) + 1)

    def page(self, ctx: TenantContext, cursor: str | None, limit: int = 50, *, status: str | None = None,
             bucket: str | None = None) -> tuple[list[Contract], str | None]:
        from chalicelib.platform.dynamo import decode_cursor, encode_cursor

        model = self.model(ctx)
        cond = None
        if status:
            cond = model.status == status
        if bucket and bucket != "current":
            list_key = self._pk(ctx, "CONTRACT-BUCKET", bucket)
            result = model.gsi2.query(list_key, filter_condition=cond, limit=max(1, min(limit, 200)),
                                      last_evaluated_key=decode_cursor(cursor, ctx, list_key=list_key))
        else:
            if bucket == "current":
                cond = (model.bucket == "current") if cond is None else cond & (model.bucket == "current")
            list_key = self.list_pk(ctx)
            result = model.gsi1.query(list_key, filter_condition=cond, limit=max(1, min(limit, 200)),
                                      last_evaluated_key=decode_cursor(cursor, ctx, list_key=list_key),
                                      scan_index_forward=False)
        items = [contract_from_json(json.loads(r.data), r.version) for r in result]
        return items, encode_cursor(result.last_evaluated_key, list_key=list_key)

    def all_active(self, ctx: TenantContext) -> Iterator[Contract]:
        model = self.model(ctx)
        for r in model.gsi1.query(self.list_pk(ctx), filter_condition=model.status == ContractStatus.ACTIVE.value):
            yield contract_from_json(json.loads(r.data), r.version)

    def active_ids(self, ctx: TenantContext) -> Iterator[str]:
        """Active contracts' ids only: the listing's keys, not the contracts' bodies."""
        model = self.model(ctx)
        prefix = self.pk(ctx, "")
        for r in model.gsi1.query(self.list_pk(ctx), filter_condition=model.status == ContractStatus.ACTIVE.value,
                                  attributes_to_get=["PK", "status"]):
            yield r.PK[len(prefix):]

    def history(self, ctx: TenantContext, contract_id: str, prefix: str = "HIST#") -> list[dict[str, Any]]:
        return [json.loads(r.data) for r in self.items(ctx, contract_id, prefix)]

    def history_item(self, ctx: TenantContext, contract_id: str, sk: str, data: dict[str, Any]) -> ServicingRecord:
        return self._item(ctx, self.pk(ctx, contract_id), sk, "contract_history", data)

    # --- repayments ---------------------------------------------------------------------------

    def repayment_item(self, ctx: TenantContext, repayment: dict[str, Any], version: int | None = None,
                       status: str | None = None) -> ServicingRecord:
        item = self._item(ctx, self._pk(ctx, "REPAYMENT", repayment["id"]), "ROOT", "repayment", repayment,
                          status=status or repayment["status"])
        if version is not None:
            item.version = version
        return item

    def get_repayment(self, ctx: TenantContext, repayment_id: str) -> tuple[dict[str, Any], int] | None:
        if not repayment_id or keys.SEP in repayment_id:
            return None
        rec = self._get(ctx, self._pk(ctx, "REPAYMENT", repayment_id), "ROOT")
        return (json.loads(rec.data), rec.version) if rec is not None else None

    def save_repayment(self, ctx: TenantContext, repayment: dict[str, Any], version: int | None) -> None:
        item = self.repayment_item(ctx, repayment, version)
        _save_versioned(item, version, "servicing.repayment.conflict", "the repayment changed; reload and retry")

    # --- idempotency keys ---------------------------------------------------------------------

    def claim_key(self, ctx: TenantContext, scope: str, key: str, names: str) -> str:
        """Bind ``key`` to the request it ``names`` (first use wins); returns what it names."""
        pk = self._pk(ctx, "SVCKEY", f"{scope}:{key}"[:900].replace(keys.SEP, "_"))
        item = self._item(ctx, pk, "ROOT", "idempotency_key", {"names": names})
        try:
            item.save(condition=type(item).PK.does_not_exist())
            return names
        except PutError as exc:
            if not _stale(exc):
                raise
        existing = self._get(ctx, pk, "ROOT")
        return json.loads(existing.data)["names"] if existing else names

    # --- other records: prepayments' quotes, recoveries, collection actions ---------------------

    def _record_index(self, ctx: TenantContext, kind: str, data: dict[str, Any]) -> dict[str, str]:
        """Index keys of a record that is listed: an offline repayment is in its status's queue
        (GSI1) and its contract's list (GSI2), both newest last by when it was recorded."""
        if kind == "approval":
            listed_as = f"{data['requested_at']}#{data['id']}"
            return {"GSI1PK": self._pk(ctx, "APPROVALS", data["status"]), "GSI1SK": listed_as,
                    "GSI2PK": self._pk(ctx, "CONTRACT-APPROVALS", data["contract_id"] or data["subject_id"]),
                    "GSI2SK": listed_as}
        if kind != "offline":
            return {}
        listed_as = f"{data['recorded_at']}#{data['id']}"
        return {"GSI1PK": self._pk(ctx, "OFFLINE-REPAYMENTS", data["status"]), "GSI1SK": listed_as,
                "GSI2PK": self._pk(ctx, "CONTRACT-OFFLINE", data["contract_id"]), "GSI2SK": listed_as}

    def record_item(self, ctx: TenantContext, kind: str, record_id: str, data: dict[str, Any],
                    version: int | None = None) -> ServicingRecord:
        item = self._item(ctx, self._pk(ctx, kind.upper(), record_id), "ROOT", kind, data, status=data.get("status"),
                          **self._record_index(ctx, kind, data))
        if version is not None:
            item.version = version
        return item

    def get_record(self, ctx: TenantContext, kind: str, record_id: str) -> tuple[dict[str, Any], int] | None:
        if not record_id or keys.SEP in record_id:
            return None
        rec = self._get(ctx, self._pk(ctx, kind.upper(), record_id), "ROOT")
        return (json.loads(rec.data), rec.version) if rec is not None else None

    def save_record(self, ctx: TenantContext, kind: str, data: dict[str, Any], version: int | None) -> None:
        item = self.record_item(ctx, kind, data["id"], data, version)
        _save_versioned(item, version, f"servicing.{kind}.conflict", f"the {kind} changed; reload and retry")

    def offline_page(self, ctx: TenantContext, *, status: str | None = None, contract_id: str | None = None,
                     cursor: str | None = None, limit: int = 50) -> tuple[list[dict[str, Any]], str | None]:
        """Offline repayments newest first: the tenant's in one ``status`` (GSI1), or one contract's in
        any status (GSI2). No scan: each list is one index partition."""
        from chalicelib.platform.dynamo import decode_cursor, encode_cursor

        model = self.model(ctx)
        if contract_id is not None:
            index, pk = model.gsi2, self._pk(ctx, "CONTRACT-OFFLINE", contract_id)
        else:
            index, pk = model.gsi1, self._pk(ctx, "OFFLINE-REPAYMENTS", status or "awaiting_confirmation")
        start = decode_cursor(cursor, ctx, list_key=pk)
        result = index.query(pk, limit=max(1, min(limit, 200)), last_evaluated_key=start, scan_index_forward=False)
        items = [json.loads(r.data) for r in result]
        return items, encode_cursor(result.last_evaluated_key, list_key=pk)

    def approval_page(self, ctx: TenantContext, *, status: str | None = None, contract_id: str | None = None,
                      cursor: str | None = None, limit: int = 50) -> tuple[list[tuple[dict[str, Any], int]], str | None]:
        """Approval requests newest first: the tenant's in one ``status`` (GSI1), or one contract's in
        any status (GSI2)."""
        from chalicelib.platform.dynamo import decode_cursor, encode_cursor

        model = self.model(ctx)
        if contract_id is not None:
            index, pk = model.gsi2, self._pk(ctx, "CONTRACT-APPROVALS", contract_id)
        else:
            index, pk = model.gsi1, self._pk(ctx, "APPROVALS", status or "pending")
        start = decode_cursor(cursor, ctx, list_key=pk)
        result = index.query(pk, limit=max(1, min(limit, 200)), last_evaluated_key=start, scan_index_forward=False)
        items = [(json.loads(r.data), r.version) for r in result]
        return items, encode_cursor(result.last_evaluated_key, list_key=pk)

    def add_to_contract(self, ctx: TenantContext, contract_id: str, rows: list[tuple[str, str, dict[str, Any]]]) -> None:
        """New rows (``(sk, entity, data)``) in the contract's partition, in one transaction, without
        touching the contract itself (a collector's note never races the end of day)."""
        model = self.model(ctx)
        with transaction(ctx) as tx:
            for sk, entity, data in rows:
                tx.save(self._item(ctx, self.pk(ctx, contract_id), sk, entity, data),
                        condition=model.PK.does_not_exist())
