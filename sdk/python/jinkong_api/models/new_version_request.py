from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="NewVersionRequest")


@_attrs_define
class NewVersionRequest:
    """
    Attributes:
        from_version (int | None | Unset): copy this version (default: the latest)
    """

    from_version: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from_version: int | None | Unset
        if isinstance(self.from_version, Unset):
            from_version = UNSET
        else:
            from_version = self.from_version

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if from_version is not UNSET:
            field_dict["from_version"] = from_version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_from_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        from_version = _parse_from_version(d.pop("from_version", UNSET))

        new_version_request = cls(
            from_version=from_version,
        )

        return new_version_request
