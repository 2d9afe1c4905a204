from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.confirmation_view import ConfirmationView


T = TypeVar("T", bound="InvoiceView")


@_attrs_define
class InvoiceView:
    """
    Attributes:
        confirmation (ConfirmationView):
        debtor_customer_id (str):
        debtor_name (str):
        due_date (datetime.date):
        face_amount (str):
        id (str):
        issue_date (datetime.date):
        number (str):
    """

    confirmation: ConfirmationView
    debtor_customer_id: str
    debtor_name: str
    due_date: datetime.date
    face_amount: str
    id: str
    issue_date: datetime.date
    number: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        confirmation = self.confirmation.to_dict()

        debtor_customer_id = self.debtor_customer_id

        debtor_name = self.debtor_name

        due_date = self.due_date.isoformat()

        face_amount = self.face_amount

        id = self.id

        issue_date = self.issue_date.isoformat()

        number = self.number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "confirmation": confirmation,
                "debtor_customer_id": debtor_customer_id,
                "debtor_name": debtor_name,
                "due_date": due_date,
                "face_amount": face_amount,
                "id": id,
                "issue_date": issue_date,
                "number": number,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.confirmation_view import ConfirmationView  # noqa: PLC0415

        d = dict(src_dict)
        confirmation = ConfirmationView.from_dict(d.pop("confirmation"))

        debtor_customer_id = d.pop("debtor_customer_id")

        debtor_name = d.pop("debtor_name")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        face_amount = d.pop("face_amount")

        id = d.pop("id")

        issue_date = datetime.date.fromisoformat(d.pop("issue_date"))

        number = d.pop("number")

        invoice_view = cls(
            confirmation=confirmation,
            debtor_customer_id=debtor_customer_id,
            debtor_name=debtor_name,
            due_date=due_date,
            face_amount=face_amount,
            id=id,
            issue_date=issue_date,
            number=number,
        )

        invoice_view.additional_properties = d
        return invoice_view

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
