"""Each consistency rule: a world that breaks it, and one that does not."""

import pytest
from django.db import connection

from consistency import rules
from consistency.rules import EntityRef, parent_cycles
from consistency.selectors import world_report
from lorebase.models import Character, Location, RelationKind, SceneParticipant
from lorebase.services import entity_save
from tests.factories import (
    ChapterFactory,
    CharacterFactory,
    ConceptFactory,
    LocationFactory,
    RelationFactory,
    SceneFactory,
    SceneParticipantFactory,
    WorldFactory,
)

pytestmark = pytest.mark.django_db

PRESENT, SPEAKER, MENTIONED = (
    SceneParticipant.Role.PRESENT,
    SceneParticipant.Role.SPEAKER,
    SceneParticipant.Role.MENTIONED,
)


def ref(type_name: str, entity, name: str | None = None) -> EntityRef:
    return EntityRef(type_name, str(entity.public_id), name or entity.name)


@pytest.fixture
def world():
    return WorldFactory(name="Lantern Harbor", slug="lantern-harbor")


@pytest.fixture
def chapters(world) -> dict[int, object]:
    return {n: ChapterFactory(world=world, number=n, title=f"Chapter {n}") for n in range(1, 7)}


def scene_with(world, chapter, title: str, *cast: tuple[Character, str]):
    scene = SceneFactory(world=world, chapter=chapter, title=title)
    for character, role in cast:
        SceneParticipantFactory(scene=scene, character=character, role=role)
    return scene


# --- a dead character in a later scene ---------------------------------------------


def test_a_dead_character_present_or_speaking_after_their_death_is_found(world, chapters):
    wren = CharacterFactory(
        world=world, name="Wren", status=Character.Status.DEAD, status_chapter=chapters[2]
    )
    scene_with(world, chapters[2], "The Last Watch", (wren, SPEAKER))  # dies in this chapter
    speaks = scene_with(world, chapters[3], "The Bell Rings Twice", (wren, SPEAKER))
    present = scene_with(world, chapters[5], "Fog at Dawn", (wren, PRESENT))
    scene_with(world, chapters[4], "A Toast", (wren, MENTIONED))  # remembered: allowed

    findings = rules.dead_characters_in_later_scenes(world)

    assert [f.message for f in findings] == [
        "Wren died in chapter 2 but speaks in “The Bell Rings Twice” (chapter 3).",
        "Wren died in chapter 2 but is present in “Fog at Dawn” (chapter 5).",
    ]
    assert findings[0].entities == (ref("character", wren), ref("scene", speaks, speaks.title))
    assert findings[1].entities[1] == ref("scene", present, present.title)
    assert {(f.rule, f.severity) for f in findings} == {("dead_character_in_scene", "error")}


def test_the_dead_remembered_and_the_living_or_missing_in_later_scenes_are_fine(world, chapters):
    wren = CharacterFactory(
        world=world, name="Wren", status=Character.Status.DEAD, status_chapter=chapters[3]
    )
    lost = CharacterFactory(
        world=world, name="Mara", status=Character.Status.MISSING, status_chapter=chapters[1]
    )
    undated = CharacterFactory(world=world, name="Old Tom", status=Character.Status.DEAD)
    anya = CharacterFactory(world=world, name="Anya")
    scene_with(world, chapters[1], "Before", (wren, SPEAKER), (anya, PRESENT))
    scene_with(world, chapters[3], "The Fall", (wren, PRESENT))
    scene_with(world, chapters[6], "After", (wren, MENTIONED), (lost, SPEAKER), (undated, PRESENT))

    assert rules.dead_characters_in_later_scenes(world) == []


# --- killers: alive when they kill, and there -----------------------------------------


def dead(world, name: str, chapter, killer=None, scene=None) -> Character:
    return CharacterFactory(
        world=world,
        name=name,
        status=Character.Status.DEAD,
        status_chapter=chapter,
        killed_by=killer,
        death_scene=scene,
    )


def test_a_killer_who_was_already_dead_is_found(world, chapters):
    ser_aldric = dead(world, "Ser Aldric", chapters[2])
    aldric = dead(world, "Aldric", chapters[4], killer=ser_aldric)
    dead(world, "Guard #2", chapters[3], killer=ser_aldric)

    findings = rules.killers_dead_before_the_death(world)

    assert [f.message for f in findings] == [
        "Ser Aldric died in chapter 2 but killed Aldric in chapter 4.",
        "Ser Aldric died in chapter 2 but killed Guard #2 in chapter 3.",
    ]
    assert findings[0].entities == (ref("character", aldric), ref("character", ser_aldric))
    assert {(f.rule, f.severity) for f in findings} == {("killer_dead_before_the_death", "error")}


