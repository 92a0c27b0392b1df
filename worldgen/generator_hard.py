"""A small world whose names collide, nest and repeat: the ground truth of the quality benches.

`generate_hard_world` writes one edition (English or Russian) of the same story.
Every class of hard name occurs several times: shared surnames (Mira and Tomas
Vance; Анна Громова and Пётр Громов), a name that starts another (the dog Lady
and Lady Ash), names with function words (The Ferryman, Top of the Gate),
numbered extras beside a near name (Guard #2, Piper #3, Viper), titles (Ser
Aldric beside Aldric), three places called The Gate in three regions, and
chapter titles that contain names (The Fox and the Crown, beside The Crown
King). The story has deaths with killers and death scenes, relations with and
without spans (some timeless between people who first meet later, some known
from the start), and pairs who meet several times.

Unlike `generate_world`, every row goes through `lorebase.services`, as the
demo world does: validation, versions, history and outbox rows, so the graph
mirror and the change feed see this world like any other. The same seed gives
the same world; the editions differ in names and texts only.
"""

import random
from dataclasses import dataclass
from typing import TypeVar

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from lorebase.models import (
    Chapter,
    Character,
    Concept,
    Location,
    Relation,
    RelationKind,
    Scene,
    SceneParticipant,
    World,
    WorldEntity,
)
from lorebase.services import entity_save, scene_set_participants, world_create

from .generator import public_id
from .generator_vocabulary import HARD_EDITIONS, VOCABULARIES, HardEdition

CHAPTERS = 8
# Who belongs to which class of hard name, by the people's keys (the same in every edition).
NAME_CLASSES: dict[str, tuple[str, ...]] = {
    "shared surnames": ("mira", "tomas", "edda", "corin", "ivo"),
    "prefix names": ("lady", "lady_ash", "nessa", "nessa_reed", "bram", "bram_oakes"),
    "function-word names": ("ferryman", "crown_king", "widow"),
    "numbered extras": ("guard1", "guard2", "guard3", "piper3", "piper4", "viper"),
    "titles": ("aldric", "ser_aldric", "maester_oren", "oren", "captain_roan"),
}
ORDINARY = tuple(f"o{number}" for number in range(1, 16))
DOG = "lady"  # never speaks, never kills, never dies
# The nastiest pairs meet again and again, so that first and last meetings differ.
PAIRS = (
    ("mira", "tomas"),
    ("tomas", "edda"),
    ("mira", "edda"),
    ("corin", "ivo"),
    ("lady", "lady_ash"),
    ("nessa", "nessa_reed"),
    ("bram", "bram_oakes"),
    ("ferryman", "crown_king"),
    ("widow", "ferryman"),
    ("guard1", "guard2"),
    ("guard2", "guard3"),
    ("piper3", "viper"),
    ("piper4", "viper"),
    ("piper3", "piper4"),
    ("aldric", "ser_aldric"),
    ("oren", "maester_oren"),
    ("captain_roan", "guard3"),
)
K = RelationKind
# Relations of every seed: (kind, source, target, valid_from, valid_to, known_from_start).
RELATIONS = (
    (K.FAMILY_OF, "mira", "tomas", None, None, True),
    (K.FAMILY_OF, "tomas", "edda", None, None, True),
    (K.FAMILY_OF, "corin", "ivo", None, None, True),
    (K.FAMILY_OF, "nessa", "nessa_reed", None, None, True),
    (K.SERVES, "guard1", "captain_roan", None, None, False),
    (K.SERVES, "guard2", "captain_roan", 1, 4, False),
    (K.SERVES, "guard3", "captain_roan", 2, None, False),
    (K.SERVES, "captain_roan", "crown_king", None, None, False),
    (K.SERVES, "ser_aldric", "crown_king", 1, 5, False),
    (K.ENEMY_OF, "ser_aldric", "crown_king", 6, None, False),
    (K.SERVES, "piper3", "viper", None, None, False),
    (K.SERVES, "piper4", "viper", 3, None, False),
    (K.SERVES, "lady", "lady_ash", None, None, True),
    (K.SERVES, "bram_oakes", "widow", None, None, False),
    (K.MENTOR_OF, "maester_oren", "aldric", None, None, False),
    (K.MENTOR_OF, "oren", "nessa", 2, None, False),
    (K.MENTOR_OF, "ser_aldric", "bram", 2, 6, False),
    (K.MENTOR_OF, "ferryman", "nessa_reed", None, None, False),
    (K.ENEMY_OF, "tomas", "corin", 3, None, False),
    (K.ENEMY_OF, "crown_king", "widow", None, None, False),
    (K.ENEMY_OF, "viper", "guard2", None, None, False),
    (K.ALLY_OF, "mira", "ivo", 1, 4, False),
    (K.ALLY_OF, "lady_ash", "nessa_reed", None, None, False),
    (K.ALLY_OF, "aldric", "bram_oakes", 2, None, False),
)
RANDOM_KINDS = (K.ENEMY_OF, K.ALLY_OF, K.MENTOR_OF, K.SERVES, K.KNOWS, K.LOVES)
RANDOM_RELATIONS = 20
LATE_RELATIONS = 6  # timeless, between people who first share a scene in chapter 3 or later
LATE_FAMILIES = 2  # the same, but known from the start
FILLER_SCENES = 8  # per chapter, besides the meetings and the deaths
# Places where more happens: the three Gates and the names with function words.
BUSY_PLACES = {"gate_north": 3, "gate_brine": 3, "gate_ember": 3, "top": 2, "fox": 3}
ROLE = SceneParticipant.Role
T = TypeVar("T", bound=WorldEntity)


