from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.approval_request_out_action import ApprovalRequestOutAction
from ..models.approval_request_out_status import ApprovalRequestOutStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.approval_request_out_params import ApprovalRequestOutParams
    from ..models.approval_request_out_result_type_0 import ApprovalRequestOutResultType0


T = TypeVar("T", bound="ApprovalRequestOut")


@_attrs_define
class ApprovalRequestOut:
    """
    Attributes:
        action (ApprovalRequestOutAction):
        amount (str): weighed against the tenant's four_eyes_below for the action
        currency (str):
        id (str):
        one_person (bool): approved by its maker alone, below the tenant's limit
        params (ApprovalRequestOutParams):
        requested_at (datetime.datetime):
        requested_by (str): the maker's user id (token sub)
        requested_by_name (str):
        status (ApprovalRequestOutStatus):
        subject_id (str): what it acts on: the contract, or the repayment to reverse
        contract_id (None | str | Unset):
        decided_at (datetime.datetime | None | Unset):
        decided_by (None | str | Unset):
        decided_by_name (None | str | Unset):
        reason (str | Unset):  Default: ''.
        result (ApprovalRequestOutResultType0 | None | Unset): what the action did, once approved
    """

    action: ApprovalRequestOutAction
    amount: str
    currency: str
    id: str
    one_person: bool
    params: ApprovalRequestOutParams
    requested_at: datetime.datetime
    requested_by: str
    requested_by_name: str
    status: ApprovalRequestOutStatus
    subject_id: str
    contract_id: None | str | Unset = UNSET
    decided_at: datetime.datetime | None | Unset = UNSET
    decided_by: None | str | Unset = UNSET
    decided_by_name: None | str | Unset = UNSET
    reason: str | Unset = ""
    result: ApprovalRequestOutResultType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.approval_request_out_result_type_0 import ApprovalRequestOutResultType0  # noqa: PLC0415

        action = self.action.value

        amount = self.amount

        currency = self.currency

        id = self.id

        one_person = self.one_person

        params = self.params.to_dict()

        requested_at = self.requested_at.isoformat()

        requested_by = self.requested_by

        requested_by_name = self.requested_by_name

        status = self.status.value

        subject_id = self.subject_id

        contract_id: None | str | Unset
        if isinstance(self.contract_id, Unset):
            contract_id = UNSET
        else:
            contract_id = self.contract_id

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        elif isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decided_by: None | str | Unset
        if isinstance(self.decided_by, Unset):
            decided_by = UNSET
        else:
            decided_by = self.decided_by

        decided_by_name: None | str | Unset
        if isinstance(self.decided_by_name, Unset):
            decided_by_name = UNSET
        else:
            decided_by_name = self.decided_by_name

        reason = self.reason

        result: dict[str, Any] | None | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        elif isinstance(self.result, ApprovalRequestOutResultType0):
            result = self.result.to_dict()
        else:
            result = self.result

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "amount": amount,
                "currency": currency,
                "id": id,
                "one_person": one_person,
                "params": params,
                "requested_at": requested_at,
                "requested_by": requested_by,
                "requested_by_name": requested_by_name,
                "status": status,
                "subject_id": subject_id,
            }
        )
        if contract_id is not UNSET:
            field_dict["contract_id"] = contract_id
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if decided_by is not UNSET:
            field_dict["decided_by"] = decided_by
        if decided_by_name is not UNSET:
            field_dict["decided_by_name"] = decided_by_name
        if reason is not UNSET:
            field_dict["reason"] = reason
        if result is not UNSET:
            field_dict["result"] = result

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.approval_request_out_params import ApprovalRequestOutParams  # noqa: PLC0415
        from ..models.approval_request_out_result_type_0 import ApprovalRequestOutResultType0  # noqa: PLC0415

        d = dict(src_dict)
        action = ApprovalRequestOutAction(d.pop("action"))

        amount = d.pop("amount")

        currency = d.pop("currency")

        id = d.pop("id")

        one_person = d.pop("one_person")

        params = ApprovalRequestOutParams.from_dict(d.pop("params"))

        requested_at = datetime.datetime.fromisoformat(d.pop("requested_at"))

        requested_by = d.pop("requested_by")

        requested_by_name = d.pop("requested_by_name")

        status = ApprovalRequestOutStatus(d.pop("status"))

        subject_id = d.pop("subject_id")

        def _parse_contract_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contract_id = _parse_contract_id(d.pop("contract_id", UNSET))

        def _parse_decided_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))

        def _parse_decided_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decided_by = _parse_decided_by(d.pop("decided_by", UNSET))

        def _parse_decided_by_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decided_by_name = _parse_decided_by_name(d.pop("decided_by_name", UNSET))

        reason = d.pop("reason", UNSET)

        def _parse_result(data: object) -> ApprovalRequestOutResultType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_0 = ApprovalRequestOutResultType0.from_dict(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ApprovalRequestOutResultType0 | None | Unset, data)

        result = _parse_result(d.pop("result", UNSET))

        approval_request_out = cls(
            action=action,
            amount=amount,
            currency=currency,
            id=id,
            one_person=one_person,
            params=params,
            requested_at=requested_at,
            requested_by=requested_by,
            requested_by_name=requested_by_name,
            status=status,
            subject_id=subject_id,
            contract_id=contract_id,
            decided_at=decided_at,
            decided_by=decided_by,
            decided_by_name=decided_by_name,
            reason=reason,
            result=result,
        )

        approval_request_out.additional_properties = d
        return approval_request_out

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
