from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContractSummary")


@_attrs_define
class ContractSummary:
    """
    Attributes:
        application_id (str):
        bucket (str):
        currency (str):
        customer_id (str):
        days_past_due (int):
        disbursed_on (datetime.date):
        id (str):
        kind (str):
        non_accrual (bool):
        outstanding (str):
        outstanding_principal (str):
        principal (str):
        product_code (str):
        product_version (int):
        status (str):
        customer_label (None | str | Unset): a company's name or a person's masked name
    """

    application_id: str
    bucket: str
    currency: str
    customer_id: str
    days_past_due: int
    disbursed_on: datetime.date
    id: str
    kind: str
    non_accrual: bool
    outstanding: str
    outstanding_principal: str
    principal: str
    product_code: str
    product_version: int
    status: str
    customer_label: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_id = self.application_id

        bucket = self.bucket

        currency = self.currency

        customer_id = self.customer_id

        days_past_due = self.days_past_due

        disbursed_on = self.disbursed_on.isoformat()

        id = self.id

        kind = self.kind

        non_accrual = self.non_accrual

        outstanding = self.outstanding

        outstanding_principal = self.outstanding_principal

        principal = self.principal

        product_code = self.product_code

        product_version = self.product_version

        status = self.status

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
                "bucket": bucket,
                "currency": currency,
                "customer_id": customer_id,
                "days_past_due": days_past_due,
                "disbursed_on": disbursed_on,
                "id": id,
                "kind": kind,
                "non_accrual": non_accrual,
                "outstanding": outstanding,
                "outstanding_principal": outstanding_principal,
                "principal": principal,
                "product_code": product_code,
                "product_version": product_version,
                "status": status,
            }
        )
        if customer_label is not UNSET:
            field_dict["customer_label"] = customer_label

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        application_id = d.pop("application_id")

        bucket = d.pop("bucket")

        currency = d.pop("currency")

        customer_id = d.pop("customer_id")

        days_past_due = d.pop("days_past_due")

        disbursed_on = datetime.date.fromisoformat(d.pop("disbursed_on"))

        id = d.pop("id")

        kind = d.pop("kind")

        non_accrual = d.pop("non_accrual")

        outstanding = d.pop("outstanding")

        outstanding_principal = d.pop("outstanding_principal")

        principal = d.pop("principal")

        product_code = d.pop("product_code")

        product_version = d.pop("product_version")

        status = d.pop("status")

        def _parse_customer_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_label = _parse_customer_label(d.pop("customer_label", UNSET))

        contract_summary = cls(
            application_id=application_id,
            bucket=bucket,
            currency=currency,
            customer_id=customer_id,
            days_past_due=days_past_due,
            disbursed_on=disbursed_on,
            id=id,
            kind=kind,
            non_accrual=non_accrual,
            outstanding=outstanding,
            outstanding_principal=outstanding_principal,
            principal=principal,
            product_code=product_code,
            product_version=product_version,
            status=status,
            customer_label=customer_label,
        )

        contract_summary.additional_properties = d
        return contract_summary

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
