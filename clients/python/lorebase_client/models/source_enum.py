from enum import StrEnum

class SourceEnum(StrEnum):
    GRAPH = "graph"
    NAME = "name"
    RECORD = "record"
    TEXT = "text"

    def __str__(self) -> str:
        return str(self.value)
