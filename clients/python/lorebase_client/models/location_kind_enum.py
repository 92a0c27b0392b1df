from enum import StrEnum

class LocationKindEnum(StrEnum):
    BUILDING = "building"
    CITY = "city"
    DISTRICT = "district"
    OTHER = "other"
    REGION = "region"
    ROOM = "room"
    WILDERNESS = "wilderness"

    def __str__(self) -> str:
        return str(self.value)
