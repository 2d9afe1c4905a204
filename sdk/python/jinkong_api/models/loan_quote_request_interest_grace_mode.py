from enum import StrEnum


class LoanQuoteRequestInterestGraceMode(StrEnum):
    CAPITALISED = "capitalised"
    CAPITALIZED = "capitalized"
    DEFERRED = "deferred"

    def __str__(self) -> str:
        return str(self.value)
