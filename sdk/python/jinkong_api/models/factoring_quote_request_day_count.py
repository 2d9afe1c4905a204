from enum import StrEnum


class FactoringQuoteRequestDayCount(StrEnum):
    ACT360 = "ACT/360"
    ACT365F = "ACT/365F"
    ACTACT = "ACT/ACT"
    PERIOD = "period"
    VALUE_0 = "30/360"
    VALUE_1 = "30E/360"

    def __str__(self) -> str:
        return str(self.value)
