"""import_renpy on the fixture game (tests/exports/renpy_game): the world it makes, a second
run that changes nothing, --check, translations, unknown lines and parse errors."""

import re
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from lorebase.models import (
    Change,
    Chapter,
    Character,
    Location,
    Scene,
    SceneParticipant,
    World,
    WorldRole,
)
from tests.api.conftest import _client_for
from tests.factories import WorldFactory

pytestmark = pytest.mark.django_db

GAME = Path(__file__).parent / "renpy_game"
Role = SceneParticipant.Role
MODELS = (World, Chapter, Location, Character, Scene)


def run(game_dir: Path, *args: str, **options) -> tuple[str, str]:
    out, err = _Buffer(), _Buffer()
    call_command("import_renpy", str(game_dir), *args, stdout=out, stderr=err, **options)
    return out.text, err.text


class _Buffer:
    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> None:
        self.text += text

    def flush(self) -> None:
        """Nothing buffered."""


def versions() -> dict[str, int]:
    return {
        f"{model.__name__}:{public_id}": version
        for model in MODELS
        for public_id, version in model.objects.values_list("public_id", "version")
    }


@pytest.fixture
def game(tmp_path: Path) -> Path:
    """A copy of the fixture game the test may edit."""
    shutil.copytree(GAME, tmp_path / "renpy_game")
    return tmp_path / "renpy_game"


def imported(game: Path) -> tuple[str, str]:
    return run(game / "game", "--world", "harbour", "--chapters", str(game / "chapters.yaml"))


def cast(scene: Scene) -> dict[str, str]:
    return {p.character.name: p.role for p in scene.participations.select_related("character")}


def test_the_fixture_game_becomes_a_world(game):
    out, err = imported(game)
    world = World.objects.get(slug="harbour")
    assert world.name == "Harbour 9" and world.language == "en"
    chapters = Chapter.objects.filter(world=world)
    assert {c.number: c.title for c in chapters} == {1: "Туман", 2: "The Tower No. 9", 3: "Эпилог"}
    assert set(Location.objects.filter(world=world).values_list("name", flat=True)) == {
        "Pier 9",
        "Pier 9 Tower",
    }
    characters = {c.name: c.aliases for c in Character.objects.filter(world=world)}
    # The narrator-like `n` names nobody: not a character.
    assert characters == {
        "Анна Волкова": ["anna"],
        "Анна-Мария Волкова": ["anna_m"],
        "Kai Volkov": ["kai"],
        "Kai": ["kai2"],
        "Guard #9": ["guard_9"],
    }
    start, tower, epilogue = Scene.objects.filter(world=world).select_related("location")
    assert [(s.title, s.chapter.number, s.order) for s in (start, tower, epilogue)] == [
        ("start", 1, 1),
        ("tower", 2, 1),
        ("epilogue", 3, 1),
    ]
    assert (start.location.name, tower.location.name, epilogue.location) == (
        "Pier 9",
        "Pier 9 Tower",
        None,
    )
    # Shown and speaking; Kai (not Kai Volkov) is named alone in "Kai?", Kai Volkov in a line.
    assert cast(start) == {
        "Анна Волкова": Role.SPEAKER,
        "Анна-Мария Волкова": Role.SPEAKER,
        "Kai Volkov": Role.MENTIONED,
        "Kai": Role.MENTIONED,
    }
    assert cast(tower) == {
        "Kai Volkov": Role.SPEAKER,
        "Kai": Role.SPEAKER,
        "Guard #9": Role.SPEAKER,
        "Анна Волкова": Role.SPEAKER,
    }
    assert cast(epilogue) == {}
    assert start.text.splitlines()[:4] == [
        "The fog covered the harbour.",
        "Анна Волкова: Who's there? Kai?",
        "Анна-Мария Волкова: It's me, Анна-Мария.",
        "Stranger: Just a sailor: 42 years at sea.",
    ]
    assert "Menu:\nАнна Волкова: What now?\n• Ask about Kai Volkov\n" in start.text
    assert "    → tower\n• Leave\n    She left.\n    → epilogue (call)\n→ tower" in start.text
    assert "• elif trust == 0\n    Nobody moved.\n" in tower.text and "[Pier 9]" in tower.text
    # Unknown lines are reported with their file and line, and the rest was imported.
    for where in ("chapter1.rpy:9", "chapter1.rpy:10", "tl/russian/chapter2.rpy:11"):
        assert where in err
    assert "frobnicate the lanterns" in err
    assert "harbour, harbour-ru:" in out and "change(s) written" in out


def test_the_russian_translation_is_an_edition_linked_to_the_original(game):
    imported(game)
    world, ru = World.objects.get(slug="harbour"), World.objects.get(slug="harbour-ru")
    assert (ru.language, ru.name, ru.original) == ("ru", "Гавань 9", world.public_id)
    kai, kai_ru = (Character.objects.get(world=w, aliases=["kai"]) for w in (world, ru))
    assert (kai_ru.name, kai_ru.original) == ("Кай Волков", kai.public_id)
    assert Character.objects.get(world=ru, aliases=["kai2"]).name == "Кай"
    start, start_ru = (Scene.objects.get(world=w, title="start") for w in (world, ru))
    assert start_ru.original == start.public_id
    assert start_ru.text.startswith("Туман накрыл гавань.\nАнна Волкова: Кто здесь? Кай?\n")
    assert "• Спросить о Кае Волкове\n    Анна Волкова: Где Кай Волков?" in start_ru.text
    # An untranslated line stays in the original language.
    assert "Анна-Мария Волкова: It's me, Анна-Мария." in start_ru.text
    assert start_ru.location.name == "Пирс 9"
    assert Chapter.objects.get(world=ru, number=2).title == "Башня № 9"
    for model in (Chapter, Location, Character, Scene):
        originals = set(model.objects.filter(world=world).values_list("public_id", flat=True))
        linked = set(model.objects.filter(world=ru).values_list("original", flat=True))
        assert linked == originals, model


