from enum import StrEnum

class BatchOperationTypeEnum(StrEnum):
    CHAPTER = "chapter"
    CHARACTER = "character"
    CONCEPT = "concept"
    LOCATION = "location"
    RELATION = "relation"
    SCENE = "scene"

    def __str__(self) -> str:
        return str(self.value)
