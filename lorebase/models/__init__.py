from .batches import IdempotentBatch
from .changes import Change
from .entities import Chapter, Character, Concept, Location, Scene, SceneParticipant
from .images import EntityImage
from .relations import ENDPOINT_FIELDS, ENDPOINT_SIDES, RELATION_RULES, Relation, RelationKind
from .worlds import World, WorldEntity, WorldMembership, WorldRole

__all__ = [
    "ENDPOINT_FIELDS",
    "ENDPOINT_SIDES",
    "RELATION_RULES",
    "Change",
    "Chapter",
    "Character",
    "Concept",
    "EntityImage",
    "IdempotentBatch",
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
