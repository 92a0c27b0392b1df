"""Deaths and relations known from the start in the files: round trip, bad refs, cascades."""

from pathlib import Path

import pytest

from exports.cards import character_card
from exports.importer import InvalidFile
from exports.services import import_world
from lorebase import services
from lorebase.models import Character, Relation, RelationKind, World
from tests.exports.conftest import export, touched, tree
from tests.factories import (
    ChapterFactory,
    CharacterFactory,
    RelationFactory,
    SceneFactory,
    WorldFactory,
)

pytestmark = pytest.mark.django_db


def _die(victim: Character, killer: Character | None, scene, cause: str = "") -> Character:
    victim.status, victim.killed_by, victim.death_scene = Character.Status.DEAD, killer, scene
    victim.death_cause = cause
    return services.entity_save(instance=victim)


@pytest.fixture
def feud() -> World:
    """Chapter 5 of «Гавань»: Ser Aldric and Aldric kill each other; Guard #2 drowns."""
    world = WorldFactory(name="Гавань фонарей", slug="gavan", language="ru")
    fifth = ChapterFactory(world=world, number=5, title="Отлив")
    duel = SceneFactory(world=world, chapter=fifth, title="Поединок на причале")
    ser_aldric = CharacterFactory(world=world, name="Ser Aldric")
    aldric = CharacterFactory(world=world, name="Aldric")
    guard = CharacterFactory(world=world, name="Guard #2")
    _die(aldric, ser_aldric, duel, "Клинок под рёбра.")
    _die(ser_aldric, aldric, duel, "Stabbed back with his own knife.\nDied at dawn.")
    guard.status_chapter = fifth
    _die(guard, None, None, "Drowned.")
    RelationFactory(
        world=world,
        kind=RelationKind.FAMILY_OF,
        source_character=aldric,
        target_character=ser_aldric,
        known_from_start=True,
    )
    return world


def _file(root: Path, entity) -> Path:
    return next(root.glob(f"*/{type(entity)._meta.verbose_name_plural}/{entity.public_id}-*"))


def test_deaths_that_point_at_each_other_round_trip_byte_for_byte(feud, tmp_path):
    export(tmp_path / "first")
    first = tree(tmp_path / "first")
    aldric = Character.objects.get(name="Aldric")
    text = _file(tmp_path / "first", aldric).read_text()
    killer = Character.objects.get(name="Ser Aldric")
    assert f"killed_by: {killer.public_id}\ndeath_scene: {aldric.death_scene.public_id}\n" in text
    assert "death_cause: Клинок под рёбра.\n" in text and "known_from_start: true\n" in text

    services.entity_delete(instance=feud)
    summary = import_world(tmp_path / "first")
    assert summary["characters"] == {"created": 3, "updated": 0, "unchanged": 0}
    assert summary["relations"]["created"] == 1
    aldric, killer = Character.objects.get(name="Aldric"), Character.objects.get(name="Ser Aldric")
    assert (aldric.killed_by, killer.killed_by) == (killer, aldric)
    assert aldric.death_scene.title == "Поединок на причале"
    assert Relation.objects.get(world__slug="gavan").known_from_start

    export(tmp_path / "second")
    assert tree(tmp_path / "second") == first
    again = import_world(tmp_path / "second")
    assert again["characters"] == {"created": 0, "updated": 0, "unchanged": 3}


def _replace(path: Path, key: str, old, new) -> None:
    text = path.read_text()
    assert f"{key}: {old.public_id}" in text
    path.write_text(text.replace(f"{key}: {old.public_id}", f"{key}: {new.public_id}"))


def test_a_new_killer_and_a_death_scene_moved_to_another_chapter_import(feud, tmp_path):
    """Aldric's file keeps his death scene but names chapter 6, where the scene's own
    file moves it: only once the scene has moved can his death refer to it."""
    sixth = ChapterFactory(world=feud, number=6, title="Прилив")
    export(tmp_path)
    aldric, guard = Character.objects.get(name="Aldric"), Character.objects.get(name="Guard #2")
    duel, fifth = aldric.death_scene, aldric.status_chapter
    _replace(_file(tmp_path, duel), "chapter", fifth, sixth)
    for victim in (aldric, aldric.killed_by):
        _replace(_file(tmp_path, victim), "status_chapter", fifth, sixth)
    _replace(_file(tmp_path, aldric), "killed_by", aldric.killed_by, guard)

    summary = import_world(tmp_path)
    assert summary["characters"] == {"created": 0, "updated": 2, "unchanged": 1}
    assert summary["scenes"] == {"created": 0, "updated": 1, "unchanged": 0}
    aldric.refresh_from_db()
    assert (aldric.killed_by, aldric.death_scene, aldric.status_chapter) == (guard, duel, sixth)
    assert Character.objects.get(name="Ser Aldric").status_chapter == sixth


