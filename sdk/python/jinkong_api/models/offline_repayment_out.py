from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.offline_repayment_out_status import OfflineRepaymentOutStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.offline_repayment_out_upload_type_0 import OfflineRepaymentOutUploadType0
    from ..models.offline_repayment_out_voucher import OfflineRepaymentOutVoucher


T = TypeVar("T", bound="OfflineRepaymentOut")


@_attrs_define
class OfflineRepaymentOut:
    """
    Attributes:
        amount (str):
        contract_id (str):
        currency (str):
        id (str):
        received_on (datetime.date):
        recorded_by (str):
        status (OfflineRepaymentOutStatus):
        voucher (OfflineRepaymentOutVoucher):
        confirmed_at (datetime.datetime | None | Unset):
        confirmed_by (None | str | Unset):
        recorded_at (datetime.datetime | None | Unset):
        reference (None | str | Unset):
        repayment_id (None | str | Unset):
        upload (None | OfflineRepaymentOutUploadType0 | Unset): presigned PUT for the voucher (maker only)
    """

    amount: str
    contract_id: str
    currency: str
    id: str
    received_on: datetime.date
    recorded_by: str
    status: OfflineRepaymentOutStatus
    voucher: OfflineRepaymentOutVoucher
    confirmed_at: datetime.datetime | None | Unset = UNSET
    confirmed_by: None | str | Unset = UNSET
    recorded_at: datetime.datetime | None | Unset = UNSET
    reference: None | str | Unset = UNSET
    repayment_id: None | str | Unset = UNSET
    upload: None | OfflineRepaymentOutUploadType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.offline_repayment_out_upload_type_0 import OfflineRepaymentOutUploadType0  # noqa: PLC0415

        amount = self.amount

        contract_id = self.contract_id

        currency = self.currency

        id = self.id

        received_on = self.received_on.isoformat()

        recorded_by = self.recorded_by

        status = self.status.value

        voucher = self.voucher.to_dict()

        confirmed_at: None | str | Unset
        if isinstance(self.confirmed_at, Unset):
            confirmed_at = UNSET
        elif isinstance(self.confirmed_at, datetime.datetime):
            confirmed_at = self.confirmed_at.isoformat()
        else:
            confirmed_at = self.confirmed_at

        confirmed_by: None | str | Unset
        if isinstance(self.confirmed_by, Unset):
            confirmed_by = UNSET
        else:
            confirmed_by = self.confirmed_by

        recorded_at: None | str | Unset
        if isinstance(self.recorded_at, Unset):
            recorded_at = UNSET
        elif isinstance(self.recorded_at, datetime.datetime):
            recorded_at = self.recorded_at.isoformat()
        else:
            recorded_at = self.recorded_at

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        repayment_id: None | str | Unset
        if isinstance(self.repayment_id, Unset):
            repayment_id = UNSET
        else:
            repayment_id = self.repayment_id

        upload: dict[str, Any] | None | Unset
        if isinstance(self.upload, Unset):
            upload = UNSET
        elif isinstance(self.upload, OfflineRepaymentOutUploadType0):
            upload = self.upload.to_dict()
        else:
            upload = self.upload

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "contract_id": contract_id,
                "currency": currency,
                "id": id,
                "received_on": received_on,
                "recorded_by": recorded_by,
                "status": status,
                "voucher": voucher,
            }
        )
        if confirmed_at is not UNSET:
            field_dict["confirmed_at"] = confirmed_at
        if confirmed_by is not UNSET:
            field_dict["confirmed_by"] = confirmed_by
        if recorded_at is not UNSET:
            field_dict["recorded_at"] = recorded_at
        if reference is not UNSET:
            field_dict["reference"] = reference
        if repayment_id is not UNSET:
            field_dict["repayment_id"] = repayment_id
        if upload is not UNSET:
            field_dict["upload"] = upload

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.offline_repayment_out_upload_type_0 import OfflineRepaymentOutUploadType0  # noqa: PLC0415
        from ..models.offline_repayment_out_voucher import OfflineRepaymentOutVoucher  # noqa: PLC0415

        d = dict(src_dict)
        amount = d.pop("amount")

        contract_id = d.pop("contract_id")

        currency = d.pop("currency")

        id = d.pop("id")

        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        recorded_by = d.pop("recorded_by")

        status = OfflineRepaymentOutStatus(d.pop("status"))

        voucher = OfflineRepaymentOutVoucher.from_dict(d.pop("voucher"))

        def _parse_confirmed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                confirmed_at_type_0 = datetime.datetime.fromisoformat(data)

                return confirmed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        confirmed_at = _parse_confirmed_at(d.pop("confirmed_at", UNSET))

        def _parse_confirmed_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        confirmed_by = _parse_confirmed_by(d.pop("confirmed_by", UNSET))

        def _parse_recorded_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recorded_at_type_0 = datetime.datetime.fromisoformat(data)

                return recorded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        recorded_at = _parse_recorded_at(d.pop("recorded_at", UNSET))

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        def _parse_repayment_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        repayment_id = _parse_repayment_id(d.pop("repayment_id", UNSET))

        def _parse_upload(data: object) -> None | OfflineRepaymentOutUploadType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                upload_type_0 = OfflineRepaymentOutUploadType0.from_dict(data)

                return upload_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OfflineRepaymentOutUploadType0 | Unset, data)

        upload = _parse_upload(d.pop("upload", UNSET))

        offline_repayment_out = cls(
            amount=amount,
            contract_id=contract_id,
            currency=currency,
            id=id,
            received_on=received_on,
            recorded_by=recorded_by,
            status=status,
            voucher=voucher,
            confirmed_at=confirmed_at,
            confirmed_by=confirmed_by,
            recorded_at=recorded_at,
            reference=reference,
            repayment_id=repayment_id,
            upload=upload,
        )

        offline_repayment_out.additional_properties = d
        return offline_repayment_out

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
