from enum import StrEnum


class ConsentScope(StrEnum):
    GROUP_MARKETING = "group_marketing"
    GROUP_RELATIONSHIPS = "group_relationships"

    def __str__(self) -> str:
        return str(self.value)
