from enum import StrEnum

class QuestionKindEnum(StrEnum):
    CHARACTER_AT_LOCATION = "character_at_location"
    DEATH = "death"
    EVENTS_AT_LOCATION = "events_at_location"
    MEETINGS = "meetings"
    PATH = "path"
    RELATION = "relation"
    TEXT = "text"

    def __str__(self) -> str:
        return str(self.value)
