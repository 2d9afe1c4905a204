from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.service_override_in import ServiceOverrideIn


T = TypeVar("T", bound="ClassificationConfig")


@_attrs_define
class ClassificationConfig:
    """Days past due at which each class begins, and HQ's overrides (``PUT /v1/group/classification``).

    Attributes:
        doubtful_from (int | Unset):  Default: 181.
        loss_from (int | Unset):  Default: 361.
        overrides (list[ServiceOverrideIn] | Unset):
        special_mention_from (int | Unset):  Default: 1.
        substandard_from (int | Unset):  Default: 91.
        version (int | None | Unset): the version read; 409 if it has changed since
    """

    doubtful_from: int | Unset = 181
    loss_from: int | Unset = 361
    overrides: list[ServiceOverrideIn] | Unset = UNSET
    special_mention_from: int | Unset = 1
    substandard_from: int | Unset = 91
    version: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        doubtful_from = self.doubtful_from

        loss_from = self.loss_from

        overrides: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.overrides, Unset):
            overrides = []
            for overrides_item_data in self.overrides:
                overrides_item = overrides_item_data.to_dict()
                overrides.append(overrides_item)

        special_mention_from = self.special_mention_from

        substandard_from = self.substandard_from

        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if doubtful_from is not UNSET:
            field_dict["doubtful_from"] = doubtful_from
        if loss_from is not UNSET:
            field_dict["loss_from"] = loss_from
        if overrides is not UNSET:
            field_dict["overrides"] = overrides
        if special_mention_from is not UNSET:
            field_dict["special_mention_from"] = special_mention_from
        if substandard_from is not UNSET:
            field_dict["substandard_from"] = substandard_from
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.service_override_in import ServiceOverrideIn  # noqa: PLC0415

        d = dict(src_dict)
        doubtful_from = d.pop("doubtful_from", UNSET)

        loss_from = d.pop("loss_from", UNSET)

        _overrides = d.pop("overrides", UNSET)
        overrides: list[ServiceOverrideIn] | Unset = UNSET
        if _overrides is not UNSET:
            overrides = []
            for overrides_item_data in _overrides:
                overrides_item = ServiceOverrideIn.from_dict(overrides_item_data)

                overrides.append(overrides_item)

        special_mention_from = d.pop("special_mention_from", UNSET)

        substandard_from = d.pop("substandard_from", UNSET)

        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

        classification_config = cls(
            doubtful_from=doubtful_from,
            loss_from=loss_from,
            overrides=overrides,
            special_mention_from=special_mention_from,
            substandard_from=substandard_from,
            version=version,
        )

        return classification_config
