from enum import StrEnum

class HowEnum(StrEnum):
    EXACT = "exact"
    FUZZY = "fuzzy"
    STEM = "stem"

    def __str__(self) -> str:
        return str(self.value)
