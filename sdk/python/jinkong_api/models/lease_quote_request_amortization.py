from enum import StrEnum


class LeaseQuoteRequestAmortization(StrEnum):
    ANNUITY = "annuity"
    EQUAL_PRINCIPAL = "equal_principal"
    IRREGULAR = "irregular"

    def __str__(self) -> str:
        return str(self.value)
