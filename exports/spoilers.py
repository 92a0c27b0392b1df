"""When the player first meets each character and place: the no-spoiler rule of search
(search.text.FIRST_CHAPTER), read through the ORM for the exports.

A character or a place exists from the first chapter with a scene it is in (any
role, or as the scene's place); one that is in no scene is always known; a
concept is in no chapter, so always known.
"""

from django.db.models import Min

from lorebase.models import Character, Location, World, WorldEntity

FIRST_SEEN = {
    Character: "participations__scene__chapter__number",
    Location: "scenes__chapter__number",
}

Key = tuple[str, int]


def key(entity: WorldEntity) -> Key:
    return type(entity).__name__, entity.pk


def first_chapters(world: World) -> dict[Key, int]:
    """(type name, pk) → the chapter number it is first seen in, for those seen at all."""
    found: dict[Key, int] = {}
    for model, path in FIRST_SEEN.items():
        rows = model._default_manager.filter(world=world).annotate(first=Min(path))
        for pk, first in rows.filter(first__isnull=False).values_list("pk", "first"):
            found[model.__name__, pk] = first
    return found


def known(first: dict[Key, int], entity: WorldEntity, as_of: int | None) -> bool:
    """Whether the player knows the entity by the end of chapter `as_of` (None: the end)."""
    seen = first.get(key(entity))
    return as_of is None or seen is None or seen <= as_of
