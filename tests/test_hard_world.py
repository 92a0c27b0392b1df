"""The hard-names world: every class of colliding name, deaths, relations and meetings."""

import re
from collections import Counter, defaultdict
from collections.abc import Iterator

import pytest
from django.db import transaction

from graph.models import OutboxEvent
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
)
from tests.test_generate_world import dump
from worldgen.generator import delete_generated_world
from worldgen.generator_hard import NAME_CLASSES, generate_hard_world
from worldgen.generator_vocabulary import HARD_EDITIONS

pytestmark = pytest.mark.django_db

FUNCTION_WORDS = {"en": {"the", "of"}, "ru": {"с", "без", "из", "над"}}
GATE = {"en": "The Gate", "ru": "Ворота"}
NUMBERED = re.compile(r"^(\w+) (?:#|№)\d+$")


@pytest.fixture(scope="module")
def editions(django_db_setup, django_db_blocker) -> Iterator[dict[str, World]]:
    """Both editions, written once for this module (through the services: seconds each)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield {
            language: generate_hard_world(seed=11, slug=f"hard-{language}", language=language)
            for language in ("en", "ru")
        }
        transaction.set_rollback(True)


@pytest.fixture(params=["en", "ru"])
def hard(request, editions: dict[str, World]) -> World:
    return editions[request.param]


def there(world: World) -> dict[str, list[tuple[int, int, str]]]:
    """Scenes (chapter, order, scene id) of each character by name, mentions left out."""
    found = defaultdict(list)
    rows = SceneParticipant.objects.filter(scene__world=world).exclude(role="mentioned")
    for name, number, order, scene in rows.values_list(
        "character__name", "scene__chapter__number", "scene__order", "scene__public_id"
    ):
        found[name].append((number, order, str(scene)))
    return found


def test_names_share_surnames_nest_carry_function_words_numbers_and_titles(hard) -> None:
    names = list(Character.objects.filter(world=hard).values_list("name", flat=True))
    places = list(Location.objects.filter(world=hard).values_list("name", flat=True))
    # Громова and Громов share a surname as much as two Vances do.
    surnames = Counter(n.split()[-1].removesuffix("а") for n in names if " " in n)
    assert sorted(surnames.values())[-2:] == [2, 3]
    assert sum(1 for a in names for b in names if b.startswith(a + " ")) >= 3  # Lady, Lady Ash
    assert sum(1 for a in names for b in names if b.endswith(" " + a)) >= 2  # Aldric, Ser Aldric
    function_words = FUNCTION_WORDS[hard.language]
    with_function_words = [n for n in names + places if function_words & set(n.lower().split())]
    assert len(with_function_words) >= 4
    numbered = [m.group(1) for n in names if (m := NUMBERED.match(n))]
    assert len(numbered) >= 5 and len(set(numbered)) == 2
    # Viper is one letter from Piper #3, Пекарь from Лекарь №3.
    assert any(
        len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1
        for a in names
        for b in numbered
    )


def test_three_places_share_a_name_each_in_its_own_region(hard) -> None:
    parents = dict(Location.objects.filter(world=hard).values_list("pk", "parent_id"))
    kinds = dict(Location.objects.filter(world=hard).values_list("pk", "kind"))
    regions = []
    for pk in Location.objects.filter(world=hard, name=GATE[hard.language]).values_list(
        "pk", flat=True
    ):
        while parents[pk] is not None:
            pk = parents[pk]
        regions.append(pk)
    assert len(regions) == len(set(regions)) == 3
    assert {kinds[pk] for pk in regions} == {Location.Kind.REGION}


def test_chapter_titles_contain_names_of_places_and_people(hard) -> None:
    titles = list(Chapter.objects.filter(world=hard).values_list("title", flat=True))
    places = set(Location.objects.filter(world=hard).values_list("name", flat=True))
    people = set(Character.objects.filter(world=hard).values_list("name", flat=True))
    assert any(re.search(rf"\b{re.escape(p)}\b", t) for t in titles for p in places)
    assert any(" " in p and p in t for t in titles for p in people)  # Lady Ash Returns


def test_deaths_have_killers_alive_and_there_and_the_dead_stay_off_the_page(hard) -> None:
    dead = list(
        Character.objects.filter(world=hard, status=Character.Status.DEAD).select_related(
            "killed_by__status_chapter", "death_scene__chapter", "status_chapter"
        )
    )
    assert len(dead) == len(NAME_CLASSES) + 1
    assert [d.death_scene is None for d in dead].count(True) == 1  # one off the page
    scenes = there(hard)
    for victim in dead:
        chapter = victim.status_chapter.number
        killer = victim.killed_by
        assert killer and killer != victim and victim.death_cause
        assert killer.status != Character.Status.DEAD or killer.status_chapter.number > chapter
        later = [s for n, _, s in scenes[victim.name] if n >= chapter]
        assert later == ([str(victim.death_scene.public_id)] if victim.death_scene else [])
        if victim.death_scene:
            assert victim.death_scene.chapter.number == chapter
            cast = victim.death_scene.participations.exclude(role="mentioned")
            assert {victim.pk, killer.pk} <= set(cast.values_list("character_id", flat=True))
    assert len({d.death_cause for d in dead}) == len(dead)  # a cause names its death


def test_relations_have_spans_timeless_ones_and_ones_known_from_the_start(hard) -> None:
    relations = list(
        Relation.objects.filter(world=hard).select_related(
            "source_character", "target_character", "valid_from"
        )
    )
    kinds = {r.kind for r in relations}
    wanted = {"ENEMY_OF", "ALLY_OF", "FAMILY_OF", "MENTOR_OF", "SERVES"}
    assert wanted <= kinds <= set(RelationKind)
    assert sum(1 for r in relations if r.valid_from) >= 5
    assert sum(1 for r in relations if r.known_from_start) >= 5
    scenes = there(hard)

    def first_met(a: str, b: str) -> int | None:
        shared = {s for _, _, s in scenes[a]} & {s for _, _, s in scenes[b]}
        return min((n for n, _, s in scenes[a] if s in shared), default=None)

    late = [
        r
        for r in relations
        if r.valid_from is None
        and not r.known_from_start
        and (first_met(r.source_character.name, r.target_character.name) or 0) >= 3
    ]
    assert len(late) >= 4  # timeless, but the parties meet only in chapter 3 or later


def test_every_name_class_has_pairs_who_meet_in_several_chapters(hard) -> None:
    people = HARD_EDITIONS[hard.language].people
    scenes = there(hard)

    def chapters_shared(a: str, b: str) -> set[int]:
        theirs = {s for _, _, s in scenes[b]}
        return {n for n, _, s in scenes[a] if s in theirs}

    for name_class, keys in NAME_CLASSES.items():
        names = [people[key].name for key in keys]
        again = [(a, b) for a in names for b in scenes if a != b and len(chapters_shared(a, b)) > 1]
        assert len(again) >= len(names), name_class


def test_the_same_seed_gives_the_same_world_and_the_editions_the_same_story(editions) -> None:
    first = dump(editions["en"])
    delete_generated_world(editions["en"])  # undone after the test, with the test's transaction
    assert dump(generate_hard_world(seed=11, slug="hard-en")) == first
    other = dump(generate_hard_world(seed=12, slug="other"))
    assert [row[5] for row in other["scenes"]] != [row[5] for row in first["scenes"]]
    russian = dump(editions["ru"])
    for part in ("chapters", "locations", "characters", "scenes", "participants", "relations"):
        assert len(russian[part]) == len(first[part])
    assert [r[2] for r in russian["participants"]] == [r[2] for r in first["participants"]]
    assert [r[1] for r in russian["relations"]] == [r[1] for r in first["relations"]]


def test_it_is_written_through_the_services_so_the_mirror_sees_it(hard) -> None:
    events = set(
        OutboxEvent.objects.filter(world_id=hard.public_id).values_list("entity_id", flat=True)
    )
    for model in (Chapter, Location, Character, Concept, Scene, Relation):
        uids = set(model.objects.filter(world=hard).values_list("public_id", flat=True))
        assert uids and uids <= events, model
    victims = Character.objects.filter(world=hard, status=Character.Status.DEAD)
    assert set(victims.values_list("version", flat=True)) == {2}  # written alive, then killed
    assert Character.history.filter(world_id=hard.pk, status="dead").count() == victims.count()


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="Unknown language"):
        generate_hard_world(seed=1, slug="hard-fr", language="fr")
    assert not World.objects.filter(slug="hard-fr").exists()
