"""The synthetic world generator: deterministic, the requested size, valid by construction."""

import re
from collections import Counter
from io import StringIO
from statistics import median

import pytest
from django.core.management import CommandError, call_command

from lorebase.models import (
    RELATION_RULES,
    Chapter,
    Character,
    Concept,
    Location,
    Relation,
    Scene,
    SceneParticipant,
    World,
)
from worldgen.generator import counts_for_total, delete_generated_world, generate_world

pytestmark = pytest.mark.django_db

SMALL = {
    "chapters": 5,
    "locations": 40,
    "characters": 30,
    "scenes": 120,
    "concepts": 15,
    "relations": 80,
}
ENTITY_MODELS = (Chapter, Location, Character, Scene, Concept, Relation)
RELATION_TYPES = ("character", "location", "concept")
CYRILLIC, LATIN = re.compile("[\u0400-\u04ff]"), re.compile("[A-Za-z]")


def generate(seed: int = 7, slug: str = "synthetic", **options):
    return generate_world(seed=seed, slug=slug, **(SMALL | options))


def dump(world: World) -> dict[str, list]:
    """Everything generated, with references as public ids (pks differ between runs)."""

    def rows(model, *fields: str, **lookup) -> list:
        query = model.objects.filter(**(lookup or {"world": world})).order_by("pk")
        return list(query.values_list(*fields))

    return {
        "world": [(world.public_id, world.name, world.language, world.description)],
        "chapters": rows(Chapter, "public_id", "number", "title", "summary"),
        "locations": rows(
            Location, "public_id", "name", "aliases", "kind", "parent__public_id", "description"
        ),
        "characters": rows(
            Character,
            "public_id",
            "name",
            "aliases",
            "description",
            "persona",
            "speech_style",
            "status",
            "status_chapter__public_id",
            "killed_by__public_id",
            "death_scene__public_id",
            "death_cause",
        ),
        "concepts": rows(Concept, "public_id", "name", "aliases", "kind", "description"),
        "scenes": rows(
            Scene,
            "public_id",
            "chapter__public_id",
            "order",
            "title",
            "summary",
            "text",
            "location__public_id",
        ),
        "participants": rows(
            SceneParticipant,
            "scene__public_id",
            "character__public_id",
            "role",
            scene__world=world,
        ),
        "relations": rows(
            Relation,
            "public_id",
            "kind",
            *(f"{side}_{t}__public_id" for side in ("source", "target") for t in RELATION_TYPES),
            "description",
            "valid_from__public_id",
            "valid_to__public_id",
            "known_from_start",
        ),
    }


def test_the_same_arguments_give_the_same_world() -> None:
    first = dump(generate().world)
    delete_generated_world(World.objects.get(slug="synthetic"))
    assert not World.objects.filter(slug="synthetic").exists()
    assert dump(generate().world) == first


def test_another_seed_gives_another_world() -> None:
    one, other = dump(generate(seed=7).world), dump(generate(seed=8, slug="other").world)
    assert [row[1] for row in one["characters"]] != [row[1] for row in other["characters"]]


def test_one_seed_fills_two_worlds_with_the_same_content_and_own_public_ids() -> None:
    one, other = dump(generate(slug="one").world), dump(generate(slug="other").world)
    assert [row[1:] for row in one["chapters"]] == [row[1:] for row in other["chapters"]]
    assert [row[1] for row in one["characters"]] == [row[1] for row in other["characters"]]
    assert not {row[0] for row in one["scenes"]} & {row[0] for row in other["scenes"]}


def test_the_requested_counts_are_written_at_version_one_without_history() -> None:
    reported: list[int] = []
    result = generate(progress=reported.append)
    world = result.world
    for model, name in zip(ENTITY_MODELS, SMALL, strict=True):
        assert model.objects.filter(world=world).count() == SMALL[name] == getattr(result, name)
        assert set(model.objects.filter(world=world).values_list("version", flat=True)) == {1}
        assert not model.history.filter(world_id=world.pk).exists()
    assert result.entities == sum(SMALL.values()) == sum(reported)
    assert SceneParticipant.objects.filter(scene__world=world).count() == result.participants
    assert not World.history.filter(id=world.pk).exists()


