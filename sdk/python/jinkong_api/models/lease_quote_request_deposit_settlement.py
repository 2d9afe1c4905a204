from enum import StrEnum


class LeaseQuoteRequestDepositSettlement(StrEnum):
    OFFSET = "offset"
    REFUND = "refund"

    def __str__(self) -> str:
        return str(self.value)
