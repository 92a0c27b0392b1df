"""A bad file names the file, the field and the reason; nothing is imported."""

import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from exports.importer import InvalidFile
from exports.services import import_world
from lorebase.models import Chapter, Character, World
from tests.exports.conftest import export
from tests.exports.test_round_trip import SMALL
from worldgen.generator import delete_generated_world, generate_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def files(tmp_path) -> Path:
    """An export of a small world and another one, the first then deleted."""
    world = generate_world(seed=7, slug="harbor", **SMALL).world
    generate_world(seed=8, slug="elsewhere", **SMALL)
    export(tmp_path)
    shutil.rmtree(tmp_path / "elsewhere")
    delete_generated_world(world)
    return tmp_path


def _one(files: Path, entity_type: str) -> Path:
    return sorted((files / "harbor" / entity_type).glob("*.yaml"))[0]


def _edit(path: Path, old: str, new: str) -> str:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    return path.relative_to(path.parents[2]).as_posix()


def _refused(files: Path) -> InvalidFile:
    before = (World.objects.count(), Chapter.objects.count(), Character.objects.count())
    with pytest.raises(InvalidFile) as caught:
        import_world(files)
    assert (World.objects.count(), Chapter.objects.count(), Character.objects.count()) == before
    return caught.value


def test_broken_yaml(files):
    path = _one(files, "characters")
    name = _edit(path, "name: ", "name: [unclosed ")
    error = _refused(files)
    assert error.path == name and error.field.startswith("line ")
    assert "broken YAML" in error.reason


def test_an_unknown_field(files):
    name = _edit(_one(files, "locations"), "kind: ", "colour: red\nkind: ")
    error = _refused(files)
    assert (error.path, error.field) == (name, "colour")
    assert "unknown field" in error.reason


def test_a_reference_to_a_missing_id(files):
    scene = _one(files, "scenes")
    chapter = next(line for line in scene.read_text().splitlines() if line.startswith("chapter:"))
    name = _edit(scene, chapter, "chapter: 00000000-0000-4000-8000-000000000000")
    error = _refused(files)
    assert (error.path, error.field) == (name, "chapter")
    assert "no chapter with the id 00000000-0000-4000-8000-000000000000" in error.reason


def test_a_reference_into_another_world(files):
    foreign = Chapter.objects.filter(world__slug="elsewhere").first()
    scene = _one(files, "scenes")
    chapter = next(line for line in scene.read_text().splitlines() if line.startswith("chapter:"))
    name = _edit(scene, chapter, f"chapter: {foreign.public_id}")
    error = _refused(files)
    assert (error.path, error.field) == (name, "chapter")
    assert "belongs to another world" in error.reason


def test_a_relation_to_the_wrong_type_of_entity(files):
    path = next(
        p
        for p in (files / "harbor/characters").glob("*.yaml")
        if "target_type: character" in p.read_text()
    )
    name = _edit(path, "target_type: character", "target_type: location")
    error = _refused(files)
    assert error.path == name and error.field.endswith(".target")
    assert "is a character, not a location" in error.reason


def test_a_model_rule_found_while_writing_still_rolls_everything_back(files):
    path = next(
        p for p in (files / "harbor/characters").glob("*.yaml") if "kind: KNOWS" in p.read_text()
    )
    name = _edit(path, "kind: KNOWS", "kind: RULES")  # RULES cannot link two characters
    error = _refused(files)
    assert error.path == name and error.field.endswith(".kind")
    assert "cannot link a character to a character" in error.reason


def test_a_cycle_of_places(files):
    locations = sorted((files / "harbor/locations").glob("*.yaml"))
    child = next(p for p in locations if "parent: null" not in p.read_text())
    parent_id = next(
        line.split(": ")[1] for line in child.read_text().splitlines() if line.startswith("parent:")
    )
    parent = next((files / "harbor/locations").glob(f"{parent_id}-*.yaml"))
    child_id = child.name[:36]
    text = parent.read_text()
    old = next(line for line in text.splitlines() if line.startswith("parent:"))
    _edit(parent, old, f"parent: {child_id}")
    error = _refused(files)
    assert error.field == "parent" and "inside itself" in error.reason


def test_the_command_reports_the_error_and_imports_nothing(files):
    name = _edit(_one(files, "chapters"), "number: ", "number: -")
    with pytest.raises(CommandError, match=f"Nothing imported. {name}: number: "):
        call_command("import_world", str(files))
    assert not World.objects.filter(slug="harbor").exists()
