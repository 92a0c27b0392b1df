from enum import StrEnum

class RoleEnum(StrEnum):
    MENTIONED = "mentioned"
    PRESENT = "present"
    SPEAKER = "speaker"

    def __str__(self) -> str:
        return str(self.value)
