"""A world's export documents read from the database: a few queries per entity type.

`fingerprints` is the cheap half: one narrow query per type whose result changes
whenever an entity's file would. The entity's primary key and version cover its
own saves (a version only grows; a deleted and re-imported entity has a new key).
Its relations, stored in its file, a scene's cast and the references the database
clears itself (on_delete SET_NULL: a scene's place, a killer, a death scene) can
also change without a save of the entity, through a cascade: the references
themselves, counts, the newest row's key and the sum of the relations' versions
catch every insert, delete and update of those rows.
"""

import uuid
from collections import defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import SET_NULL, CharField, Count, Max, QuerySet, Sum, Value
from django.db.models.functions import Cast, Coalesce, Concat
from taggit.models import TaggedItem

from lorebase.catalogue import CATALOGUE, ENDPOINT_TYPES
from lorebase.models import (
    EntityImage,
    Relation,
    SceneParticipant,
    World,
    WorldEntity,
)

from .formats import (
    FORMAT_VERSION,
    IMAGES,
    IMAGES_DIR,
    MANIFEST,
    RELATION,
    TAGS,
    TYPES,
    entity_path,
)

_KINDS = {kind.path: kind for kind in CATALOGUE}
# Directory → model, in the order an import creates them (TYPES).
MODELS: dict[str, type[WorldEntity]] = {path: _KINDS[path].model for path in TYPES}
# Directory → the entity type whose files hold the relations it is the source of.
SOURCE_SIDE = {path: _KINDS[path].type.value for path in TYPES if _KINDS[path].endpoint}
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
    model = MODELS[entity_type]
    rows: QuerySet = model.objects.filter(world=world)
    parts: list = [Cast("pk", CharField()), Cast("version", CharField())]
    parts += [
        Cast(f"{field.attribute}_id", CharField())
        for field in TYPES[entity_type]
        if field.kind == "ref"
        and model._meta.get_field(field.attribute).remote_field.on_delete is SET_NULL
    ]
    if entity_type == "scenes":
        # A role change in place always comes with a new scene version.
        parts += _rows("participations")
    elif entity_type in SOURCE_SIDE:
        parts += [*_rows("relations_out"), Cast(Sum("relations_out__version"), CharField())]
    fingerprint = Concat(*_separated(parts), output_field=CharField())
    return {
        pk: (str(public_id), print_)
        for pk, public_id, print_ in rows.values_list("pk", "public_id", fingerprint)
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
    built = {
        field.key: _BUILT.get(field.key, _lists)(world, entity_type, pks)
        for field in fields
        if not field.lookup
    }
    lookups = ("pk", *(field.lookup for field in scalars))
    for pk, *values in rows.order_by("public_id").values_list(*lookups).iterator(CHUNK):
        plain = {field.key: _plain(value) for field, value in zip(scalars, values, strict=True)}
        data = {
            field.key: plain[field.key] if field.lookup else built[field.key][pk]
            for field in fields
        }
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


def _tags(world: World, entity_type: str, pks: Collection[int] | None) -> dict[int, list]:
    """Tag names of each entity, sorted, by pk."""
    model = MODELS[entity_type]
    owners = model._default_manager.filter(world=world)
    if pks is not None:
        owners = owners.filter(pk__in=pks)
    return _tag_names(model, owners)


def _tag_names(model: type[WorldEntity], owners: QuerySet) -> dict[int, list]:
    rows = TaggedItem.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id__in=owners.values("pk")
    ).order_by("object_id", "tag__name")
    grouped: dict[int, list] = defaultdict(list)
    for pk, name in rows.values_list("object_id", "tag__name").iterator(CHUNK):
        grouped[pk].append(name)
    return grouped


def _images(world: World, entity_type: str, pks: Collection[int] | None) -> dict[int, list]:
    """Pictures of each entity (kind, label, file by content hash), by pk."""
    owner = f"{_KINDS[entity_type].type.value}_id"
    rows = EntityImage.objects.filter(world=world, **{f"{owner}__isnull": False})
    if pks is not None:
        rows = rows.filter(**{f"{owner}__in": pks})
    grouped: dict[int, list] = defaultdict(list)
    ordered = rows.order_by(owner, "kind", "label", "content_hash")
    for pk, kind, label, name in ordered.values_list(owner, "kind", "label", "file").iterator(
        CHUNK
    ):
        grouped[pk].append({"kind": kind, "label": label, "file": PurePosixPath(name).name})
    return grouped


_BUILT = {TAGS.key: _tags, IMAGES.key: _images}


def image_files(world: World) -> dict[str, EntityImage]:
    """Every picture of the world by its export path (<slug>/images/<hash>.<ext>), once."""
    found: dict[str, EntityImage] = {}
    for image in EntityImage.objects.filter(world=world).order_by("content_hash", "id"):
        path = f"{world.slug}/{IMAGES_DIR}/{PurePosixPath(image.file.name).name}"
        found.setdefault(path, image)
    return found


def _relation_rows(relations: QuerySet, source: str) -> Iterator[tuple[int, dict[str, Any]]]:
    tags = _tag_names(Relation, relations)
    targets = [f"target_{side}__public_id" for side in ENDPOINT_TYPES]
    lookups = (source, "pk", "public_id", "kind", *targets, "valid_from__public_id")
    rest = ("valid_to__public_id", "known_from_start", "description")
    for row in relations.values_list(*lookups, *rest).iterator(CHUNK):
        source_pk, pk, public_id, kind, *ends, valid_from, valid_to, known, description = row
        side, target = next((s, t) for s, t in zip(ENDPOINT_TYPES, ends, strict=True) if t)
        values = (public_id, kind, side, target, valid_from, valid_to, known, tags[pk], description)
        yield source_pk, {f.key: _plain(v) for f, v in zip(RELATION, values, strict=True)}


def _rows(relation: str) -> list:
    """How many related rows, and the newest one's key (an insert always raises it)."""
    return [Cast(Count(relation), CharField()), Cast(Max(f"{relation}__pk"), CharField())]


def _separated(parts: list) -> list:
    """`a:b:c`, an empty part (NULL) staying empty."""
    joined: list = []
    for part in parts:
        joined += [Coalesce(part, Value("")), Value(":")]
    return joined[:-1]


def _plain(value: Any) -> Any:
    return str(value) if isinstance(value, uuid.UUID) else value
