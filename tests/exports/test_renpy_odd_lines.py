"""Lines the Ren'Py importer reads but does not understand, and chapter maps it refuses."""

import re
from pathlib import Path

import pytest
from django.core.management import CommandError

from lorebase.models import Scene, World
from tests.exports.test_renpy_import import run

pytestmark = pytest.mark.django_db

ODD = """define anna = Character("Анна Волкова", image="anna")
define kai = Character("Kai 9")
define broken
define nameless = Character(color="#fff")
python:
    trust = 0

label start:
    scene bg pier
    zed "Who is zed?"
    anna "She said \\"9\\", twice."
    else:
        "An else without an if."
    return
"""
TL = """translate french start_0a1b2c3d:
    # anna "She said \\"9\\", twice."
    anna "Elle a dit « 9 »."
"""
TL_RU = """stray "line outside a translate block"

translate russian start_0a1b2c3d:
    anna "Без комментария с оригиналом."

translate russian strings:
    old "Kai 9"
    new "Кай 9"
    what "is this"

translate russian style default:
    color "#fff"
"""


@pytest.fixture
def game(tmp_path: Path) -> Path:
    game = tmp_path / "game"
    (game / "tl" / "french").mkdir(parents=True)
    (game / "tl" / "russian").mkdir()
    (game / "script.rpy").write_text(ODD)
    (game / "tl" / "french" / "script.rpy").write_text(TL)
    (game / "tl" / "russian" / "script.rpy").write_text(TL_RU)
    return game


def test_each_odd_line_is_reported_with_its_file_and_line_and_the_rest_imported(game):
    out, err = run(game, "--world", "odd")
    reported = {
        "script.rpy:3": "a define without a value",
        "script.rpy:4": "a Character without a name",
        "script.rpy:5": "not a statement the importer understands: python:",
        "script.rpy:10": "the speaker zed is not a Character",
        "script.rpy:12": "an else without an if",
        "tl/french": "no world language for this folder",
        "tl/russian/script.rpy:1": "stray",
        "tl/russian/script.rpy:4": "Без комментария",
        "tl/russian/script.rpy:9": "what",
        "tl/russian/script.rpy:11": "an unknown block",
    }
    for where, reason in reported.items():
        assert re.search(rf"^{re.escape(where)}: skipped, .*{re.escape(reason)}", err, re.M), where
    assert "odd, odd-ru:" in out and not World.objects.filter(slug="odd-fr").exists()
    start = Scene.objects.get(world__slug="odd", title="start")
    assert start.text == 'zed: Who is zed?\nАнна Волкова: She said "9", twice.'
    assert start.location.name == "pier"


def test_a_new_cast_is_a_change_of_the_scene(game):
    run(game, "--world", "odd")
    script = game / "script.rpy"
    text = script.read_text().replace("    return\n", "    show kai\n    return\n")
    script.write_text(text.replace('Character("Kai 9")', 'Character("Kai 9", image="kai")'))
    out, _ = run(game, "--world", "odd")
    assert "update scene start (cast)" in out and "odd-ru: update scene start (cast)" in out
    start = Scene.objects.get(world__slug="odd", title="start")
    assert start.version == 2
    assert {p.character.name for p in start.participations.all()} == {"Анна Волкова", "Kai 9"}


def test_a_file_that_is_not_utf8_is_a_parse_error(game):
    (game / "latin.rpy").write_bytes('label a:\n    "Caf\xe9"\n'.encode("latin-1"))
    with pytest.raises(CommandError, match=re.escape("latin.rpy:1: not UTF-8 text")):
        run(game, "--world", "odd")
    assert World.objects.count() == 0


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("chapters: [\n", "not a readable YAML file"),
        ("- 1\n- 2\n", "expected a mapping"),
        ("chapters:\n  - title: No number\n", "chapters[0]: each chapter needs an integer"),
        (
            "chapters:\n  - {number: 1, files: [script.rpy]}\n  - {number: 1}\n",
            "chapters[1]: number 1 is below 1 or given twice",
        ),
        ("chapters:\n  - {number: 0}\n", "chapters[0]: number 0 is below 1"),
    ],
)
def test_a_map_it_cannot_use_is_an_error_and_nothing_is_written(game, tmp_path, text, reason):
    (tmp_path / "map.yaml").write_text(text)
    with pytest.raises(CommandError, match=re.escape(reason)):
        run(game, "--world", "odd", "--chapters", str(tmp_path / "map.yaml"))
    assert World.objects.count() == 0


def test_a_game_directory_that_is_not_one_is_refused(tmp_path):
    with pytest.raises(CommandError, match="not a directory"):
        run(tmp_path / "missing", "--world", "odd")


def test_without_a_map_files_are_chapters_in_natural_order(tmp_path):
    game = tmp_path / "game"
    game.mkdir()
    for number in (10, 2, 1):
        (game / f"chapter{number}.rpy").write_text(f'label part_{number}:\n    "Part {number}."\n')
    (game / "extra.rpy").write_text('translate None strings:\n    old "a"\n    new "b"\n')
    _, err = run(game, "--world", "natural")
    chapters = Scene.objects.filter(world__slug="natural").values_list("title", "chapter__number")
    assert dict(chapters) == {"part_1": 1, "part_2": 2, "part_10": 3}
    # A translate block outside tl/ is not read as a translation, and says so.
    assert "extra.rpy:1: skipped" in err
