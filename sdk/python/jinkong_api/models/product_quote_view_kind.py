from enum import StrEnum


class ProductQuoteViewKind(StrEnum):
    FACTORING = "factoring"
    LEASE = "lease"
    LOAN = "loan"

    def __str__(self) -> str:
        return str(self.value)
