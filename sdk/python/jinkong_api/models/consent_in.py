from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.consent_evidence_kind import ConsentEvidenceKind
from ..models.consent_scope import ConsentScope

T = TypeVar("T", bound="ConsentIn")


@_attrs_define
class ConsentIn:
    """``POST /v1/customers/{id}/consents``: the customer's consent as recorded on a date, with evidence.

    Attributes:
        evidence_kind (ConsentEvidenceKind):
        evidence_reference (str): the signed form's document id, …
        given_on (datetime.date): the day the customer consented (not after the business date)
        scopes (list[ConsentScope]):
    """

    evidence_kind: ConsentEvidenceKind
    evidence_reference: str
    given_on: datetime.date
    scopes: list[ConsentScope]

    def to_dict(self) -> dict[str, Any]:
        evidence_kind = self.evidence_kind.value

        evidence_reference = self.evidence_reference

        given_on = self.given_on.isoformat()

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.value
            scopes.append(scopes_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "evidence_kind": evidence_kind,
                "evidence_reference": evidence_reference,
                "given_on": given_on,
                "scopes": scopes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        evidence_kind = ConsentEvidenceKind(d.pop("evidence_kind"))

        evidence_reference = d.pop("evidence_reference")

        given_on = datetime.date.fromisoformat(d.pop("given_on"))

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = ConsentScope(scopes_item_data)

            scopes.append(scopes_item)

        consent_in = cls(
            evidence_kind=evidence_kind,
            evidence_reference=evidence_reference,
            given_on=given_on,
            scopes=scopes,
        )

        return consent_in
