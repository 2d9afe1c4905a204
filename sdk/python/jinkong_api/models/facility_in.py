from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sub_limit_in import SubLimitIn


T = TypeVar("T", bound="FacilityIn")


@_attrs_define
class FacilityIn:
    """
    Attributes:
        amount (str):
        customer_id (str):
        valid_from (datetime.date):
        valid_to (datetime.date):
        currency (str | Unset):  Default: 'CNY'.
        revolving (bool | Unset):  Default: False.
        sub_limits (list[SubLimitIn] | Unset):
    """

    amount: str
    customer_id: str
    valid_from: datetime.date
    valid_to: datetime.date
    currency: str | Unset = "CNY"
    revolving: bool | Unset = False
    sub_limits: list[SubLimitIn] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        customer_id = self.customer_id

        valid_from = self.valid_from.isoformat()

        valid_to = self.valid_to.isoformat()

        currency = self.currency

        revolving = self.revolving

        sub_limits: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sub_limits, Unset):
            sub_limits = []
            for sub_limits_item_data in self.sub_limits:
                sub_limits_item = sub_limits_item_data.to_dict()
                sub_limits.append(sub_limits_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "customer_id": customer_id,
                "valid_from": valid_from,
                "valid_to": valid_to,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency
        if revolving is not UNSET:
            field_dict["revolving"] = revolving
        if sub_limits is not UNSET:
            field_dict["sub_limits"] = sub_limits

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sub_limit_in import SubLimitIn  # noqa: PLC0415

        d = dict(src_dict)
        amount = d.pop("amount")

        customer_id = d.pop("customer_id")

        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))

        valid_to = datetime.date.fromisoformat(d.pop("valid_to"))

        currency = d.pop("currency", UNSET)

        revolving = d.pop("revolving", UNSET)

        _sub_limits = d.pop("sub_limits", UNSET)
        sub_limits: list[SubLimitIn] | Unset = UNSET
        if _sub_limits is not UNSET:
            sub_limits = []
            for sub_limits_item_data in _sub_limits:
                sub_limits_item = SubLimitIn.from_dict(sub_limits_item_data)

                sub_limits.append(sub_limits_item)

        facility_in = cls(
            amount=amount,
            customer_id=customer_id,
            valid_from=valid_from,
            valid_to=valid_to,
            currency=currency,
            revolving=revolving,
            sub_limits=sub_limits,
        )

        facility_in.additional_properties = d
        return facility_in

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
