from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.create_product_request_kind import CreateProductRequestKind

if TYPE_CHECKING:
    from ..models.create_product_request_definition import CreateProductRequestDefinition


T = TypeVar("T", bound="CreateProductRequest")


@_attrs_define
class CreateProductRequest:
    """A new product and its version 1 (a draft). Every problem of code, kind and definition is reported at once.

    Attributes:
        code (str): unique within the tenant
        definition (CreateProductRequestDefinition): the version's parameters: name, segment, currency, channels, terms
            (bounds and defaults per kind), rate, fees, penalty, prepayment, arrears_tolerance, workflow, risk, accounting
        kind (CreateProductRequestKind):
    """

    code: str
    definition: CreateProductRequestDefinition
    kind: CreateProductRequestKind

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        definition = self.definition.to_dict()

        kind = self.kind.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "definition": definition,
                "kind": kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.create_product_request_definition import CreateProductRequestDefinition  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        definition = CreateProductRequestDefinition.from_dict(d.pop("definition"))

        kind = CreateProductRequestKind(d.pop("kind"))

        create_product_request = cls(
            code=code,
            definition=definition,
            kind=kind,
        )

        return create_product_request
