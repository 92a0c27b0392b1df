"""Deterministic synthetic worlds for tests and benchmarks.

`generate_world` writes a world of the requested size in one transaction, with
`bulk_create` in batches of `BATCH_SIZE`. The same arguments give the same rows:
names, texts, numbers and public ids all come from seeded `random.Random`s.

Rows are valid by construction rather than by `full_clean` per row (far too slow
at 100k rows; the tests run it on a sample): locations are written parents first,
one level of the hierarchy at a time; scene orders count up per chapter; relation
kinds and endpoint pairs come from `RELATION_RULES`; no relation links an entity
to itself; validity spans never end before they start.

`bulk_create` bypasses `save()` and its signals, so simple-history records
nothing: every generated row has version 1 and no history rows, and nothing else
that the write services do (see `lorebase.services`) happens either.
"""

import itertools
import math
import random
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

from django.db import connection, models, transaction
from django.db.models import CASCADE

from lorebase.models import (
    RELATION_RULES,
    Chapter,
    Character,
    Concept,
    Location,
    Relation,
    RelationKind,
    Scene,
    SceneParticipant,
    World,
)
from lorebase.models.relations import CHARACTER, CONCEPT, LOCATION

from .generator_vocabulary import VOCABULARIES, Vocabulary

BATCH_SIZE = 2000
MAX_CHAPTERS = 32767  # Chapter.number is a PositiveSmallIntegerField
Progress = Callable[[int], None]
Entry = tuple[int, str]  # (pk, name) of a written row
T = TypeVar("T")

# Location hierarchy, top down, with each level's share of all locations; rooms
# take the rest. A tenth of the bottom level is wilderness directly in a region.
LOCATION_LEVELS = (
    (Location.Kind.REGION, 0.005),
    (Location.Kind.CITY, 0.045),
    (Location.Kind.DISTRICT, 0.15),
    (Location.Kind.BUILDING, 0.4),
    (Location.Kind.ROOM, None),
)
WILDERNESS_SHARE = 0.1
# Shares of `counts_for_total`; chapters grow with the square root, relations take the rest.
ENTITY_SHARES = {"locations": 0.12, "characters": 0.08, "scenes": 0.45, "concepts": 0.05}
CONCEPT_KIND_WEIGHTS = {
    Concept.Kind.FACTION: 3,
    Concept.Kind.ITEM: 3,
    Concept.Kind.MAGIC: 2,
    Concept.Kind.TERM: 3,
    Concept.Kind.EVENT: 2,
    Concept.Kind.CREATURE: 2,
    Concept.Kind.OTHER: 1,
}
# Kinds missing here (added to RELATION_RULES later) still occur, with weight 1.
RELATION_KIND_WEIGHTS = {
    RelationKind.KNOWS: 25,
    RelationKind.ALLY_OF: 10,
    RelationKind.ENEMY_OF: 8,
    RelationKind.FAMILY_OF: 6,
    RelationKind.MEMBER_OF: 10,
    RelationKind.LIVES_IN: 10,
    RelationKind.OWNS: 6,
    RelationKind.SERVES: 5,
    RelationKind.RELATES_TO: 6,
    RelationKind.PART_OF: 4,
    RelationKind.LOVES: 3,
    RelationKind.MENTOR_OF: 3,
    RelationKind.LEADS: 2,
    RelationKind.RULES: 2,
}
# How strongly early entities are preferred (1 = uniform): protagonists and hubs.
CHARACTER_SKEW, LOCATION_SKEW, CONCEPT_SKEW, PARENT_SKEW = 2.5, 3.0, 1.5, 1.6
ENDPOINT_SKEW = {CHARACTER: CHARACTER_SKEW, LOCATION: PARENT_SKEW, CONCEPT: CONCEPT_SKEW}
MIN_CAST, MAX_CAST = 2, 5


@dataclass(frozen=True)
class GeneratedWorld:
    """The new world and how many rows of each kind it got."""

    world: World
    chapters: int
    locations: int
    characters: int
    scenes: int
    concepts: int
    relations: int
    participants: int

    @property
    def entities(self) -> int:
        """World entities written; scene participants are links, not entities."""
        return (
            self.chapters
            + self.locations
            + self.characters
            + self.scenes
            + self.concepts
            + self.relations
        )


def counts_for_total(total: int) -> dict[str, int]:
    """Entity counts in realistic proportions that add up to about `total`."""
    if total < 1:
        raise ValueError(f"The number of entities must be positive, not {total}.")
    counts = {"chapters": max(1, min(MAX_CHAPTERS, round(math.sqrt(total) / 3)))}
    counts |= {name: max(1, round(total * share)) for name, share in ENTITY_SHARES.items()}
    counts["relations"] = max(1, total - sum(counts.values()))
    return counts


