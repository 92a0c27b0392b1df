"""A world's story in order, for the admin's timeline: reads only.

Per chapter: its scenes (place, cast, the first line of the summary), the
relations that begin or end in it and the deaths in it. Cut to one character, it
is their arc: their scenes, their relations, the deaths they suffer or cause, and
what they know as of each chapter — the relations that hold then and that they
know of: one that began on the page, one known from the start, one with a place or
a concept, or one whose other party they have shared a scene with by then.
Cut to a place, the scenes there or in a place inside it.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q

from .models import ENDPOINT_FIELDS, Chapter, Character, Location, Relation, Scene, World


@dataclass
class SceneLine:
    scene: Scene
    cast: list[Character]
    summary: str  # its first line


@dataclass
class ChapterLine:
    chapter: Chapter
    scenes: list[SceneLine] = field(default_factory=list)
    beginning: list[Relation] = field(default_factory=list)
    ending: list[Relation] = field(default_factory=list)
    deaths: list[Character] = field(default_factory=list)
    known: list[Relation] = field(default_factory=list)  # the character's, as of the chapter


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def places_within(place: Location) -> set[int]:
    """The place and every place inside it (any depth), by pk."""
    found, frontier = {place.pk}, {place.pk}
    while frontier:
        frontier = set(
            Location.objects.filter(parent__in=frontier)
            .exclude(pk__in=found)
            .values_list("pk", flat=True)
        )
        found |= frontier
    return found


def _touching(character: Character) -> Q:
    return Q(**{"source_character": character}) | Q(**{"target_character": character})


def _other_party(relation: Relation, character: Character) -> object:
    ends = [getattr(relation, f) for f in ENDPOINT_FIELDS]
    return next((end for end in ends if end is not None and end != character), None)


def world_timeline(
    *, world: World, character: Character | None = None, place: Location | None = None
) -> list[ChapterLine]:
    """The world's chapters in order, each with what happens in it (cut as asked)."""
    lines = {c.pk: ChapterLine(c) for c in Chapter.objects.filter(world=world).order_by("number")}
    scenes = (
        Scene.objects.filter(world=world)
        .select_related("location", "chapter")
        .prefetch_related("participations__character")
        .order_by("chapter__number", "order", "pk")
    )
    relations = Relation.objects.filter(world=world).select_related(
        *ENDPOINT_FIELDS, "valid_from", "valid_to"
    )
    deaths = Character.objects.filter(world=world, status=Character.Status.DEAD)
    if character is not None:
        scenes = scenes.filter(participations__character=character)
        relations = relations.filter(_touching(character))
        deaths = deaths.filter(Q(pk=character.pk) | Q(killed_by=character))
    if place is not None:
        scenes = scenes.filter(location__in=places_within(place))
    for scene in scenes:
        cast = [p.character for p in scene.participations.all()]
        lines[scene.chapter_id].scenes.append(SceneLine(scene, cast, _first_line(scene.summary)))
    if place is None:  # relations and deaths have no place
        for relation in relations:
            if relation.valid_from_id in lines:
                lines[relation.valid_from_id].beginning.append(relation)
            if relation.valid_to_id in lines:
                lines[relation.valid_to_id].ending.append(relation)
        for dead in deaths.select_related("killed_by", "death_scene"):
            if dead.status_chapter_id in lines:
                lines[dead.status_chapter_id].deaths.append(dead)
        if character is not None:
            _knowledge(list(lines.values()), character, list(relations))
    return list(lines.values())


def _knowledge(lines: list[ChapterLine], character: Character, relations: list[Relation]) -> None:
    """Fill each chapter's `known`: the character's relations they know of by then."""
    met: dict[int, set[int]] = defaultdict(set)  # chapter number → characters met by then
    seen: set[int] = set()
    for line in lines:
        for scene_line in line.scenes:
            seen |= {c.pk for c in scene_line.cast if c.pk != character.pk}
        met[line.chapter.number] = set(seen)
    for line in lines:
        number = line.chapter.number
        for relation in relations:
            starts = relation.valid_from.number if relation.valid_from else None
            ends = relation.valid_to.number if relation.valid_to else None
            if (starts or 0) > number or (ends is not None and ends < number):
                continue
            other = _other_party(relation, character)
            # A place or a concept is theirs to know; another character once met.
            knows = (
                starts is not None
                or relation.known_from_start
                or not isinstance(other, Character)
                or other.pk in met[number]
            )
            if knows:
                line.known.append(relation)
