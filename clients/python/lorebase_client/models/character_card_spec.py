from enum import StrEnum

class CharacterCardSpec(StrEnum):
    V2 = "v2"
    V3 = "v3"

    def __str__(self) -> str:
        return str(self.value)
