from enum import StrEnum


class AmountKind(StrEnum):
    FIXED = "fixed"
    MULTIPLE = "multiple"

    def __str__(self) -> str:
        return str(self.value)
