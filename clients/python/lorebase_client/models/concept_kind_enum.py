from enum import StrEnum

class ConceptKindEnum(StrEnum):
    CREATURE = "creature"
    EVENT = "event"
    FACTION = "faction"
    ITEM = "item"
    MAGIC = "magic"
    OTHER = "other"
    TERM = "term"

    def __str__(self) -> str:
        return str(self.value)
