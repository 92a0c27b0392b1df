"""How PostgreSQL rows become graph rows: nodes, structural edges and relations.

The single-entity mirror, the rebuild and the reconcile all project through
these functions, so the three can never disagree about what the graph holds.
Labels and relationship types come only from the allow-lists below.
"""

from collections import defaultdict
from collections.abc import Collection, Iterable

from django.db.models import QuerySet

from lorebase.catalogue import CATALOGUE, ENDPOINT_TYPES, KINDS, EntityType
from lorebase.models import (
    Character,
    Relation,
    RelationKind,
    SceneParticipant,
)

MODELS = {kind.type: kind.model for kind in CATALOGUE}
# The node labels allowed in Cypher: every type's but a relation's, which is an edge.
LABELS = {kind.type: kind.label for kind in CATALOGUE if kind.label}
# Nodes of a world, in catalogue order: a scene after what its edges point at.
NODE_TYPES = tuple(entity_type for entity_type in LABELS if entity_type != EntityType.WORLD)
WORLD_LABELS = tuple(LABELS[entity_type] for entity_type in NODE_TYPES)
# Structural relationships, derived from entity fields (not Relation rows).
IN_CHAPTER, TAKES_PLACE_IN, FEATURES, PART_OF, NEXT, KILLED_BY = (
    "IN_CHAPTER",
    "TAKES_PLACE_IN",
    "FEATURES",
    "PART_OF",
    "NEXT",
    "KILLED_BY",
)
STRUCTURAL_TYPES = {
    EntityType.SCENE: (IN_CHAPTER, TAKES_PLACE_IN, FEATURES),
    EntityType.LOCATION: (PART_OF,),
    EntityType.CHARACTER: (KILLED_BY,),
}
RELATION_TYPES = tuple(kind.value for kind in RelationKind)
RELATIONSHIP_TYPES = frozenset(
    {IN_CHAPTER, TAKES_PLACE_IN, FEATURES, PART_OF, NEXT, KILLED_BY, *RELATION_TYPES}
)
ENDPOINT_LABELS = {entity_type: KINDS[entity_type].label for entity_type in ENDPOINT_TYPES}


def label(name: str) -> str:
    """`name`, once it is known to be a node label of the mirror (for a statement)."""
    if name not in LABELS.values():
        raise ValueError(f"label {name!r} is not in the allow-list")
    return name


def types(kinds: Iterable[str], allowed: Collection[str] = RELATIONSHIP_TYPES) -> str:
    """`kinds` as a Cypher type alternation (A|B), once each is known to be `allowed`."""
    kinds = list(kinds)
    for kind in kinds:
        if kind not in allowed or kind not in RELATIONSHIP_TYPES:
            raise ValueError(f"relationship type {kind!r} is not in the allow-list")
    return "|".join(kinds)


EdgeKey = tuple[str, str, str]  # (relationship type, from label, to label)


def _uid(value: object) -> str | None:
    return str(value) if value is not None else None


# What node_row and structural_edges read through foreign keys, per entity type.
_JOINS = {
    EntityType.WORLD: (),
    EntityType.CHARACTER: ("world", "status_chapter", "killed_by", "death_scene"),
    EntityType.LOCATION: ("world", "parent"),
    EntityType.SCENE: ("world", "chapter", "location"),
}


# Long texts the graph does not hold, left in PostgreSQL: a scene's script or a
# character's persona can be kilobytes, read for every row of a rebuild otherwise.
_UNREAD = {
    EntityType.WORLD: ("description",),
    EntityType.CHAPTER: ("summary", "world__description"),
    EntityType.CHARACTER: (
        *("description", "persona", "speech_style", "world__description"),
        *("killed_by__description", "killed_by__persona", "killed_by__speech_style"),
        *("death_scene__text", "death_scene__summary", "status_chapter__summary"),
    ),
    EntityType.LOCATION: ("description", "world__description", "parent__description"),
    EntityType.SCENE: ("text", "world__description", "chapter__summary", "location__description"),
    EntityType.CONCEPT: ("description", "world__description"),
}


def projection_queryset(entity_type: EntityType, queryset: QuerySet) -> QuerySet:
    """The rows with everything their node and their structural edges need, in one query."""
    return queryset.select_related(*_JOINS.get(entity_type, ("world",))).defer(
        *_UNREAD.get(entity_type, ())
    )


