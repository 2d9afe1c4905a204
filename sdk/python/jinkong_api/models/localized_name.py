from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="LocalizedName")


@_attrs_define
class LocalizedName:
    """
    Attributes:
        en_us (str):
        zh_cn (str):
    """

    en_us: str
    zh_cn: str

    def to_dict(self) -> dict[str, Any]:
        en_us = self.en_us

        zh_cn = self.zh_cn

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "en-US": en_us,
                "zh-CN": zh_cn,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        en_us = d.pop("en-US")

        zh_cn = d.pop("zh-CN")

        localized_name = cls(
            en_us=en_us,
            zh_cn=zh_cn,
        )

        return localized_name