def generate_world(
    *,
    seed: int,
    slug: str,
    language: str = World.Language.ENGLISH,
    chapters: int,
    locations: int,
    characters: int,
    scenes: int,
    concepts: int,
    relations: int,
    progress: Progress | None = None,
) -> GeneratedWorld:
    """Write a new world `slug` and return it with its counts.

    Content depends on `seed` alone; public ids on `seed` and `slug`, so that one
    seed can fill several worlds side by side (public ids are unique). `progress`
    is called with the number of entities each batch wrote.
    """
    counts = {
        "chapters": chapters,
        "locations": locations,
        "characters": characters,
        "scenes": scenes,
        "concepts": concepts,
        "relations": relations,
    }
    _check_arguments(slug, language, counts)
    builder = _Builder(seed, slug, VOCABULARIES[language], progress or (lambda done: None))
    with transaction.atomic():
        return builder.build(language, **counts)


def delete_generated_world(world: World) -> None:
    """Delete a world and everything in it with plain SQL, for tests and benchmarks.

    The ORM cannot: it refuses to cascade over PROTECTed references (parent
    locations, chapters), and simple-history would write a row per deleted entity.
    """
    with transaction.atomic(), connection.cursor() as cursor:
        # Scene ids as an array, not a join: right after a bulk insert the planner's
        # statistics may not know the new world yet, and a join plan then takes minutes.
        scenes = list(Scene.objects.filter(world=world).values_list("pk", flat=True))
        participants = SceneParticipant._meta.db_table
        cursor.execute(f"DELETE FROM {participants} WHERE scene_id = ANY(%s)", [scenes])
        # Also whatever else cascades from the world: memberships, other apps' rows.
        cascades = [r.related_model for r in World._meta.related_objects if r.on_delete is CASCADE]
        for model in (Relation, Scene, Character, Location, Concept, Chapter, *cascades):
            cursor.execute(f"DELETE FROM {model._meta.db_table} WHERE world_id = %s", [world.pk])
        cursor.execute(f"DELETE FROM {World._meta.db_table} WHERE id = %s", [world.pk])


def public_id(rng: random.Random) -> uuid.UUID:
    """A version-4 uuid drawn from `rng`: the same seed gives the same public ids."""
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _check_arguments(slug: str, language: str, counts: dict[str, int]) -> None:
    for name, value in counts.items():
        if value < 1:
            raise ValueError(f"The number of {name} must be positive, not {value}.")
    if counts["chapters"] > MAX_CHAPTERS:
        raise ValueError(f"A world has at most {MAX_CHAPTERS} chapters.")
    if language not in VOCABULARIES:
        raise ValueError(f"Unknown language {language!r}; choose one of {sorted(VOCABULARIES)}.")
    if World.objects.filter(slug=slug).exists():
        raise ValueError(f"A world with the slug {slug!r} already exists.")


def _batch_sizes(count: int) -> Iterator[int]:
    for start in range(0, count, BATCH_SIZE):
        yield min(BATCH_SIZE, count - start)


def _level_sizes(total: int) -> list[int]:
    """Locations per hierarchy level: at least one per level while they last."""
    sizes, left = [], total
    for _, share in LOCATION_LEVELS[:-1]:
        size = min(left, max(1, round(total * share)))
        sizes.append(size)
        left -= size
    return [*sizes, left]


