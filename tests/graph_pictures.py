"""What the admin's graph pictures should show, worked out from PostgreSQL alone.

The pictures read the graph mirror; these answers come from the relational rows,
so a test comparing the two checks the walk, not a copy of it.
"""

from django.db.models import Min, Q
from django.urls import reverse

from lorebase.models import Character, Concept, Location, Scene, World
from lorebase.selectors import entity_relations


def neighbourhood_ids(character: Character) -> set[str]:
    """Depth 1 around a character: itself, the scenes it is in, its relations' other ends."""
    scenes = Scene.objects.filter(participations__character=character)
    others = {
        relation.target if relation.source == character else relation.source
        for relation in entity_relations(entity=character)
    }
    return {str(entity.public_id) for entity in (character, *scenes, *others)}


# Where each type's first chapter is read from; a concept is in no chapter.
FIRST_CHAPTER = {
    "scene": "chapter__number",
    "character": "participations__scene__chapter__number",
    "location": "scenes__chapter__number",
}
MODELS = {"character": Character, "location": Location, "scene": Scene, "concept": Concept}


def world_ids(world: World, types: tuple[str, ...], as_of: int | None = None) -> set[str]:
    """The world's entities of `types` as of a chapter: later scenes, and characters and
    places first seen in them, left out."""
    ids = set()
    for type_name in types:
        rows = MODELS[type_name].objects.filter(world=world)
        if as_of is not None and type_name in FIRST_CHAPTER:
            rows = rows.annotate(first=Min(FIRST_CHAPTER[type_name]))
            rows = rows.filter(Q(first__isnull=True) | Q(first__lte=as_of))
        ids |= {str(public_id) for public_id in rows.values_list("public_id", flat=True)}
    return ids


def admin_url(entity: object) -> str:
    return reverse(f"admin:lorebase_{type(entity).__name__.lower()}_change", args=[entity.pk])
