from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.invoice_view import InvoiceView


T = TypeVar("T", bound="DebtorInvoiceView")


@_attrs_define
class DebtorInvoiceView:
    """
    Attributes:
        application_id (str):
        invoice (InvoiceView):
    """

    application_id: str
    invoice: InvoiceView
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_id = self.application_id

        invoice = self.invoice.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application_id": application_id,
                "invoice": invoice,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.invoice_view import InvoiceView  # noqa: PLC0415

        d = dict(src_dict)
        application_id = d.pop("application_id")

        invoice = InvoiceView.from_dict(d.pop("invoice"))

        debtor_invoice_view = cls(
            application_id=application_id,
            invoice=invoice,
        )

        debtor_invoice_view.additional_properties = d
        return debtor_invoice_view

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
