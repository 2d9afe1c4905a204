from enum import StrEnum


class CollectionActionInType(StrEnum):
    CALL = "call"
    LEGAL = "legal"
    PROMISE_TO_PAY = "promise_to_pay"
    SMS = "sms"
    VISIT = "visit"

    def __str__(self) -> str:
        return str(self.value)
