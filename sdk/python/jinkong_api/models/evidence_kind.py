from enum import StrEnum


class EvidenceKind(StrEnum):
    FACE_MATCHED = "face_matched"
    ID_DOCUMENT_CHECKED = "id_document_checked"
    PHONE_CONFIRMED = "phone_confirmed"

    def __str__(self) -> str:
        return str(self.value)
