from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.confirm_invoice_decision import ConfirmInvoiceDecision
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConfirmInvoice")


@_attrs_define
class ConfirmInvoice:
    """A debtor user confirms (or disputes) an invoice; staff record it only with an evidence document.

    Attributes:
        decision (ConfirmInvoiceDecision | Unset):  Default: ConfirmInvoiceDecision.CONFIRM.
        evidence_document_id (None | str | Unset):
        note (None | str | Unset):
    """

    decision: ConfirmInvoiceDecision | Unset = ConfirmInvoiceDecision.CONFIRM
    evidence_document_id: None | str | Unset = UNSET
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        decision: str | Unset = UNSET
        if not isinstance(self.decision, Unset):
            decision = self.decision.value

        evidence_document_id: None | str | Unset
        if isinstance(self.evidence_document_id, Unset):
            evidence_document_id = UNSET
        else:
            evidence_document_id = self.evidence_document_id

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if decision is not UNSET:
            field_dict["decision"] = decision
        if evidence_document_id is not UNSET:
            field_dict["evidence_document_id"] = evidence_document_id
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _decision = d.pop("decision", UNSET)
        decision: ConfirmInvoiceDecision | Unset
        if isinstance(_decision, Unset):
            decision = UNSET
        else:
            decision = ConfirmInvoiceDecision(_decision)

        def _parse_evidence_document_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        evidence_document_id = _parse_evidence_document_id(d.pop("evidence_document_id", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        confirm_invoice = cls(
            decision=decision,
            evidence_document_id=evidence_document_id,
            note=note,
        )

        return confirm_invoice
