from enum import StrEnum


class FactoringQuoteRequestInterestCollection(StrEnum):
    MATURITY = "maturity"
    UPFRONT = "upfront"

    def __str__(self) -> str:
        return str(self.value)
