from enum import StrEnum

class ImageKindEnum(StrEnum):
    BACKGROUND = "background"
    PORTRAIT = "portrait"
    REFERENCE = "reference"
    SPRITE = "sprite"

    def __str__(self) -> str:
        return str(self.value)
