from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.patch_version_request_definition import PatchVersionRequestDefinition


T = TypeVar("T", bound="PatchVersionRequest")


@_attrs_define
class PatchVersionRequest:
    """
    Attributes:
        definition (PatchVersionRequestDefinition): a JSON merge patch: objects merge, null removes, the rest replaces
    """

    definition: PatchVersionRequestDefinition

    def to_dict(self) -> dict[str, Any]:
        definition = self.definition.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "definition": definition,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.patch_version_request_definition import PatchVersionRequestDefinition  # noqa: PLC0415

        d = dict(src_dict)
        definition = PatchVersionRequestDefinition.from_dict(d.pop("definition"))

        patch_version_request = cls(
            definition=definition,
        )

        return patch_version_request