class _Builder:
    """Makes and writes the rows; every random choice happens in a fixed order."""

    def __init__(self, seed: int, slug: str, vocabulary: Vocabulary, progress: Progress) -> None:
        self.seed, self.slug, self.words, self.progress = seed, slug, vocabulary, progress
        self.rng = random.Random(seed)
        self.ids = random.Random(f"{seed}/{slug}")
        # What is written so far, in creation order.
        self.chapters: list[Entry] = []
        self.pools: dict[str, list[Entry]] = {CHARACTER: [], LOCATION: [], CONCEPT: []}
        self.participants = 0

    def build(self, language: str, **counts: int) -> GeneratedWorld:
        self.world = World(
            public_id=self._public_id(),
            name=self.words.world_name.format(n=self._word(3)),
            slug=self.slug,
            language=language,
            description=self.words.world_description.format(seed=self.seed),
        )
        self.world.full_clean()  # one row: checks the slug's format
        World.objects.bulk_create([self.world])
        numbers = itertools.count(1)
        self._write(
            Chapter, counts["chapters"], lambda: self._chapter(next(numbers)), self.chapters
        )
        self._locations(counts["locations"])
        self._write(Character, counts["characters"], self._character, self.pools[CHARACTER])
        self._write(Concept, counts["concepts"], self._concept, self.pools[CONCEPT])
        self._scenes(counts["scenes"])
        self._write(Relation, counts["relations"], self._relation_factory())
        return GeneratedWorld(world=self.world, participants=self.participants, **counts)

    # --- writing -------------------------------------------------------------

    def _write(
        self,
        model: type[models.Model],
        count: int,
        make: Callable[[], models.Model],
        written: list[Entry] | None = None,
    ) -> None:
        for size in _batch_sizes(count):
            rows = [make() for _ in range(size)]
            model.objects.bulk_create(rows)
            if written is not None:
                written.extend((row.pk, str(row)) for row in rows)
            self.progress(size)

    def _locations(self, total: int) -> None:
        """One level at a time, so that every parent has its pk before its children."""
        regions: list[Entry] = []
        parents: list[Entry] = []
        for (kind, _), size in zip(LOCATION_LEVELS, _level_sizes(total), strict=True):
            level: list[Entry] = []
            self._write(Location, size, partial(self._location, kind, parents, regions), level)
            regions = regions or level
            parents = level
            self.pools[LOCATION].extend(level)

    def _scenes(self, count: int) -> None:
        # Chapters of uneven length; cumulative weights keep each draw a bisection.
        self.chapter_weights = list(
            itertools.accumulate(self.rng.uniform(0.5, 1.5) for _ in self.chapters)
        )
        self.next_order = [1] * len(self.chapters)
        self.hubs = list(self.pools[LOCATION])
        self.rng.shuffle(self.hubs)  # hubs of any kind, not only the regions written first
        for size in _batch_sizes(count):
            made = [self._scene() for _ in range(size)]
            Scene.objects.bulk_create([scene for scene, _ in made])
            cast = [
                SceneParticipant(scene_id=scene.pk, character_id=character, role=role)
                for scene, roles in made
                for character, role in roles
            ]
            SceneParticipant.objects.bulk_create(cast, batch_size=BATCH_SIZE)
            self.participants += len(cast)
            self.progress(size)

    # --- one row each ----------------------------------------------------------

    def _chapter(self, number: int) -> Chapter:
        return Chapter(
            world=self.world,
            public_id=self._public_id(),
            number=number,
            title=self._pick(self.words.chapter_titles),
            summary=self.words.chapter_summary.format(
                number=number, theme=self._pick(self.words.themes), n=self._word(2)
            ),
        )

    def _location(self, kind: str, parents: list[Entry], regions: list[Entry]) -> Location:
        if kind == Location.Kind.ROOM and self.rng.random() < WILDERNESS_SHARE:
            kind, parents = Location.Kind.WILDERNESS, regions
        parent = parents[self._skewed(len(parents), PARENT_SKEW)] if parents else None
        feature = self._pick(self.words.features)
        description = (
            self.words.place_description.format(parent=parent[1], feature=feature)
            if parent
            else self.words.root_place_description.format(feature=feature)
        )
        return Location(
            world=self.world,
            public_id=self._public_id(),
            name=self._pick(self.words.place_names[kind]).format(n=self._word(2)),
            kind=kind,
            parent_id=parent[0] if parent else None,
            description=description,
        )

    def _character(self) -> Character:
        words, rng = self.words, self.rng
        status, status_chapter = Character.Status.ALIVE, None
        if (roll := rng.random()) < 0.06:  # a few died or went missing in some chapter
            status = Character.Status.DEAD if roll < 0.04 else Character.Status.MISSING
            status_chapter = self._pick(self.chapters)[0]
        return Character(
            world=self.world,
            public_id=self._public_id(),
            name=self._person_name(),
            aliases=[self._word(2)] if rng.random() < 0.2 else [],
            description=words.character_description.format(
                trait=self._pick(words.traits),
                occupation=self._pick(words.occupations),
                place=self._pick(self.pools[LOCATION])[1],
            ),
            persona=words.persona.format(
                want=self._pick(words.wants), fear=self._pick(words.fears)
            ),
            speech_style=self._pick(words.speech_styles),
            status=status,
            status_chapter_id=status_chapter,
        )

    def _concept(self) -> Concept:
        kind = self.rng.choices(list(CONCEPT_KIND_WEIGHTS), list(CONCEPT_KIND_WEIGHTS.values()))[0]
        return Concept(
            world=self.world,
            public_id=self._public_id(),
            name=self._pick(self.words.concept_names[kind]).format(n=self._word(2)),
            kind=kind,
            description=self.words.concept_description.format(
                place=self._pick(self.pools[LOCATION])[1], theme=self._pick(self.words.themes)
            ),
        )

    def _scene(self) -> tuple[Scene, list[tuple[int, str]]]:
        """A scene and its cast as (character pk, role)."""
        words, rng = self.words, self.rng
        chapter = rng.choices(range(len(self.chapters)), cum_weights=self.chapter_weights)[0]
        order, self.next_order[chapter] = self.next_order[chapter], self.next_order[chapter] + 1
        place = (
            self.hubs[self._skewed(len(self.hubs), LOCATION_SKEW)] if rng.random() > 0.03 else None
        )
        cast = self._cast()
        names = [self.pools[CHARACTER][index][1] for index in cast]
        fill = {
            "a": names[0],
            "b": names[-1],
            "place": place[1] if place else words.nowhere,
            "concept": self.pools[CONCEPT][self._skewed(len(self.pools[CONCEPT]), CONCEPT_SKEW)][1],
        }
        scene = Scene(
            world=self.world,
            public_id=self._public_id(),
            chapter_id=self.chapters[chapter][0],
            order=order,
            title=self._pick(words.scene_titles).format(**fill),
            summary=words.scene_summary.format(**fill),
            text="\n".join(f"{name}: {self._pick(words.lines)}" for name in names[:3]),
            location_id=place[0] if place else None,
        )
        roles = [SceneParticipant.Role.SPEAKER] + [self._role() for _ in cast[1:]]
        return scene, [(self.pools[CHARACTER][i][0], r) for i, r in zip(cast, roles, strict=True)]

    def _cast(self) -> list[int]:
        """2 to 5 different characters (fewer if there are fewer), protagonists most often."""
        count = len(self.pools[CHARACTER])
        size = min(count, self.rng.randint(MIN_CAST, MAX_CAST))
        cast: list[int] = []
        while len(cast) < size:
            index = self._skewed(count, CHARACTER_SKEW)
            if index not in cast:
                cast.append(index)
        return cast

    def _role(self) -> str:
        roles = (SceneParticipant.Role.SPEAKER, SceneParticipant.Role.PRESENT)
        return self.rng.choices((*roles, SceneParticipant.Role.MENTIONED), (4, 4.5, 1.5))[0]

    def _relation_factory(self) -> Callable[[], Relation]:
        """Relations of each (kind, source type, target type) that RELATION_RULES allows."""
        options, weights = [], []
        for kind in sorted(RELATION_RULES):
            pairs = [pair for pair in sorted(RELATION_RULES[kind]) if self._can_link(*pair)]
            for source, target in pairs:
                options.append((kind, source, target))
                weights.append(RELATION_KIND_WEIGHTS.get(kind, 1) / len(pairs))
        cum_weights = list(itertools.accumulate(weights))
        return lambda: self._relation(*self.rng.choices(options, cum_weights=cum_weights)[0])

    def _can_link(self, source: str, target: str) -> bool:
        # Self-relations are refused, so a type linked to itself needs two entities.
        return source != target or len(self.pools[source]) > 1

    def _relation(self, kind: str, source_type: str, target_type: str) -> Relation:
        source = self._endpoint(source_type)
        target = self._endpoint(target_type)
        while target_type == source_type and target == source:
            target = self._endpoint(target_type)
        label = self.words.relation_labels.get(kind, self.words.default_relation_label)
        relation = Relation(
            world=self.world,
            public_id=self._public_id(),
            kind=kind,
            description=self.words.relation_description.format(
                source=source[1], label=label, target=target[1]
            ),
        )
        setattr(relation, f"source_{source_type}_id", source[0])
        setattr(relation, f"target_{target_type}_id", target[0])
        relation.valid_from_id, relation.valid_to_id = self._span()
        return relation

    def _endpoint(self, type_name: str) -> Entry:
        pool = self.pools[type_name]
        return pool[self._skewed(len(pool), ENDPOINT_SKEW[type_name])]

    def _span(self) -> tuple[int | None, int | None]:
        """Most relations always hold; some start, end, or both, in some chapter."""
        roll, count = self.rng.random(), len(self.chapters)
        if roll < 0.15:
            start, end = sorted(self.rng.randrange(count) for _ in range(2))  # by chapter number
            return self.chapters[start][0], self.chapters[end][0]
        if roll < 0.22:
            return self._pick(self.chapters)[0], None
        if roll < 0.25:
            return None, self._pick(self.chapters)[0]
        return None, None

    # --- randomness ------------------------------------------------------------

    def _public_id(self) -> uuid.UUID:
        return public_id(self.ids)

    def _pick(self, items: Sequence[T]) -> T:
        return items[self.rng.randrange(len(items))]

    def _skewed(self, count: int, power: float) -> int:
        """An index below `count`, low ones far more often when `power` > 1."""
        return int(count * self.rng.random() ** power)

    def _person_name(self) -> str:
        given = self._word(self.rng.randint(2, 3))
        return f"{given} {self._word(2)}{self._pick(self.words.surname_endings)}"

    def _word(self, syllables: int) -> str:
        words = self.words
        word = "".join(
            self._pick(words.onsets) + self._pick(words.vowels) for _ in range(syllables)
        )
        return (word + self._pick(words.codas)).capitalize()
