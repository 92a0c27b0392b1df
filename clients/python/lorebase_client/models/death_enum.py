from enum import StrEnum

class DeathEnum(StrEnum):
    HOW = "how"
    KILLER = "killer"

    def __str__(self) -> str:
        return str(self.value)
