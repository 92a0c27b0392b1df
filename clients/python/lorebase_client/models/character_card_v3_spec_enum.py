from enum import StrEnum

class CharacterCardV3SpecEnum(StrEnum):
    CHARA_CARD_V3 = "chara_card_v3"

    def __str__(self) -> str:
        return str(self.value)
