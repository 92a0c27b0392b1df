"""The entity types of the lore, one entry each; every layer reads its lists from here.

The stored name of a type (`EntityType`) is written into rows, tasks and the
graph, so it never changes. Each model declares the name it is stored under
(`entity_type`, a class attribute): renaming a class changes nothing stored.
"""

import builtins
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.db import models


class EntityType(models.TextChoices):
    WORLD = "world", "World"
    CHAPTER = "chapter", "Chapter"
    LOCATION = "location", "Location"
    CHARACTER = "character", "Character"
    SCENE = "scene", "Scene"
    CONCEPT = "concept", "Concept"
    RELATION = "relation", "Relation"


@dataclass(frozen=True)
class EntityKind:
    type: EntityType
    label: str | None  # the graph's node label; a relation is an edge, not a node
    path: str  # the segment of its API path and its export directory
    endpoint: bool = False  # can be the source or the target of a relation

    @property
    def model(self) -> builtins.type[models.Model]:  # `type` here is the field above
        return _declared_models()[self.type]


# In the order lists show them (relation endpoints: character, location, concept).
CATALOGUE = (
    EntityKind(EntityType.WORLD, "World", "worlds"),
    EntityKind(EntityType.CHAPTER, "Chapter", "chapters"),
    EntityKind(EntityType.CHARACTER, "Character", "characters", endpoint=True),
    EntityKind(EntityType.LOCATION, "Location", "locations", endpoint=True),
    EntityKind(EntityType.CONCEPT, "Concept", "concepts", endpoint=True),
    EntityKind(EntityType.SCENE, "Scene", "scenes"),
    EntityKind(EntityType.RELATION, None, "relations"),
)
KINDS: dict[str, EntityKind] = {kind.type: kind for kind in CATALOGUE}
# Plain stored names: they go into YAML, JSON and column names as they are.
ENDPOINT_TYPES = tuple(kind.type.value for kind in CATALOGUE if kind.endpoint)


def models_of(entity_types: Iterable[str]) -> dict[str, type[models.Model]]:
    """{stored name: model} of these types, in their order (once the models are loaded)."""
    return {EntityType(t).value: KINDS[t].model for t in entity_types}


def entity_type_of(instance: object) -> EntityType:
    """The stored type of an entity: what its model declares, never its class name."""
    return EntityType(getattr(type(instance), "entity_type"))  # noqa: B009  (any model)


@cache
def _declared_models() -> dict[EntityType, type[models.Model]]:
    # Models import this module to declare their type, so it finds them in the
    # app registry rather than importing them.
    declared: dict[EntityType, type[models.Model]] = {}
    for model in apps.get_app_config("lorebase").get_models():
        entity_type = vars(model).get("entity_type")
        if isinstance(entity_type, EntityType):  # not a log's entity_type field
            if entity_type in declared:
                raise LookupError(f"Two models declare the entity type {entity_type!r}.")
            declared[entity_type] = model
    return declared
