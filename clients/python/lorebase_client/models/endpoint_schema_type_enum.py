from enum import StrEnum

class EndpointSchemaTypeEnum(StrEnum):
    CHARACTER = "character"
    CONCEPT = "concept"
    LOCATION = "location"

    def __str__(self) -> str:
        return str(self.value)