def test_killers_alive_dying_later_or_in_the_same_chapter_are_fine(world, chapters):
    # Both die in chapter 5, each by the other's hand.
    ser_aldric = dead(world, "Ser Aldric", chapters[5])
    aldric = dead(world, "Aldric", chapters[5], killer=ser_aldric)
    ser_aldric.killed_by = aldric
    ser_aldric.save()
    dead(world, "Guard #2", chapters[1], killer=CharacterFactory(world=world, name="Мира Холлис"))
    dead(world, "Guard #3", chapters[2], killer=dead(world, "Old Tom", chapters[6]))
    dead(world, "Guard #4", None, killer=dead(world, "Undated", chapters[1]))

    assert rules.killers_dead_before_the_death(world) == []


def test_a_death_scene_moved_to_another_chapter_is_found(world, chapters):
    lamp_room = scene_with(world, chapters[3], "Old Wren's Last Light")
    wren = dead(world, "Wren", chapters[3], scene=lamp_room)
    dead(world, "Старый Рен", chapters[4], scene=scene_with(world, chapters[4], "На маяке"))
    assert rules.death_scenes_in_another_chapter(world) == []

    lamp_room.chapter = chapters[5]
    entity_save(instance=lamp_room)  # the scene alone changes: the character is not re-checked

    findings = rules.death_scenes_in_another_chapter(world)
    assert [f.message for f in findings] == [
        "Wren died in chapter 3, but their death scene “Old Wren's Last Light” is in chapter 5."
    ]
    assert findings[0].entities == (
        ref("character", wren),
        ref("scene", lamp_room, lamp_room.title),
    )
    assert findings[0].severity == "error"


def test_a_killer_absent_from_or_only_mentioned_in_the_death_scene_is_found(world, chapters):
    ser_aldric = CharacterFactory(world=world, name="Ser Aldric")
    aldric = CharacterFactory(world=world, name="Aldric")
    pier = scene_with(world, chapters[4], "Pier Nine", (aldric, PRESENT))
    talk = scene_with(world, chapters[4], "Poison", (aldric, SPEAKER), (ser_aldric, MENTIONED))
    dead(world, "Aldric Jr.", chapters[4], killer=ser_aldric, scene=talk)
    aldric.status, aldric.status_chapter = Character.Status.DEAD, chapters[4]
    aldric.killed_by, aldric.death_scene = ser_aldric, pier
    aldric.save()

    findings = rules.killers_not_in_the_death_scene(world)

    assert [f.message for f in findings] == [
        "Ser Aldric killed Aldric in “Pier Nine” but is neither present nor speaking there.",
        "Ser Aldric killed Aldric Jr. in “Poison” but is neither present nor speaking there.",
    ]
    assert findings[0].entities == (
        ref("character", aldric),
        ref("character", ser_aldric),
        ref("scene", pier, pier.title),
    )
    assert {(f.rule, f.severity) for f in findings} == {("killer_not_in_death_scene", "warning")}


def test_a_killer_in_the_death_scene_or_a_death_without_scene_or_killer_is_fine(world, chapters):
    ser_aldric = CharacterFactory(world=world, name="Ser Aldric")
    guard = CharacterFactory(world=world, name="Guard #2")
    duel = scene_with(world, chapters[4], "The Duel", (ser_aldric, SPEAKER), (guard, PRESENT))
    dead(world, "Aldric", chapters[4], killer=ser_aldric, scene=duel)
    dead(world, "Aldric Jr.", chapters[4], killer=guard, scene=duel)
    dead(world, "Old Tom", chapters[4], killer=guard)  # where is not recorded
    dead(world, "Тобиас Рен", chapters[4], scene=duel)  # nobody killed him

    assert rules.killers_not_in_the_death_scene(world) == []


# --- a scene without location or participants --------------------------------------


def test_scenes_without_a_location_or_without_participants_are_found(world, chapters):
    anya = CharacterFactory(world=world, name="Anya")
    homeless = SceneFactory(
        world=world, chapter=chapters[1], order=1, title="Adrift", location=None
    )
    SceneParticipantFactory(scene=homeless, character=anya)
    SceneFactory(world=world, chapter=chapters[1], order=2, title="Empty Pier")
    SceneFactory(world=world, chapter=chapters[2], order=1, title="Nowhere", location=None)

    findings = rules.scenes_without_location_or_participants(world)

    assert [f.message for f in findings] == [
        "“Adrift” (chapter 1) has no location.",
        "“Empty Pier” (chapter 1) has no participants.",
        "“Nowhere” (chapter 2) has no location and no participants.",
    ]
    assert findings[0].entities == (ref("scene", homeless, "Adrift"),)
    assert findings[0].severity == "warning"


