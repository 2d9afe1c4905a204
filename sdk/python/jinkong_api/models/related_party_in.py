from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.relation import Relation

T = TypeVar("T", bound="RelatedPartyIn")


@_attrs_define
class RelatedPartyIn:
    """
    Attributes:
        customer_id (str): Another customer of this tenant
        relation (Relation):
    """

    customer_id: str
    relation: Relation

    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        relation = self.relation.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customer_id": customer_id,
                "relation": relation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = d.pop("customer_id")

        relation = Relation(d.pop("relation"))

        related_party_in = cls(
            customer_id=customer_id,
            relation=relation,
        )

        return related_party_in
