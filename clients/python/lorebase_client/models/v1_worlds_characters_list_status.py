from enum import StrEnum

class V1WorldsCharactersListStatus(StrEnum):
    ALIVE = "alive"
    DEAD = "dead"
    MISSING = "missing"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