def test_a_sample_of_every_type_passes_full_clean() -> None:
    world = generate().world
    world.full_clean()
    participations = SceneParticipant.objects.filter(scene__world=world)
    for query in [model.objects.filter(world=world) for model in ENTITY_MODELS] + [participations]:
        rows = list(query.order_by("pk"))
        for row in rows[:: max(1, len(rows) // 50)]:  # about 50, spread over the creation order
            row.full_clean()


def test_relations_follow_the_rules_and_spans_run_forward() -> None:
    world = generate().world
    related = [f"{side}_{t}" for side in ("source", "target") for t in RELATION_TYPES]
    relations = Relation.objects.filter(world=world).select_related(
        *related, "valid_from", "valid_to"
    )
    kinds = Counter()
    for relation in relations:
        kinds[relation.kind] += 1
        assert (relation.source_type, relation.target_type) in RELATION_RULES[relation.kind]
        assert relation.source != relation.target
        if relation.valid_from and relation.valid_to:
            assert relation.valid_to.number >= relation.valid_from.number
    assert len(kinds) > 5
    assert relations.filter(valid_from__isnull=False, valid_to__isnull=False).exists()


def test_locations_form_a_hierarchy_without_cycles() -> None:
    world = generate(locations=200).world
    parents = dict(Location.objects.filter(world=world).values_list("pk", "parent_id"))
    kinds = dict(Location.objects.filter(world=world).values_list("pk", "kind"))
    for place in parents:
        seen = set()
        while place is not None:
            assert place not in seen
            seen.add(place)
            place = parents[place]
        assert len(seen) <= 5  # region > city > district > building > room
    roots = {kinds[pk] for pk, parent in parents.items() if parent is None}
    assert roots == {Location.Kind.REGION}
    assert parents.keys() >= set(parents.values()) - {None}  # parents created in the world
    assert len(set(kinds.values())) == len(Location.Kind) - 1  # every kind but "other"


def test_scenes_have_casts_orders_and_hubs() -> None:
    world = generate().world
    for chapter in Chapter.objects.filter(world=world):
        orders = sorted(chapter.scenes.values_list("order", flat=True))
        assert orders == list(range(1, len(orders) + 1))
    casts = Counter(
        SceneParticipant.objects.filter(scene__world=world).values_list("scene", flat=True)
    )
    assert set(casts.values()) <= {2, 3, 4, 5}
    assert len(casts) == SMALL["scenes"]
    appearances = Counter(
        SceneParticipant.objects.filter(scene__world=world).values_list("character", flat=True)
    )
    assert max(appearances.values()) > 3 * median(appearances.values())  # protagonists
    places = Counter(Scene.objects.filter(world=world).values_list("location", flat=True))
    assert max(places.values()) >= 10  # hubs
    statuses = Character.objects.filter(world=world).values_list("status", "status_chapter")
    assert all(
        (status == Character.Status.ALIVE) == (chapter is None) for status, chapter in statuses
    )


def test_russian_worlds_have_cyrillic_names_and_texts() -> None:
    world = generate(language="ru").world
    assert world.language == "ru"
    texts = [world.name]
    for model, fields in (
        (Location, ("name", "description")),
        (Character, ("name", "description", "persona")),
        (Concept, ("name",)),
        (Chapter, ("title", "summary")),
        (Scene, ("title", "summary", "text")),
        (Relation, ("description",)),
    ):
        for row in model.objects.filter(world=world).values_list(*fields):
            texts.extend(row)
    for text in texts:
        assert CYRILLIC.search(text), text
        assert not LATIN.search(text), text


def test_counts_for_a_total_add_up_to_about_it() -> None:
    counts = counts_for_total(100_000)
    assert abs(sum(counts.values()) - 100_000) <= 10
    assert counts["scenes"] > counts["relations"] > counts["locations"] > counts["chapters"] > 1
    assert min(counts_for_total(3).values()) == 1
    with pytest.raises(ValueError, match="positive"):
        counts_for_total(0)


def test_the_command_generates_a_world() -> None:
    out = StringIO()
    call_command("generate_world", "--seed", "3", "--slug", "cmd", "--entities", "200", stdout=out)
    world = World.objects.get(slug="cmd")
    assert Scene.objects.filter(world=world).count() == counts_for_total(200)["scenes"]
    assert "'cmd'" in out.getvalue() and "entities" in out.getvalue()


def test_the_command_takes_explicit_counts_and_russian() -> None:
    call_command(
        "generate_world",
        *("--seed", "3", "--slug", "cmd-ru", "--language", "ru", "--entities", "100"),
        *("--chapters", "2", "--scenes", "7"),
        stdout=StringIO(),
    )
    world = World.objects.get(slug="cmd-ru")
    assert (world.language, Chapter.objects.filter(world=world).count()) == ("ru", 2)
    assert Scene.objects.filter(world=world).count() == 7


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--slug", "taken"), "already exists"),
        (("--slug", "fresh", "--scenes", "0"), "scenes must be positive"),
        (("--slug", "fresh", "--entities", "-5"), "entities must be positive"),
        (("--slug", "not a slug"), "slug"),
    ],
)
def test_the_command_refuses_bad_arguments(arguments: tuple[str, ...], message: str) -> None:
    World.objects.create(name="Taken", slug="taken")
    with pytest.raises(CommandError, match=message):
        call_command("generate_world", "--seed", "1", *arguments, stdout=StringIO())
    assert not World.objects.filter(slug__in=["fresh", "not a slug"]).exists()


@pytest.mark.parametrize(
    ("options", "message"),
    [({"chapters": 40_000}, "at most 32767 chapters"), ({"language": "fr"}, "Unknown language")],
)
def test_the_generator_refuses_what_the_models_cannot_hold(options: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        generate(**options)
    assert not World.objects.exists()
