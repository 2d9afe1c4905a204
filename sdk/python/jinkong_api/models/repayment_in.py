from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RepaymentIn")


@_attrs_define
class RepaymentIn:
    """
    Attributes:
        amount (str): decimal string
        channel (Literal['api'] | Unset): only api: offline money (offline, bank_transfer, cash) is recorded through
            /v1/contracts/{id}/offline-repayments, and is 422 servicing.channel.invalid here Default: 'api'.
        received_on (datetime.date | None | Unset): default: the tenant's business date
        reference (None | str | Unset):
    """

    amount: str
    channel: Literal["api"] | Unset = "api"
    received_on: datetime.date | None | Unset = UNSET
    reference: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        channel = self.channel

        received_on: None | str | Unset
        if isinstance(self.received_on, Unset):
            received_on = UNSET
        elif isinstance(self.received_on, datetime.date):
            received_on = self.received_on.isoformat()
        else:
            received_on = self.received_on

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
            }
        )
        if channel is not UNSET:
            field_dict["channel"] = channel
        if received_on is not UNSET:
            field_dict["received_on"] = received_on
        if reference is not UNSET:
            field_dict["reference"] = reference

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        channel = cast(Literal["api"] | Unset, d.pop("channel", UNSET))
        if channel != "api" and not isinstance(channel, Unset):
            raise ValueError(f"channel must match const 'api', got '{channel}'")

        def _parse_received_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                received_on_type_0 = datetime.date.fromisoformat(data)

                return received_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        received_on = _parse_received_on(d.pop("received_on", UNSET))

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        repayment_in = cls(
            amount=amount,
            channel=channel,
            received_on=received_on,
            reference=reference,
        )

        repayment_in.additional_properties = d
        return repayment_in

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
