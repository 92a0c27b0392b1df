from enum import StrEnum

class MeetingEnum(StrEnum):
    ALL = "all"
    FIRST = "first"
    LAST = "last"

    def __str__(self) -> str:
        return str(self.value)
