from enum import StrEnum

class V1WorldsConceptsListKind(StrEnum):
    CREATURE = "creature"
    EVENT = "event"
    FACTION = "faction"
    ITEM = "item"
    MAGIC = "magic"
    OTHER = "other"
    TERM = "term"

    def __str__(self) -> str:
        return str(self.value)
