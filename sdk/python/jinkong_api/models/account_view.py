from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.account_view_name import AccountViewName


T = TypeVar("T", bound="AccountView")


@_attrs_define
class AccountView:
    """
    Attributes:
        available (str): balance less pending holds that will reduce it
        balance (str): posted balance, signed in the account's normal direction
        code (str): GL code the account rolls up into
        credits_ (str):
        currency (str):
        debits (str):
        id (str):
        name (AccountViewName): zh-CN and en-US names
        non_negative (bool):
        normal_side (str):
        pending_credits (str):
        pending_debits (str):
        type_ (str):
        contract_id (None | str | Unset):
        last_booked_on (datetime.date | None | Unset):
        role (None | str | Unset): the contract sub-account's slot (principal, interest, …)
    """

    available: str
    balance: str
    code: str
    credits_: str
    currency: str
    debits: str
    id: str
    name: AccountViewName
    non_negative: bool
    normal_side: str
    pending_credits: str
    pending_debits: str
    type_: str
    contract_id: None | str | Unset = UNSET
    last_booked_on: datetime.date | None | Unset = UNSET
    role: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        available = self.available

        balance = self.balance

        code = self.code

        credits_ = self.credits_

        currency = self.currency

        debits = self.debits

        id = self.id

        name = self.name.to_dict()

        non_negative = self.non_negative

        normal_side = self.normal_side

        pending_credits = self.pending_credits

        pending_debits = self.pending_debits

        type_ = self.type_

        contract_id: None | str | Unset
        if isinstance(self.contract_id, Unset):
            contract_id = UNSET
        else:
            contract_id = self.contract_id

        last_booked_on: None | str | Unset
        if isinstance(self.last_booked_on, Unset):
            last_booked_on = UNSET
        elif isinstance(self.last_booked_on, datetime.date):
            last_booked_on = self.last_booked_on.isoformat()
        else:
            last_booked_on = self.last_booked_on

        role: None | str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        else:
            role = self.role

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "available": available,
                "balance": balance,
                "code": code,
                "credits": credits_,
                "currency": currency,
                "debits": debits,
                "id": id,
                "name": name,
                "non_negative": non_negative,
                "normal_side": normal_side,
                "pending_credits": pending_credits,
                "pending_debits": pending_debits,
                "type": type_,
            }
        )
        if contract_id is not UNSET:
            field_dict["contract_id"] = contract_id
        if last_booked_on is not UNSET:
            field_dict["last_booked_on"] = last_booked_on
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_view_name import AccountViewName  # noqa: PLC0415

        d = dict(src_dict)
        available = d.pop("available")

        balance = d.pop("balance")

        code = d.pop("code")

        credits_ = d.pop("credits")

        currency = d.pop("currency")

        debits = d.pop("debits")

        id = d.pop("id")

        name = AccountViewName.from_dict(d.pop("name"))

        non_negative = d.pop("non_negative")

        normal_side = d.pop("normal_side")

        pending_credits = d.pop("pending_credits")

        pending_debits = d.pop("pending_debits")

        type_ = d.pop("type")

        def _parse_contract_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contract_id = _parse_contract_id(d.pop("contract_id", UNSET))

        def _parse_last_booked_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_booked_on_type_0 = datetime.date.fromisoformat(data)

                return last_booked_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        last_booked_on = _parse_last_booked_on(d.pop("last_booked_on", UNSET))

        def _parse_role(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        role = _parse_role(d.pop("role", UNSET))

        account_view = cls(
            available=available,
            balance=balance,
            code=code,
            credits_=credits_,
            currency=currency,
            debits=debits,
            id=id,
            name=name,
            non_negative=non_negative,
            normal_side=normal_side,
            pending_credits=pending_credits,
            pending_debits=pending_debits,
            type_=type_,
            contract_id=contract_id,
            last_booked_on=last_booked_on,
            role=role,
        )

        account_view.additional_properties = d
        return account_view

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