def node_row(entity_type: EntityType, entity: object) -> dict:
    """{uid, world, version, props} of one entity's node."""
    if entity_type == EntityType.WORLD:
        props = {"name": entity.name, "slug": entity.slug, "language": entity.language}
        world = entity.public_id
    else:
        world = entity.world.public_id
        props = {
            EntityType.CHAPTER: lambda: {"number": entity.number, "title": entity.title},
            EntityType.LOCATION: lambda: {
                "name": entity.name,
                "aliases": entity.aliases,
                "kind": entity.kind,
            },
            EntityType.CHARACTER: lambda: {
                "name": entity.name,
                "aliases": entity.aliases,
                "status": entity.status,
                "status_chapter": _uid(entity.status_chapter and entity.status_chapter.public_id),
                "death_cause": entity.death_cause,
            },
            EntityType.SCENE: lambda: {
                "title": entity.title,
                "order": entity.order,
                "summary": entity.summary,
            },
            EntityType.CONCEPT: lambda: {
                "name": entity.name,
                "aliases": entity.aliases,
                "kind": entity.kind,
            },
        }[entity_type]()
    return {
        "uid": str(entity.public_id),
        "world": str(world),
        "version": entity.version,
        "props": props,
    }


def structural_edges(entity_type: EntityType, entities: Iterable) -> dict[EdgeKey, list[dict]]:
    """Edges an entity owns through its own fields, grouped by (type, from, to)."""
    edges: dict[EdgeKey, list[dict]] = defaultdict(list)
    if entity_type == EntityType.LOCATION:
        for place in entities:
            if place.parent_id:
                edges[(PART_OF, "Location", "Location")].append(
                    _edge(place, place.parent.public_id)
                )
    elif entity_type == EntityType.CHARACTER:
        for victim in entities:
            if victim.killed_by_id:
                edges[(KILLED_BY, "Character", "Character")].append(
                    _edge(victim, victim.killed_by.public_id, _death(victim))
                )
    elif entity_type == EntityType.SCENE:
        scenes = list(entities)
        for scene in scenes:
            edges[(IN_CHAPTER, "Scene", "Chapter")].append(_edge(scene, scene.chapter.public_id))
            if scene.location_id:
                edges[(TAKES_PLACE_IN, "Scene", "Location")].append(
                    _edge(scene, scene.location.public_id)
                )
        cast = SceneParticipant.objects.filter(scene__in=scenes).values_list(
            "scene__public_id", "scene__world__public_id", "character__public_id", "role"
        )
        for scene_id, world_id, character_id, role in cast:
            edges[(FEATURES, "Scene", "Character")].append(
                {
                    "from": str(scene_id),
                    "to": str(character_id),
                    "world": str(world_id),
                    "props": {"role": role},
                }
            )
    return edges


def _death(victim: Character) -> dict:
    """The props of a KILLED_BY edge: when, where and how (the victim owns the edge)."""
    chapter, scene = victim.status_chapter, victim.death_scene
    return {
        "chapter": chapter.number if chapter else None,
        "scene": _uid(scene and scene.public_id),
        "cause": victim.death_cause,
    }


def _edge(entity: object, target_id: object, props: dict | None = None) -> dict:
    return {
        "from": str(entity.public_id),
        "to": str(target_id),
        "world": str(entity.world.public_id),
        "props": props or {},
    }


def relation_queryset(queryset: QuerySet) -> QuerySet:
    return queryset.select_related(
        "world",
        "valid_from",
        "valid_to",
        "source_character",
        "source_location",
        "source_concept",
        "target_character",
        "target_location",
        "target_concept",
    )


def relation_row(relation: Relation) -> dict:
    """A Relation as a relationship of its own kind, with its span as chapter numbers."""
    return {
        "uid": str(relation.public_id),
        "world": str(relation.world.public_id),
        "version": relation.version,
        "kind": relation.kind,
        "from_label": ENDPOINT_LABELS[relation.source_type],
        "from": str(relation.source.public_id),
        "to_label": ENDPOINT_LABELS[relation.target_type],
        "to": str(relation.target.public_id),
        "props": {
            "description": relation.description,
            "valid_from": relation.valid_from.number if relation.valid_from else None,
            "valid_to": relation.valid_to.number if relation.valid_to else None,
            "known_from_start": relation.known_from_start,
        },
    }
