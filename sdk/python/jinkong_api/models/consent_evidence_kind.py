from enum import StrEnum


class ConsentEvidenceKind(StrEnum):
    APP_CHECKBOX = "app_checkbox"
    RECORDED_CALL = "recorded_call"
    SIGNED_FORM = "signed_form"

    def __str__(self) -> str:
        return str(self.value)
