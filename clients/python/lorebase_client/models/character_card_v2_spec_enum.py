from enum import StrEnum

class CharacterCardV2SpecEnum(StrEnum):
    CHARA_CARD_V2 = "chara_card_v2"

    def __str__(self) -> str:
        return str(self.value)