@dataclass(frozen=True)
class _Death:
    victim: str
    killer: str
    chapter: int
    cause: int  # index into the edition's causes
    on_page: bool  # False: no death scene, only the chapter


@dataclass(frozen=True)
class _Scene:
    chapter: int
    place: str
    cast: tuple[tuple[str, str], ...]  # (person key, role)
    victim: str | None = None  # set on a death scene


def generate_hard_world(
    *,
    seed: int,
    slug: str,
    language: str = World.Language.ENGLISH,
    owner: AbstractBaseUser | None = None,
) -> World:
    """Write the hard-names world `slug` in one language; content depends on `seed` alone."""
    if language not in HARD_EDITIONS:
        raise ValueError(f"Unknown language {language!r}; choose one of {sorted(HARD_EDITIONS)}.")
    with transaction.atomic():
        return _HardBuilder(seed, slug, HARD_EDITIONS[language], language).build(owner)


class _HardBuilder:
    """Plans the story from the seed (deaths, then scenes), then writes it in a fixed order."""

    def __init__(self, seed: int, slug: str, edition: HardEdition, language: str) -> None:
        self.seed, self.slug, self.edition, self.language = seed, slug, edition, language
        self.words = VOCABULARIES[language]
        # The story (who, where, when) comes from `rng`, texts from `texts`: the
        # editions pick from word lists of other lengths, yet tell the same story.
        self.rng = random.Random(seed)
        self.texts = random.Random(f"{seed}/texts")
        self.ids = random.Random(f"{seed}/{slug}")
        self.keys = list(edition.people)
        self.deaths = self._plan_deaths()
        self.died = {death.victim: death.chapter for death in self.deaths}
        self.scenes = self._plan_scenes()

    # --- the plan ----------------------------------------------------------------

    def _alive(self, key: str, chapter: int) -> bool:
        """On the page in this chapter: the death chapter has only the death scene."""
        return chapter < self.died.get(key, CHAPTERS + 1)

    def _plan_deaths(self) -> list[_Death]:
        victims = [self.rng.choice([k for k in keys if k != DOG]) for keys in NAME_CLASSES.values()]
        victims.append(self.rng.choice(ORDINARY))
        chapters = [self.rng.randint(3, CHAPTERS - 1) for _ in victims]
        died = dict(zip(victims, chapters, strict=True))
        causes = self.rng.sample(range(len(self.edition.death_causes)), len(victims))
        deaths = []
        for number, (victim, chapter) in enumerate(zip(victims, chapters, strict=True)):
            # The killer is alive in that chapter; a killer may die later in the story.
            killers = [
                k
                for k in self.keys
                if k not in (victim, DOG) and died.get(k, CHAPTERS + 1) > chapter
            ]
            on_page = number < len(victims) - 1  # the last death happens off the page
            killer = self.rng.choice(killers)
            deaths.append(_Death(victim, killer, chapter, causes[number], on_page))
        return deaths

    def _plan_scenes(self) -> list[_Scene]:
        rng, plans = self.rng, []
        partners = [(k, rng.choice(ORDINARY)) for keys in NAME_CLASSES.values() for k in keys]
        for a, b in [*PAIRS, *partners]:
            chapters = [
                c for c in range(1, CHAPTERS + 1) if self._alive(a, c) and self._alive(b, c)
            ]
            for chapter in sorted(rng.sample(chapters, min(len(chapters), rng.randint(2, 4)))):
                cast = [(a, self._role(a, first=True)), (b, self._role(b))]
                plans.append(_Scene(chapter, self._place(), self._with_extras(chapter, cast)))
        for chapter in range(1, CHAPTERS + 1):
            alive = [k for k in self.keys if self._alive(k, chapter)]
            for _ in range(FILLER_SCENES):
                people = rng.sample(alive, rng.randint(2, 4))
                cast = [(k, self._role(k, first=i == 0)) for i, k in enumerate(people)]
                plans.append(_Scene(chapter, self._place(), self._with_extras(chapter, cast)))
        for death in self.deaths:
            if death.on_page:
                there = [k for k in self.keys if self._alive(k, death.chapter)]
                there = [k for k in there if k not in (death.victim, death.killer)]
                witnesses = rng.sample(there, rng.randint(1, 2))
                cast = [(death.killer, ROLE.SPEAKER), (death.victim, ROLE.PRESENT)]
                cast += [(k, ROLE.PRESENT) for k in witnesses]
                plans.append(_Scene(death.chapter, self._place(), tuple(cast), death.victim))
        ordered = []
        for chapter in range(1, CHAPTERS + 1):  # story order; within a chapter, shuffled
            in_chapter = [plan for plan in plans if plan.chapter == chapter]
            rng.shuffle(in_chapter)
            ordered += in_chapter
        return ordered

    def _with_extras(self, chapter: int, cast: list[tuple[str, str]]) -> tuple:
        """Sometimes one more person there, sometimes one only spoken of (the dead too)."""
        taken = [k for k, _ in cast]
        if self.rng.random() < 0.4:
            alive = [k for k in self.keys if self._alive(k, chapter) and k not in taken]
            taken.append(self.rng.choice(alive))
            cast.append((taken[-1], self._role(taken[-1])))
        if self.rng.random() < 0.25:
            cast.append((self.rng.choice([k for k in self.keys if k not in taken]), ROLE.MENTIONED))
        return tuple(cast)

    def _role(self, key: str, first: bool = False) -> str:
        if key == DOG:
            return ROLE.PRESENT
        return ROLE.SPEAKER if first else self.rng.choice((ROLE.SPEAKER, ROLE.PRESENT))

    def _place(self) -> str:
        places = [place.key for place in self.edition.places]
        weights = [BUSY_PLACES.get(key, 1) for key in places]
        return self.rng.choices(places, weights)[0]

    # --- writing -----------------------------------------------------------------

    def build(self, owner: AbstractBaseUser | None) -> World:
        edition, words = self.edition, self.words
        self.world = world_create(
            owner=owner,
            name=edition.world_name,
            slug=self.slug,
            language=self.language,
            description=edition.world_description.format(seed=self.seed),
            public_id=public_id(self.ids),
        )
        self.chapters = {
            number: self._save(
                Chapter,
                number=number,
                title=title,
                summary=words.chapter_summary.format(
                    number=number,
                    theme=self._pick(words.themes),
                    n=self._pick(edition.places).name,
                ),
            )
            for number, title in enumerate(edition.chapter_titles, start=1)
        }
        self.places: dict[str, Location] = {}
        for place in edition.places:
            parent = self.places.get(place.parent) if place.parent else None
            feature = self._pick(words.features)
            description = (
                words.place_description.format(parent=parent.name, feature=feature)
                if parent
                else words.root_place_description.format(feature=feature)
            )
            self.places[place.key] = self._save(
                Location, name=place.name, kind=place.kind, parent=parent, description=description
            )
        self.people = {key: self._save(Character, **self._person(key)) for key in self.keys}
        self.concepts = [
            self._save(
                Concept,
                name=name,
                kind=kind,
                description=words.concept_description.format(
                    place=self._pick(edition.places).name, theme=self._pick(words.themes)
                ),
            )
            for name, kind in edition.concepts
        ]
        death_scenes = self._write_scenes()
        self._write_deaths(death_scenes)
        self._write_relations()
        return self.world

    def _save(self, model: type[T], **fields: object) -> T:
        return entity_save(
            instance=model(world=self.world, public_id=public_id(self.ids), **fields)
        )

    def _person(self, key: str) -> dict:
        words, name = self.words, self.edition.people[key].name
        if key == DOG:
            return {"name": name, "description": self.edition.dog_description}
        return {
            "name": name,
            "description": words.character_description.format(
                trait=self._pick(words.traits),
                occupation=self._pick(words.occupations),
                place=self._pick(self.edition.places).name,
            ),
            "persona": words.persona.format(
                want=self._pick(words.wants), fear=self._pick(words.fears)
            ),
            "speech_style": self._pick(words.speech_styles),
        }

    def _write_scenes(self) -> dict[str, Scene]:
        """In story order; returns the death scenes by victim."""
        deaths, orders = {}, dict.fromkeys(range(1, CHAPTERS + 1), 0)
        for plan in self.scenes:
            orders[plan.chapter] += 1
            scene = self._scene(plan, orders[plan.chapter])
            cast = [(self.people[key], role) for key, role in plan.cast]
            scene_set_participants(scene=scene, participants=cast, touch=False)
            if plan.victim:
                deaths[plan.victim] = scene
        return deaths

    def _scene(self, plan: _Scene, order: int) -> Scene:
        words, edition = self.words, self.edition
        names = [edition.people[key].name for key, _ in plan.cast]
        place = self.places[plan.place]
        fill = {"a": names[0], "b": names[1], "place": place.name}
        fill["concept"] = self._pick(self.concepts).name
        if plan.victim:
            death = next(d for d in self.deaths if d.victim == plan.victim)
            title = edition.death_title.format(victim=names[1])
            summary = edition.death_summary.format(
                victim=names[1], killer=names[0], place=place.name, cause=self._cause(death)
            )
        else:
            title = self._pick(words.scene_titles).format(**fill)
            summary = words.scene_summary.format(**fill)
        speakers = [n for n, (_, role) in zip(names, plan.cast, strict=True) if role == "speaker"]
        return self._save(
            Scene,
            chapter=self.chapters[plan.chapter],
            order=order,
            title=title,
            summary=summary,
            text="\n".join(f"{name}: {self._pick(words.lines)}" for name in speakers[:3]),
            location=place,
        )

    def _cause(self, death: _Death) -> str:
        return self.edition.death_causes[death.cause]

    def _write_deaths(self, scenes: dict[str, Scene]) -> None:
        for death in self.deaths:
            victim = self.people[death.victim]
            victim.status = Character.Status.DEAD
            victim.killed_by = self.people[death.killer]
            victim.death_cause = self._cause(death)
            if death.on_page:
                victim.death_scene = scenes[death.victim]  # which sets the chapter
            else:
                victim.status_chapter = self.chapters[death.chapter]
            entity_save(instance=victim)

    def _write_relations(self) -> None:
        planned = list(RELATIONS)
        living = [k for k in self.keys if k != DOG]
        for _ in range(RANDOM_RELATIONS):
            source, target = self.rng.sample(living, 2)
            kind = self.rng.choice(RANDOM_KINDS)
            planned.append((kind, source, target, *self._span(), False))
        related = {frozenset(p[1:3]) for p in planned}
        late = [pair for pair, chapter in sorted(self._first_meetings().items()) if chapter >= 3]
        late = [pair for pair in late if DOG not in pair and frozenset(pair) not in related]
        chosen = self.rng.sample(late, min(len(late), LATE_RELATIONS + LATE_FAMILIES))
        for number, (source, target) in enumerate(chosen):
            if number < LATE_RELATIONS:
                kind = (K.ENEMY_OF, K.ALLY_OF)[number % 2]
                planned.append((kind, source, target, None, None, False))
            else:
                planned.append((K.FAMILY_OF, source, target, None, None, True))
        for kind, source, target, start, end, known in planned:
            self._relation(kind, source, target, start, end, known)

    def _first_meetings(self) -> dict[tuple[str, str], int]:
        """The first chapter in which each pair shares a scene (both there, not mentioned)."""
        first: dict[tuple[str, str], int] = {}
        for plan in self.scenes:
            there = sorted(k for k, role in plan.cast if role != ROLE.MENTIONED)
            for i, a in enumerate(there):
                for b in there[i + 1 :]:
                    first[(a, b)] = min(first.get((a, b), CHAPTERS + 1), plan.chapter)
        return first

    def _span(self) -> tuple[int | None, int | None]:
        roll = self.rng.random()
        if roll < 0.3:
            start, end = sorted(self.rng.randint(1, CHAPTERS) for _ in range(2))
            return start, end
        if roll < 0.5:
            return self.rng.randint(2, CHAPTERS), None
        if roll < 0.6:
            return None, self.rng.randint(2, CHAPTERS)
        return None, None

    def _relation(
        self, kind: str, source: str, target: str, start: int | None, end: int | None, known: bool
    ) -> None:
        words = self.words
        ends = self.people[source], self.people[target]
        relation = Relation(
            world=self.world,
            public_id=public_id(self.ids),
            kind=kind,
            description=words.relation_description.format(
                source=ends[0].name,
                label=words.relation_labels.get(kind, words.default_relation_label),
                target=ends[1].name,
            ),
            valid_from=self.chapters.get(start),
            valid_to=self.chapters.get(end),
            known_from_start=known,
        )
        relation.set_endpoint("source", ends[0])
        relation.set_endpoint("target", ends[1])
        entity_save(instance=relation)

    def _pick(self, items: list | tuple):
        return items[self.texts.randrange(len(items))]
