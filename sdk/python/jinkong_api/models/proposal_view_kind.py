from enum import StrEnum


class ProposalViewKind(StrEnum):
    JOURNAL = "journal"
    REVERSAL = "reversal"

    def __str__(self) -> str:
        return str(self.value)
