from enum import StrEnum


class PrepaymentRequestStrategy(StrEnum):
    KEEP_INSTALLMENT = "keep_installment"
    KEEP_TERM = "keep_term"

    def __str__(self) -> str:
        return str(self.value)