def test_a_second_import_changes_nothing(game):
    imported(game)
    before, changes = versions(), Change.objects.count()
    out, _ = imported(game)
    assert out.strip().endswith("harbour, harbour-ru: up to date.")
    assert versions() == before and Change.objects.count() == changes
    assert Scene.objects.count() == 6 and Character.objects.count() == 10


def test_check_says_what_would_change_and_writes_nothing(game):
    with pytest.raises(SystemExit) as exit:
        run(game / "game", "--world", "harbour", "--check")
    assert exit.value.code == 1
    assert World.objects.count() == 0 and Change.objects.count() == 0
    imported(game)
    out, _ = run(
        game / "game", "--world", "harbour", "--chapters", str(game / "chapters.yaml"), "--check"
    )
    assert "up to date" in out
    script = game / "game" / "chapter2.rpy"
    script.write_text(script.read_text().replace("Halt!", "Halt, 2 steps back!"))
    before = versions()
    with pytest.raises(SystemExit):
        run(
            game / "game", "--world", "harbour", "--chapters", str(game / "chapters.yaml"),
            "--check",
        )  # fmt: skip
    assert versions() == before
    out, _ = imported(game)
    assert "update scene tower (text)" in out and "harbour-ru: update scene tower (text)" in out
    tower = Scene.objects.get(world__slug="harbour", title="tower")
    assert "Guard #9: Halt, 2 steps back!" in tower.text and tower.version == 2


def test_without_a_map_each_file_is_a_chapter_and_a_new_label_moves_the_others(game):
    run(game / "game", "--world", "harbour")
    world = World.objects.get(slug="harbour")
    assert {c.number: c.title for c in Chapter.objects.filter(world=world)} == {
        1: "chapter1",
        2: "chapter2",
    }
    assert Location.objects.get(world=world, name="pier night")
    script = game / "game" / "chapter2.rpy"
    script.write_text('label gate:\n    "The gate, 9 bells."\n\n' + script.read_text())
    run(game / "game", "--world", "harbour")
    orders = dict(
        Scene.objects.filter(world=world, chapter__number=2).values_list("title", "order")
    )
    assert orders == {"gate": 1, "tower": 2, "epilogue": 3}
    assert Scene.objects.filter(world=world).count() == 4


BROKEN = {
    "unterminated": ('label a:\n    e "Hello\n', "broken.rpy:2: unterminated string"),
    "no block": ("label a:\nlabel b:\n    pass\n", "broken.rpy:2: expected an indented block"),
    "indent": ('label a:\n    "One."\n        "Two."\n', "broken.rpy:3: unexpected indent"),
    "dedent": (
        'label a:\n    menu:\n        "Go":\n            "Gone."\n      "Odd."\n',
        "broken.rpy:5: the indentation matches no outer block",
    ),
    "tab": ('label a:\n\t"Tabbed."\n', "broken.rpy:2: a tab in the indentation"),
    "end": ('label a:\n    "Fine."\nlabel b:\n', "broken.rpy:3: expected an indented block"),
}


@pytest.mark.parametrize("case", BROKEN)
def test_a_parse_error_names_file_line_and_reason_and_writes_nothing(game, case):
    imported(game)
    before, changes = versions(), Change.objects.count()
    source, message = BROKEN[case]
    (game / "game" / "chapter2.rpy").write_text(
        (game / "game" / "chapter2.rpy").read_text().replace("I came back.", "I came back, 2.")
    )
    (game / "game" / "broken.rpy").write_text(source)
    with pytest.raises(CommandError, match=re.escape("Nothing imported: " + message)):
        run(game / "game", "--world", "harbour")
    assert versions() == before and Change.objects.count() == changes


def test_a_label_in_no_chapter_of_the_map_is_an_error(game):
    (game / "game" / "chapter3.rpy").write_text('label coda:\n    "9 lanterns."\n')
    with pytest.raises(
        CommandError, match=re.escape("chapter3.rpy:1: label coda is in no chapter")
    ):
        imported(game)
    assert World.objects.count() == 0


def test_a_world_in_the_way_of_an_edition_is_left_alone(game):
    stranger = WorldFactory(slug="harbour-ru", name="Другая гавань", language="ru")
    with pytest.raises(CommandError, match="harbour-ru exists and is not the ru edition"):
        imported(game)
    assert list(World.objects.values_list("slug", flat=True)) == ["harbour-ru"]
    stranger.refresh_from_db()
    assert (stranger.name, stranger.version) == ("Другая гавань", 1)


def test_the_api_shows_which_entity_an_edition_translates(game):
    imported(game)
    world, ru = World.objects.get(slug="harbour"), World.objects.get(slug="harbour-ru")
    kai, kai_ru = (Character.objects.get(world=w, aliases=["kai"]) for w in (world, ru))
    client = _client_for(ru, WorldRole.VIEWER)
    body = client.get(f"/api/v1/worlds/{ru.public_id}/characters/{kai_ru.public_id}/").json()
    assert (body["name"], body["original"]) == ("Кай Волков", str(kai.public_id))
    assert client.get(f"/api/v1/worlds/{ru.public_id}/").json()["original"] == str(world.public_id)
    # Read-only: a write cannot point an entity at another original.
    response = _client_for(ru, WorldRole.EDITOR).patch(
        f"/api/v1/worlds/{ru.public_id}/characters/{kai_ru.public_id}/",
        {"original": str(ru.public_id), "version": kai_ru.version},
        format="json",
    )
    assert response.status_code == 200
    kai_ru.refresh_from_db()
    assert kai_ru.original == kai.public_id
