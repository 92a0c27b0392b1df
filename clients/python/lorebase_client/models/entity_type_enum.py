from enum import StrEnum

class EntityTypeEnum(StrEnum):
    CHAPTER = "chapter"
    CHARACTER = "character"
    CONCEPT = "concept"
    LOCATION = "location"
    RELATION = "relation"
    SCENE = "scene"
    WORLD = "world"

    def __str__(self) -> str:
        return str(self.value)
