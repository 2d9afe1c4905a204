from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SignContract")


@_attrs_define
class SignContract:
    """
    Attributes:
        document_sha256 (None | str | Unset): the digest the signer saw; refused if it is not the contract's
    """

    document_sha256: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        document_sha256: None | str | Unset
        if isinstance(self.document_sha256, Unset):
            document_sha256 = UNSET
        else:
            document_sha256 = self.document_sha256

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if document_sha256 is not UNSET:
            field_dict["document_sha256"] = document_sha256

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_document_sha256(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        document_sha256 = _parse_document_sha256(d.pop("document_sha256", UNSET))

        sign_contract = cls(
            document_sha256=document_sha256,
        )

        return sign_contract
