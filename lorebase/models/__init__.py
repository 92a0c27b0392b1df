from .changes import Change
from .entities import Chapter, Character, Concept, Location, Scene, SceneParticipant
from .relations import RELATION_RULES, Relation, RelationKind
from .worlds import World, WorldEntity, WorldMembership, WorldRole

__all__ = [
    "RELATION_RULES",
    "Change",
    "Chapter",
    "Character",
    "Concept",
    "Location",
    "Relation",
    "RelationKind",
    "Scene",
    "SceneParticipant",
    "World",
    "WorldEntity",
    "WorldMembership",
    "WorldRole",
]
