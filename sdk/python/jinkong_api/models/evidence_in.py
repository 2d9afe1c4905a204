from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.evidence_kind import EvidenceKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="EvidenceIn")


@_attrs_define
class EvidenceIn:
    """``POST /v1/customers/{id}/verification/evidence``.

    ``phone_confirmed`` names the phone and the code's reference; ``id_document_checked`` the document
    type and the check's reference; ``face_matched`` the captured selfie and document photo (the
    verification provider is asked, and only its passing answer becomes evidence).

        Attributes:
            kind (EvidenceKind):
            reference (str): the OTP session, document check or capture id
            document_photo_ref (None | str | Unset): face_matched: the ID photo
            document_type (None | str | Unset): id_document_checked: e.g. resident_id
            note (None | str | Unset):
            selfie_ref (None | str | Unset): face_matched: the captured selfie
    """

    kind: EvidenceKind
    reference: str
    document_photo_ref: None | str | Unset = UNSET
    document_type: None | str | Unset = UNSET
    note: None | str | Unset = UNSET
    selfie_ref: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        reference = self.reference

        document_photo_ref: None | str | Unset
        if isinstance(self.document_photo_ref, Unset):
            document_photo_ref = UNSET
        else:
            document_photo_ref = self.document_photo_ref

        document_type: None | str | Unset
        if isinstance(self.document_type, Unset):
            document_type = UNSET
        else:
            document_type = self.document_type

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        selfie_ref: None | str | Unset
        if isinstance(self.selfie_ref, Unset):
            selfie_ref = UNSET
        else:
            selfie_ref = self.selfie_ref

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "reference": reference,
            }
        )
        if document_photo_ref is not UNSET:
            field_dict["document_photo_ref"] = document_photo_ref
        if document_type is not UNSET:
            field_dict["document_type"] = document_type
        if note is not UNSET:
            field_dict["note"] = note
        if selfie_ref is not UNSET:
            field_dict["selfie_ref"] = selfie_ref

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = EvidenceKind(d.pop("kind"))

        reference = d.pop("reference")

        def _parse_document_photo_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        document_photo_ref = _parse_document_photo_ref(d.pop("document_photo_ref", UNSET))

        def _parse_document_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        document_type = _parse_document_type(d.pop("document_type", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_selfie_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        selfie_ref = _parse_selfie_ref(d.pop("selfie_ref", UNSET))

        evidence_in = cls(
            kind=kind,
            reference=reference,
            document_photo_ref=document_photo_ref,
            document_type=document_type,
            note=note,
            selfie_ref=selfie_ref,
        )

        return evidence_in
