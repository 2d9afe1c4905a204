from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.actor_view import ActorView
    from ..models.customer_ref_view import CustomerRefView


T = TypeVar("T", bound="ApplicationSummary")


@_attrs_define
class ApplicationSummary:
    """
    Attributes:
        amount (None | str): once priced: the principal (loan), financed amount (lease) or advance (factoring); before
            submission what was asked (a factoring draft: the invoices' face amount)
        assignee (None | str): who must act next, when known: the officer, the reviewer who took it
        contract_id (None | str):
        created_at (datetime.datetime):
        currency (str):
        customer (CustomerRefView):
        id (str):
        kind (str):
        officer (ActorView):
        product_code (str):
        product_version (int | None):
        risk_decision (None | str):
        risk_flag (None | str): refer when the risk check flagged it for reviewers
        sign_by (datetime.date | None):
        status (str):
        updated_at (datetime.datetime | None):
    """

    amount: None | str
    assignee: None | str
    contract_id: None | str
    created_at: datetime.datetime
    currency: str
    customer: CustomerRefView
    id: str
    kind: str
    officer: ActorView
    product_code: str
    product_version: int | None
    risk_decision: None | str
    risk_flag: None | str
    sign_by: datetime.date | None
    status: str
    updated_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount: None | str
        amount = self.amount

        assignee: None | str
        assignee = self.assignee

        contract_id: None | str
        contract_id = self.contract_id

        created_at = self.created_at.isoformat()

        currency = self.currency

        customer = self.customer.to_dict()

        id = self.id

        kind = self.kind

        officer = self.officer.to_dict()

        product_code = self.product_code

        product_version: int | None
        product_version = self.product_version

        risk_decision: None | str
        risk_decision = self.risk_decision

        risk_flag: None | str
        risk_flag = self.risk_flag

        sign_by: None | str
        if isinstance(self.sign_by, datetime.date):
            sign_by = self.sign_by.isoformat()
        else:
            sign_by = self.sign_by

        status = self.status

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "assignee": assignee,
                "contract_id": contract_id,
                "created_at": created_at,
                "currency": currency,
                "customer": customer,
                "id": id,
                "kind": kind,
                "officer": officer,
                "product_code": product_code,
                "product_version": product_version,
                "risk_decision": risk_decision,
                "risk_flag": risk_flag,
                "sign_by": sign_by,
                "status": status,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor_view import ActorView  # noqa: PLC0415
        from ..models.customer_ref_view import CustomerRefView  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        amount = _parse_amount(d.pop("amount"))

        def _parse_assignee(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        assignee = _parse_assignee(d.pop("assignee"))

        def _parse_contract_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        contract_id = _parse_contract_id(d.pop("contract_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        customer = CustomerRefView.from_dict(d.pop("customer"))

        id = d.pop("id")

        kind = d.pop("kind")

        officer = ActorView.from_dict(d.pop("officer"))

        product_code = d.pop("product_code")

        def _parse_product_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        product_version = _parse_product_version(d.pop("product_version"))

        def _parse_risk_decision(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        risk_decision = _parse_risk_decision(d.pop("risk_decision"))

        def _parse_risk_flag(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        risk_flag = _parse_risk_flag(d.pop("risk_flag"))

        def _parse_sign_by(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sign_by_type_0 = datetime.date.fromisoformat(data)

                return sign_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        sign_by = _parse_sign_by(d.pop("sign_by"))

        status = d.pop("status")

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        application_summary = cls(
            amount=amount,
            assignee=assignee,
            contract_id=contract_id,
            created_at=created_at,
            currency=currency,
            customer=customer,
            id=id,
            kind=kind,
            officer=officer,
            product_code=product_code,
            product_version=product_version,
            risk_decision=risk_decision,
            risk_flag=risk_flag,
            sign_by=sign_by,
            status=status,
            updated_at=updated_at,
        )

        application_summary.additional_properties = d
        return application_summary

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
