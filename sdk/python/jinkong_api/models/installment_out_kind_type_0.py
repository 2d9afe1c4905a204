from enum import StrEnum


class InstallmentOutKindType0(StrEnum):
    RENT = "rent"
    RESIDUAL = "residual"

    def __str__(self) -> str:
        return str(self.value)
