from enum import StrEnum


class PrepaymentInStrategy(StrEnum):
    KEEP_INSTALLMENT = "keep_installment"
    KEEP_TERM = "keep_term"

    def __str__(self) -> str:
        return str(self.value)
