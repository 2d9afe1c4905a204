from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.repayment_out_allocation_item import RepaymentOutAllocationItem
    from ..models.repayment_out_totals import RepaymentOutTotals


T = TypeVar("T", bound="RepaymentOut")


@_attrs_define
class RepaymentOut:
    """
    Attributes:
        allocation (list[RepaymentOutAllocationItem]):
        amount (str):
        contract_id (str):
        currency (str):
        id (str):
        overpayment (str):
        received_on (datetime.date):
        status (str):
        totals (RepaymentOutTotals):
        entry_id (None | str | Unset):
        reversal_entry_id (None | str | Unset):
    """

    allocation: list[RepaymentOutAllocationItem]
    amount: str
    contract_id: str
    currency: str
    id: str
    overpayment: str
    received_on: datetime.date
    status: str
    totals: RepaymentOutTotals
    entry_id: None | str | Unset = UNSET
    reversal_entry_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        allocation = []
        for allocation_item_data in self.allocation:
            allocation_item = allocation_item_data.to_dict()
            allocation.append(allocation_item)

        amount = self.amount

        contract_id = self.contract_id

        currency = self.currency

        id = self.id

        overpayment = self.overpayment

        received_on = self.received_on.isoformat()

        status = self.status

        totals = self.totals.to_dict()

        entry_id: None | str | Unset
        if isinstance(self.entry_id, Unset):
            entry_id = UNSET
        else:
            entry_id = self.entry_id

        reversal_entry_id: None | str | Unset
        if isinstance(self.reversal_entry_id, Unset):
            reversal_entry_id = UNSET
        else:
            reversal_entry_id = self.reversal_entry_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "allocation": allocation,
                "amount": amount,
                "contract_id": contract_id,
                "currency": currency,
                "id": id,
                "overpayment": overpayment,
                "received_on": received_on,
                "status": status,
                "totals": totals,
            }
        )
        if entry_id is not UNSET:
            field_dict["entry_id"] = entry_id
        if reversal_entry_id is not UNSET:
            field_dict["reversal_entry_id"] = reversal_entry_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.repayment_out_allocation_item import RepaymentOutAllocationItem  # noqa: PLC0415
        from ..models.repayment_out_totals import RepaymentOutTotals  # noqa: PLC0415

        d = dict(src_dict)
        allocation = []
        _allocation = d.pop("allocation")
        for allocation_item_data in _allocation:
            allocation_item = RepaymentOutAllocationItem.from_dict(allocation_item_data)

            allocation.append(allocation_item)

        amount = d.pop("amount")

        contract_id = d.pop("contract_id")

        currency = d.pop("currency")

        id = d.pop("id")

        overpayment = d.pop("overpayment")

        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        status = d.pop("status")

        totals = RepaymentOutTotals.from_dict(d.pop("totals"))

        def _parse_entry_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        entry_id = _parse_entry_id(d.pop("entry_id", UNSET))

        def _parse_reversal_entry_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reversal_entry_id = _parse_reversal_entry_id(d.pop("reversal_entry_id", UNSET))

        repayment_out = cls(
            allocation=allocation,
            amount=amount,
            contract_id=contract_id,
            currency=currency,
            id=id,
            overpayment=overpayment,
            received_on=received_on,
            status=status,
            totals=totals,
            entry_id=entry_id,
            reversal_entry_id=reversal_entry_id,
        )

        repayment_out.additional_properties = d
        return repayment_out

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
