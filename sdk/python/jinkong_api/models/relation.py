from enum import StrEnum


class Relation(StrEnum):
    GUARANTOR = "guarantor"
    PARENT = "parent"
    SHAREHOLDER = "shareholder"

    def __str__(self) -> str:
        return str(self.value)
