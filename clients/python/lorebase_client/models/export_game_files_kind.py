from enum import StrEnum

class ExportGameFilesKind(StrEnum):
    MARKDOWN = "markdown"
    RENPY = "renpy"

    def __str__(self) -> str:
        return str(self.value)
