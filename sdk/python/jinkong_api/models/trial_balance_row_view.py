from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.trial_balance_row_view_name import TrialBalanceRowViewName


T = TypeVar("T", bound="TrialBalanceRowView")


@_attrs_define
class TrialBalanceRowView:
    """
    Attributes:
        accounts (int):
        code (str):
        credit (str):
        currency (str):
        debit (str):
        name (TrialBalanceRowViewName):
        type_ (str):
    """

    accounts: int
    code: str
    credit: str
    currency: str
    debit: str
    name: TrialBalanceRowViewName
    type_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accounts = self.accounts

        code = self.code

        credit = self.credit

        currency = self.currency

        debit = self.debit

        name = self.name.to_dict()

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accounts": accounts,
                "code": code,
                "credit": credit,
                "currency": currency,
                "debit": debit,
                "name": name,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.trial_balance_row_view_name import TrialBalanceRowViewName  # noqa: PLC0415

        d = dict(src_dict)
        accounts = d.pop("accounts")

        code = d.pop("code")

        credit = d.pop("credit")

        currency = d.pop("currency")

        debit = d.pop("debit")

        name = TrialBalanceRowViewName.from_dict(d.pop("name"))

        type_ = d.pop("type")

        trial_balance_row_view = cls(
            accounts=accounts,
            code=code,
            credit=credit,
            currency=currency,
            debit=debit,
            name=name,
            type_=type_,
        )

        trial_balance_row_view.additional_properties = d
        return trial_balance_row_view

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
