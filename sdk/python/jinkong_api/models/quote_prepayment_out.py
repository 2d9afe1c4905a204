from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.installment_out import InstallmentOut


T = TypeVar("T", bound="QuotePrepaymentOut")


@_attrs_define
class QuotePrepaymentOut:
    """
    Attributes:
        accrued_interest (str):
        date (datetime.date):
        installments (list[InstallmentOut]):
        interest_saved (str):
        outstanding_principal (str):
        penalty (str):
        prepaid_principal (str):
        strategy (str):
        total_due (str):
    """

    accrued_interest: str
    date: datetime.date
    installments: list[InstallmentOut]
    interest_saved: str
    outstanding_principal: str
    penalty: str
    prepaid_principal: str
    strategy: str
    total_due: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accrued_interest = self.accrued_interest

        date = self.date.isoformat()

        installments = []
        for installments_item_data in self.installments:
            installments_item = installments_item_data.to_dict()
            installments.append(installments_item)

        interest_saved = self.interest_saved

        outstanding_principal = self.outstanding_principal

        penalty = self.penalty

        prepaid_principal = self.prepaid_principal

        strategy = self.strategy

        total_due = self.total_due

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accrued_interest": accrued_interest,
                "date": date,
                "installments": installments,
                "interest_saved": interest_saved,
                "outstanding_principal": outstanding_principal,
                "penalty": penalty,
                "prepaid_principal": prepaid_principal,
                "strategy": strategy,
                "total_due": total_due,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.installment_out import InstallmentOut  # noqa: PLC0415

        d = dict(src_dict)
        accrued_interest = d.pop("accrued_interest")

        date = datetime.date.fromisoformat(d.pop("date"))

        installments = []
        _installments = d.pop("installments")
        for installments_item_data in _installments:
            installments_item = InstallmentOut.from_dict(installments_item_data)

            installments.append(installments_item)

        interest_saved = d.pop("interest_saved")

        outstanding_principal = d.pop("outstanding_principal")

        penalty = d.pop("penalty")

        prepaid_principal = d.pop("prepaid_principal")

        strategy = d.pop("strategy")

        total_due = d.pop("total_due")

        quote_prepayment_out = cls(
            accrued_interest=accrued_interest,
            date=date,
            installments=installments,
            interest_saved=interest_saved,
            outstanding_principal=outstanding_principal,
            penalty=penalty,
            prepaid_principal=prepaid_principal,
            strategy=strategy,
            total_due=total_due,
        )

        quote_prepayment_out.additional_properties = d
        return quote_prepayment_out

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