@pytest.mark.parametrize(("key", "kind"), [("killed_by", "character"), ("death_scene", "scene")])
def test_a_death_reference_to_a_missing_id_is_refused_naming_file_and_field(
    feud, tmp_path, key, kind
):
    export(tmp_path)
    aldric = Character.objects.get(name="Aldric")
    path = _file(tmp_path, aldric)
    stored = getattr(aldric, key).public_id
    missing = "00000000-0000-4000-8000-000000000000"
    path.write_text(path.read_text().replace(f"{key}: {stored}", f"{key}: {missing}"))
    services.entity_delete(instance=feud)

    with pytest.raises(InvalidFile) as caught:
        import_world(tmp_path)
    assert caught.value.path == path.relative_to(tmp_path).as_posix()
    assert caught.value.field == key
    assert f"no {kind} with the id {missing}" in caught.value.reason
    assert not World.objects.filter(slug="gavan").exists()
    assert not Character.objects.filter(name="Aldric").exists()


def test_a_death_the_model_refuses_rolls_the_import_back(feud, tmp_path):
    export(tmp_path)
    guard = Character.objects.get(name="Guard #2")
    path = _file(tmp_path, guard)
    path.write_text(path.read_text().replace("status: dead", "status: alive"))
    services.entity_delete(instance=feud)

    with pytest.raises(InvalidFile) as caught:
        import_world(tmp_path)
    assert caught.value.field == "death_cause"
    assert "set the status to dead first" in caught.value.reason
    assert not World.objects.filter(slug="gavan").exists()


def test_files_of_format_1_still_import(tmp_path):
    world = WorldFactory(slug="old-harbor")
    RelationFactory(world=world, source_character=CharacterFactory(world=world, name="Anya"))
    export(tmp_path)
    for path in (tmp_path / "old-harbor").rglob("*.yaml"):
        lines = path.read_text().splitlines(keepends=True)
        kept = [line for line in lines if not line.lstrip(" -").startswith(DEATH_AND_KNOWN)]
        path.write_text("".join(kept).replace("format: 2", "format: 1"))
    services.entity_delete(instance=world)

    import_world(tmp_path)
    anya = Character.objects.get(name="Anya")
    assert anya.killed_by is None and anya.death_cause == ""
    assert Relation.objects.get(source_character=anya).known_from_start is False


DEATH_AND_KNOWN = ("killed_by:", "death_scene:", "death_cause:", "known_from_start:")


def test_a_deleted_killer_or_death_scene_reaches_the_victims_file(feud, tmp_path):
    victim = CharacterFactory(world=feud, name="Guard #3")
    executioner = CharacterFactory(world=feud, name="Ser Aldric the Elder")
    victim.status_chapter = Character.objects.get(name="Aldric").status_chapter
    _die(victim, executioner, None, "Beheaded.")
    export(tmp_path)
    victim_file = _file(tmp_path, victim).relative_to(tmp_path).as_posix()
    services.entity_delete(instance=executioner)  # no new version of the victim
    export(tmp_path)
    assert victim_file in touched(tmp_path)
    assert "killed_by: null" in (tmp_path / victim_file).read_text()

    aldric = Character.objects.get(name="Aldric")
    aldric_file = _file(tmp_path, aldric).relative_to(tmp_path).as_posix()
    services.entity_delete(instance=aldric.death_scene)
    export(tmp_path)
    assert aldric_file in touched(tmp_path) and victim_file not in touched(tmp_path)
    assert "death_scene: null" in (tmp_path / aldric_file).read_text()


def test_the_card_shows_the_death(feud):
    card = character_card(Character.objects.get(name="Aldric"))["data"]
    assert card["tags"][-1] == "Dead"
    death = card["extensions"]["lorebase"]["death"]
    assert death["chapter"] == 5 and death["cause"] == "Клинок под рёбра."
    assert death["killed_by"]["name"] == "Ser Aldric"
    assert death["scene"]["title"] == "Поединок на причале"
    guard = character_card(Character.objects.get(name="Guard #2"))["data"]
    assert guard["extensions"]["lorebase"]["death"]["killed_by"] is None
    alive = CharacterFactory(world=feud, name="Aldric the Younger")
    assert character_card(alive)["data"]["extensions"]["lorebase"]["death"] is None