def test_scenes_with_a_location_and_any_participant_are_fine(world, chapters):
    anya = CharacterFactory(world=world, name="Anya")
    scene_with(world, chapters[1], "On the Pier", (anya, PRESENT))
    scene_with(world, chapters[2], "A Letter", (anya, MENTIONED))
    elsewhere = SceneFactory(title="Another World's Scene", location=None)  # not this world

    assert rules.scenes_without_location_or_participants(world) == []
    assert len(rules.scenes_without_location_or_participants(elsewhere.world)) == 1


# --- location cycles ----------------------------------------------------------------


def test_places_inside_each_other_are_found_once_per_cycle(world):
    # Saving refuses a cycle (Location.clean); a bulk write or raw import does not check.
    harbor = LocationFactory(world=world, name="Harbor")
    city = LocationFactory(world=world, name="City", parent=harbor)
    region = LocationFactory(world=world, name="Region", parent=city)
    LocationFactory(world=world, name="Pier", parent=region)  # leads into the cycle, not on it
    itself = LocationFactory(world=world, name="Mirror Hall")
    Location.objects.filter(pk=harbor.pk).update(parent=region)
    Location.objects.filter(pk=itself.pk).update(parent=itself)

    findings = rules.location_cycles(world)

    assert [f.message for f in findings] == [
        "Each is part of the next: City → Harbor → Region → City.",
        "Each is part of the next: Mirror Hall → Mirror Hall.",
    ]
    assert findings[0].entities == (
        ref("location", city),
        ref("location", harbor),
        ref("location", region),
    )
    assert findings[0].severity == "error"


def test_a_tree_of_places_has_no_cycle(world):
    region = LocationFactory(world=world, name="Region")
    city = LocationFactory(world=world, name="City", parent=region)
    for name in ("Pier", "Market"):
        LocationFactory(world=world, name=name, parent=city)
    LocationFactory(world=world, name="Wilds", parent=region)
    LocationFactory(world=world, name="Far Isle")

    assert rules.location_cycles(world) == []


def test_the_cycle_walk_is_linear_and_finds_every_cycle():
    chain = {n: n + 1 for n in range(100_000)}  # one long path up to a root
    assert parent_cycles(chain) == []
    assert parent_cycles({1: 2, 2: 3, 3: 1, 4: 1, 5: 5, 6: 7}) == [[1, 2, 3], [5]]


# --- relation spans that end before they start -------------------------------------


def test_a_relation_that_ends_before_it_starts_is_found(world, chapters):
    anya, kay = (CharacterFactory(world=world, name=n) for n in ("Anya", "Kay"))
    backwards = RelationFactory(
        world=world,
        kind=RelationKind.LOVES,
        source_character=anya,
        target_character=kay,
        valid_from=chapters[5],
        valid_to=chapters[2],
    )

    findings = rules.reversed_relation_spans(world)

    assert [f.message for f in findings] == [
        "“Anya loves Kay” ends in chapter 2 before it starts in chapter 5."
    ]
    assert findings[0].entities == (
        ref("relation", backwards, "Anya loves Kay"),
        ref("character", anya),
        ref("character", kay),
    )


def test_spans_in_order_one_chapter_long_or_open_are_fine(world, chapters):
    anya, kay = (CharacterFactory(world=world, name=n) for n in ("Anya", "Kay"))
    for since, until in ((2, 5), (3, 3), (None, 4), (4, None), (None, None)):
        RelationFactory(
            world=world,
            source_character=anya,
            target_character=kay,
            valid_from=chapters.get(since),
            valid_to=chapters.get(until),
        )

    assert rules.reversed_relation_spans(world) == []


# --- allies and enemies at once -----------------------------------------------------


def relate(world, kind, source, target, since=None, until=None, **ends):
    return RelationFactory(
        world=world,
        kind=kind,
        source_character=source,
        target_character=target,
        valid_from=since,
        valid_to=until,
        **ends,
    )


def test_allies_who_are_enemies_in_the_same_chapters_are_found(world, chapters):
    anya, kay = (CharacterFactory(world=world, name=n) for n in ("Anya", "Kay"))
    guild = ConceptFactory(world=world, name="Lantern Guild")
    ally = relate(world, RelationKind.ALLY_OF, anya, kay, chapters[1], chapters[5])
    # The other way round, from chapter 4 on: both in chapters 4–5.
    enemy = relate(world, RelationKind.ENEMY_OF, kay, anya, chapters[4])
    relate(world, RelationKind.ALLY_OF, None, anya, source_concept=guild)
    relate(world, RelationKind.ENEMY_OF, anya, None, target_concept=guild)

    findings = rules.allies_and_enemies_at_once(world)

    assert [f.message for f in findings] == [
        "Anya and Kay are allies (in chapters 1–5) and enemies (from chapter 4 on): "
        "both in chapters 4–5.",
        "Lantern Guild and Anya are allies (in every chapter) and enemies (in every chapter): "
        "both in every chapter.",
    ]
    assert findings[0].entities == (
        ref("character", anya),
        ref("character", kay),
        ref("relation", ally, "Anya is an ally of Kay"),
        ref("relation", enemy, "Kay is an enemy of Anya"),
    )


