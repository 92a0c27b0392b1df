from enum import StrEnum

class AnswerCitationTypeEnum(StrEnum):
    CHARACTER = "character"
    CONCEPT = "concept"
    DEATH = "death"
    LOCATION = "location"
    RELATION = "relation"
    SCENE = "scene"

    def __str__(self) -> str:
        return str(self.value)
