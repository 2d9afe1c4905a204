from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.five_category import FiveCategory
from ..types import UNSET, Unset

T = TypeVar("T", bound="ServiceOverrideIn")


@_attrs_define
class ServiceOverrideIn:
    """
    Attributes:
        classification (FiveCategory): 五级分类, best to worst. The last three are non-performing (NPL).
        reason (str): Why HQ classifies it so (kept with it)
        contract_id (None | str | Unset):
        customer_hash (None | str | Unset):
        subsidiary_id (None | str | Unset):
    """

    classification: FiveCategory
    reason: str
    contract_id: None | str | Unset = UNSET
    customer_hash: None | str | Unset = UNSET
    subsidiary_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        classification = self.classification.value

        reason = self.reason

        contract_id: None | str | Unset
        if isinstance(self.contract_id, Unset):
            contract_id = UNSET
        else:
            contract_id = self.contract_id

        customer_hash: None | str | Unset
        if isinstance(self.customer_hash, Unset):
            customer_hash = UNSET
        else:
            customer_hash = self.customer_hash

        subsidiary_id: None | str | Unset
        if isinstance(self.subsidiary_id, Unset):
            subsidiary_id = UNSET
        else:
            subsidiary_id = self.subsidiary_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "classification": classification,
                "reason": reason,
            }
        )
        if contract_id is not UNSET:
            field_dict["contract_id"] = contract_id
        if customer_hash is not UNSET:
            field_dict["customer_hash"] = customer_hash
        if subsidiary_id is not UNSET:
            field_dict["subsidiary_id"] = subsidiary_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        classification = FiveCategory(d.pop("classification"))

        reason = d.pop("reason")

        def _parse_contract_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contract_id = _parse_contract_id(d.pop("contract_id", UNSET))

        def _parse_customer_hash(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_hash = _parse_customer_hash(d.pop("customer_hash", UNSET))

        def _parse_subsidiary_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subsidiary_id = _parse_subsidiary_id(d.pop("subsidiary_id", UNSET))

        service_override_in = cls(
            classification=classification,
            reason=reason,
            contract_id=contract_id,
            customer_hash=customer_hash,
            subsidiary_id=subsidiary_id,
        )

        return service_override_in
