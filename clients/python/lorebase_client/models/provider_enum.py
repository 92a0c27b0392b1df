from enum import StrEnum

class ProviderEnum(StrEnum):
    ANTHROPIC = "anthropic"
    EXTRACTIVE = "extractive"
    OPENAI = "openai"

    def __str__(self) -> str:
        return str(self.value)
