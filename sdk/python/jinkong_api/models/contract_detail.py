from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contract_detail_balances import ContractDetailBalances
    from ..models.contract_detail_history_item import ContractDetailHistoryItem
    from ..models.instalment_out import InstalmentOut


T = TypeVar("T", bound="ContractDetail")


@_attrs_define
class ContractDetail:
    """
    Attributes:
        application_id (str):
        balances (ContractDetailBalances): the contract's ledger sub-accounts, by role
        bucket (str):
        currency (str):
        customer_id (str):
        days_past_due (int):
        disbursed_on (datetime.date):
        history (list[ContractDetailHistoryItem]):
        id (str):
        interest_accrued (str):
        kind (str):
        last_eod_on (datetime.date | None):
        non_accrual (bool):
        outstanding (str):
        outstanding_principal (str):
        principal (str):
        product_code (str):
        product_version (int):
        schedule (list[InstalmentOut]):
        status (str):
        strategy (str):
        suspense (str):
        customer_label (None | str | Unset): a company's name or a person's masked name
    """

    application_id: str
    balances: ContractDetailBalances
    bucket: str
    currency: str
    customer_id: str
    days_past_due: int
    disbursed_on: datetime.date
    history: list[ContractDetailHistoryItem]
    id: str
    interest_accrued: str
    kind: str
    last_eod_on: datetime.date | None
    non_accrual: bool
    outstanding: str
    outstanding_principal: str
    principal: str
    product_code: str
    product_version: int
    schedule: list[InstalmentOut]
    status: str
    strategy: str
    suspense: str
    customer_label: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_id = self.application_id

        balances = self.balances.to_dict()

        bucket = self.bucket

        currency = self.currency

        customer_id = self.customer_id

        days_past_due = self.days_past_due

        disbursed_on = self.disbursed_on.isoformat()

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        id = self.id

        interest_accrued = self.interest_accrued

        kind = self.kind

        last_eod_on: None | str
        if isinstance(self.last_eod_on, datetime.date):
            last_eod_on = self.last_eod_on.isoformat()
        else:
            last_eod_on = self.last_eod_on

        non_accrual = self.non_accrual

        outstanding = self.outstanding

        outstanding_principal = self.outstanding_principal

        principal = self.principal

        product_code = self.product_code

        product_version = self.product_version

        schedule = []
        for schedule_item_data in self.schedule:
            schedule_item = schedule_item_data.to_dict()
            schedule.append(schedule_item)

        status = self.status

        strategy = self.strategy

        suspense = self.suspense

        customer_label: None | str | Unset
        if isinstance(self.customer_label, Unset):
            customer_label = UNSET
        else:
            customer_label = self.customer_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application_id": application_id,
                "balances": balances,
                "bucket": bucket,
                "currency": currency,
                "customer_id": customer_id,
                "days_past_due": days_past_due,
                "disbursed_on": disbursed_on,
                "history": history,
                "id": id,
                "interest_accrued": interest_accrued,
                "kind": kind,
                "last_eod_on": last_eod_on,
                "non_accrual": non_accrual,
                "outstanding": outstanding,
                "outstanding_principal": outstanding_principal,
                "principal": principal,
                "product_code": product_code,
                "product_version": product_version,
                "schedule": schedule,
                "status": status,
                "strategy": strategy,
                "suspense": suspense,
            }
        )
        if customer_label is not UNSET:
            field_dict["customer_label"] = customer_label

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contract_detail_balances import ContractDetailBalances  # noqa: PLC0415
        from ..models.contract_detail_history_item import ContractDetailHistoryItem  # noqa: PLC0415
        from ..models.instalment_out import InstalmentOut  # noqa: PLC0415

        d = dict(src_dict)
        application_id = d.pop("application_id")

        balances = ContractDetailBalances.from_dict(d.pop("balances"))

        bucket = d.pop("bucket")

        currency = d.pop("currency")

        customer_id = d.pop("customer_id")

        days_past_due = d.pop("days_past_due")

        disbursed_on = datetime.date.fromisoformat(d.pop("disbursed_on"))

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = ContractDetailHistoryItem.from_dict(history_item_data)

            history.append(history_item)

        id = d.pop("id")

        interest_accrued = d.pop("interest_accrued")

        kind = d.pop("kind")

        def _parse_last_eod_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_eod_on_type_0 = datetime.date.fromisoformat(data)

                return last_eod_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        last_eod_on = _parse_last_eod_on(d.pop("last_eod_on"))

        non_accrual = d.pop("non_accrual")

        outstanding = d.pop("outstanding")

        outstanding_principal = d.pop("outstanding_principal")

        principal = d.pop("principal")

        product_code = d.pop("product_code")

        product_version = d.pop("product_version")

        schedule = []
        _schedule = d.pop("schedule")
        for schedule_item_data in _schedule:
            schedule_item = InstalmentOut.from_dict(schedule_item_data)

            schedule.append(schedule_item)

        status = d.pop("status")

        strategy = d.pop("strategy")

        suspense = d.pop("suspense")

        def _parse_customer_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_label = _parse_customer_label(d.pop("customer_label", UNSET))

        contract_detail = cls(
            application_id=application_id,
            balances=balances,
            bucket=bucket,
            currency=currency,
            customer_id=customer_id,
            days_past_due=days_past_due,
            disbursed_on=disbursed_on,
            history=history,
            id=id,
            interest_accrued=interest_accrued,
            kind=kind,
            last_eod_on=last_eod_on,
            non_accrual=non_accrual,
            outstanding=outstanding,
            outstanding_principal=outstanding_principal,
            principal=principal,
            product_code=product_code,
            product_version=product_version,
            schedule=schedule,
            status=status,
            strategy=strategy,
            suspense=suspense,
            customer_label=customer_label,
        )

        contract_detail.additional_properties = d
        return contract_detail

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
