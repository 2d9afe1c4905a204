from enum import StrEnum


class Audience(StrEnum):
    GROUP = "group"
    OWN = "own"

    def __str__(self) -> str:
        return str(self.value)
