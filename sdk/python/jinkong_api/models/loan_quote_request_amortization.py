from enum import StrEnum


class LoanQuoteRequestAmortization(StrEnum):
    ANNUITY = "annuity"
    BALLOON = "balloon"
    BULLET = "bullet"
    EQUAL_PRINCIPAL = "equal_principal"
    FLAT = "flat"
    INTEREST_ONLY = "interest_only"

    def __str__(self) -> str:
        return str(self.value)
