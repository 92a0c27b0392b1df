from enum import StrEnum

class CharacterStatusEnum(StrEnum):
    ALIVE = "alive"
    DEAD = "dead"
    MISSING = "missing"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
