from enum import StrEnum


class FiveCategory(StrEnum):
    DOUBTFUL = "doubtful"
    LOSS = "loss"
    NORMAL = "normal"
    SPECIAL_MENTION = "special_mention"
    SUBSTANDARD = "substandard"

    def __str__(self) -> str:
        return str(self.value)
