from enum import StrEnum

class SearchTypesItem(StrEnum):
    CHARACTER = "character"
    CONCEPT = "concept"
    LOCATION = "location"
    PATH = "path"
    SCENE = "scene"

    def __str__(self) -> str:
        return str(self.value)
