from enum import StrEnum

class GraphNeighbourhoodKindsItem(StrEnum):
    ALLY_OF = "ALLY_OF"
    ENEMY_OF = "ENEMY_OF"
    FAMILY_OF = "FAMILY_OF"
    FEATURES = "FEATURES"
    KNOWS = "KNOWS"
    LEADS = "LEADS"
    LIVES_IN = "LIVES_IN"
    LOVES = "LOVES"
    MEMBER_OF = "MEMBER_OF"
    MENTOR_OF = "MENTOR_OF"
    OWNS = "OWNS"
    PART_OF = "PART_OF"
    RELATES_TO = "RELATES_TO"
    RULES = "RULES"
    SERVES = "SERVES"
    TAKES_PLACE_IN = "TAKES_PLACE_IN"

    def __str__(self) -> str:
        return str(self.value)
