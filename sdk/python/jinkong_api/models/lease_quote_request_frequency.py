from enum import StrEnum


class LeaseQuoteRequestFrequency(StrEnum):
    ANNUAL = "annual"
    BIWEEKLY = "biweekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SEMI_ANNUAL = "semi-annual"
    WEEKLY = "weekly"

    def __str__(self) -> str:
        return str(self.value)
