from enum import StrEnum


class FeeRequestTiming(StrEnum):
    EACH_INSTALLMENT = "each_installment"
    FIRST_INSTALLMENT = "first_installment"
    UPFRONT = "upfront"

    def __str__(self) -> str:
        return str(self.value)