def test_allies_who_become_enemies_later_or_enemies_of_someone_else_are_fine(world, chapters):
    anya, kay, bo = (CharacterFactory(world=world, name=n) for n in ("Anya", "Kay", "Bo"))
    relate(world, RelationKind.ALLY_OF, anya, kay, None, chapters[3])
    relate(world, RelationKind.ENEMY_OF, kay, anya, chapters[4])
    relate(world, RelationKind.ALLY_OF, anya, bo)
    relate(world, RelationKind.ENEMY_OF, kay, bo)
    relate(world, RelationKind.KNOWS, anya, bo)
    # A span that ends before it starts holds in no chapter (reversed_relation_spans has it).
    relate(world, RelationKind.ENEMY_OF, bo, anya, chapters[5], chapters[2])

    assert rules.allies_and_enemies_at_once(world) == []


# --- near-duplicate names -----------------------------------------------------------


def test_names_so_alike_they_may_be_one_entity_are_found_per_type(world):
    anna = CharacterFactory(world=world, name="Anna Marlowe")
    ana = CharacterFactory(world=world, name="Ana Marlowe")
    tower = LocationFactory(world=world, name="Fog Bell Tower")
    towers = LocationFactory(world=world, name="Fog Bell Towers")
    guild = ConceptFactory(world=world, name="Lantern Guild")
    guilds = ConceptFactory(world=world, name="Lantern Guilds")

    findings = rules.near_duplicate_names(world)

    assert [f.message for f in findings] == [
        "The character names “Ana Marlowe” and “Anna Marlowe” are 79% alike: "
        "one entity written twice?",
        "The location names “Fog Bell Tower” and “Fog Bell Towers” are 82% alike: "
        "one entity written twice?",
        "The concept names “Lantern Guild” and “Lantern Guilds” are 81% alike: "
        "one entity written twice?",
    ]
    assert [f.entities for f in findings] == [
        (ref("character", ana), ref("character", anna)),
        (ref("location", tower), ref("location", towers)),
        (ref("concept", guild), ref("concept", guilds)),
    ]


def test_different_names_the_same_name_in_another_type_or_world_are_fine(world, settings):
    CharacterFactory(world=world, name="Wren")
    LocationFactory(world=world, name="Wren")  # a place named after her: another type
    CharacterFactory(world=world, name="Anna Marlowe")
    CharacterFactory(world=WorldFactory(), name="Anna Marlowe")  # another world
    LocationFactory(world=world, name="Old Harbor")
    LocationFactory(world=world, name="Old Harbour")  # 64% alike: under the threshold

    assert rules.near_duplicate_names(world) == []
    settings.CONSISTENCY_NAME_SIMILARITY = 0.6
    assert len(rules.near_duplicate_names(world)) == 1


def test_each_name_probes_the_trigram_index_even_with_stale_statistics(world):
    """Statistics from before a bulk write count the new world as about one row; the
    planner would then compare every pair of its names (minutes at 100k entities)."""
    other = WorldFactory()
    Character.objects.bulk_create(Character(world=other, name=f"Other {n}") for n in range(5000))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE lorebase_character")  # it knows only the other world
    Character.objects.bulk_create(Character(world=world, name=f"Name {n}") for n in range(2000))

    with rules._cursor_with(**rules.SIMILAR_NAMES_PLAN) as cursor:
        cursor.execute("EXPLAIN " + rules.similar_names_sql("lorebase_character"), [world.pk])
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "Bitmap Index Scan on lorebase_character_name_trgm" in plan, plan
    assert "Seq Scan" not in plan, plan


def test_the_report_runs_the_rules_in_order_and_refuses_unknown_ones(world, flawed):
    report = world_report(world=world)

    assert list(report.counts) == list(rules.RULES)
    assert [f.rule for f in report.findings] == [
        "dead_character_in_scene",
        "reversed_relation_span",
    ]
    assert world_report(world=world, rules=["location_cycle"]).counts == {"location_cycle": 0}
    with pytest.raises(ValueError, match="timeline"):
        world_report(world=world, rules=["timeline"])
