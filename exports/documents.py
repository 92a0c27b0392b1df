"""A world's export documents read from the database: a few queries per entity type.

`fingerprints` is the cheap half: one narrow query per type that changes
whenever an entity's file would. Versions cover the entity's own saves; the
rest are changes made without a save of the entity: its relations (stored in its
file) and, for scenes, a cast or a location removed by a cascade.
"""

import hashlib
import uuid
from collections import defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.aggregates import StringAgg
from django.db.models import CharField, QuerySet, Value
from django.db.models.functions import Cast, Concat

from lorebase.models import (
    Chapter,
    Character,
    Concept,
    Location,
    Relation,
    Scene,
    SceneParticipant,
    World,
    WorldEntity,
)
from lorebase.models.relations import ENDPOINT_MODELS

from .formats import FORMAT_VERSION, MANIFEST, RELATION, TYPES, entity_path

MODELS: dict[str, type[WorldEntity]] = {
    "chapters": Chapter,
    "locations": Location,
    "characters": Character,
    "concepts": Concept,
    "scenes": Scene,
}
SOURCE_SIDE = {"locations": "location", "characters": "character", "concepts": "concept"}
CHUNK = 2000


@dataclass(frozen=True)
class Document:
    type: str
    pk: int
    public_id: str
    path: str
    data: dict[str, Any]


def manifest(world: World) -> Document:
    data = {
        "format": FORMAT_VERSION,
        "id": str(world.public_id),
        "name": world.name,
        "slug": world.slug,
        "language": str(world.language),  # a Language member until reloaded
        "description": world.description,
    }
    return Document("world", world.pk, data["id"], f"{world.slug}/{MANIFEST}", data)


def fingerprints(world: World, entity_type: str) -> dict[int, tuple[str, str]]:
    """pk → (public id, fingerprint) of every entity of the type in the world."""
    rows: QuerySet = MODELS[entity_type].objects.filter(world=world)
    extra: list[str] = []
    if entity_type == "scenes":
        rows = rows.annotate(cast=_joined("participations", "character_id", "role"))
        extra = ["location_id", "cast"]
    elif entity_type in SOURCE_SIDE:
        rows = rows.annotate(links=_joined("relations_out", "public_id", "version"))
        extra = ["links"]
    return {
        pk: (str(public_id), _digest(version, *rest))
        for pk, public_id, version, *rest in rows.values_list(
            "pk", "public_id", "version", *extra
        ).iterator(chunk_size=CHUNK)
    }


def documents(
    world: World, entity_type: str, pks: Collection[int] | None = None
) -> Iterator[Document]:
    """The documents of one type, ordered by public id; only `pks` when given."""
    fields = TYPES[entity_type]
    rows: QuerySet = MODELS[entity_type].objects.filter(world=world)
    if pks is not None:
        rows = rows.filter(pk__in=pks)
    scalars = [field for field in fields if field.lookup]
    lists = _lists(world, entity_type, pks)
    lookups = ("pk", *(field.lookup for field in scalars))
    for pk, *values in rows.order_by("public_id").values_list(*lookups).iterator(CHUNK):
        plain = {field.key: _plain(value) for field, value in zip(scalars, values, strict=True)}
        data = {field.key: plain[field.key] if field.lookup else lists[pk] for field in fields}
        yield Document(
            entity_type, pk, data["id"], entity_path(world.slug, entity_type, data), data
        )


def _lists(world: World, entity_type: str, pks: Collection[int] | None) -> dict[int, list]:
    """Relations of each source entity, or the cast of each scene, by pk."""
    grouped: dict[int, list] = defaultdict(list)
    if entity_type == "scenes":
        cast = SceneParticipant.objects.filter(scene__world=world)
        if pks is not None:
            cast = cast.filter(scene_id__in=pks)
        rows = cast.order_by("scene_id", "character__public_id").values_list(
            "scene_id", "character__public_id", "role"
        )
        for scene, character, role in rows.iterator(CHUNK):
            grouped[scene].append({"character": str(character), "role": role})
    elif entity_type in SOURCE_SIDE:
        source = f"source_{SOURCE_SIDE[entity_type]}_id"
        relations = Relation.objects.filter(world=world, **{f"{source}__isnull": False})
        if pks is not None:
            relations = relations.filter(**{f"{source}__in": pks})
        for source_pk, data in _relation_rows(relations.order_by("public_id"), source):
            grouped[source_pk].append(data)
    return grouped


def _relation_rows(relations: QuerySet, source: str) -> Iterator[tuple[int, dict[str, Any]]]:
    targets = [f"target_{side}__public_id" for side in ENDPOINT_MODELS]
    lookups = (source, "public_id", "kind", *targets, "valid_from__public_id")
    for row in relations.values_list(*lookups, "valid_to__public_id", "description").iterator(
        CHUNK
    ):
        source_pk, public_id, kind, *ends, valid_from, valid_to, description = row
        side, target = next((s, t) for s, t in zip(ENDPOINT_MODELS, ends, strict=True) if t)
        values = (public_id, kind, side, target, valid_from, valid_to, description)
        yield source_pk, {f.key: _plain(v) for f, v in zip(RELATION, values, strict=True)}


def _joined(relation: str, *columns: str) -> StringAgg:
    """`a:b,c:d`: the related rows' columns, in a stable order, as one string."""
    parts: list = []
    for column in columns:
        parts += [Cast(f"{relation}__{column}", CharField()), Value(":")]
    return StringAgg(
        Concat(*parts[:-1], output_field=CharField()),
        delimiter=",",
        order_by=(f"{relation}__{columns[0]}",),
    )


def _digest(*values: object) -> str:
    return hashlib.blake2b("|".join(map(str, values)).encode(), digest_size=8).hexdigest()


def _plain(value: Any) -> Any:
    return str(value) if isinstance(value, uuid.UUID) else value
