from enum import StrEnum

class RelationKindEnum(StrEnum):
    ALLY_OF = "ALLY_OF"
    ENEMY_OF = "ENEMY_OF"
    FAMILY_OF = "FAMILY_OF"
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

    def __str__(self) -> str:
        return str(self.value)
