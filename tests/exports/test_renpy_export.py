"""Into the game: characters.rpy and the codex, from the command and the API; the round
trip import → export gives back the game's defines."""

import io
import json
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from exports.renpy.parser import read_game
from exports.services import game_files
from lorebase.models import Character, Concept, World, WorldRole
from tests.api.conftest import _client_for
from tests.exports.test_renpy_import import GAME, imported, run
from tests.factories import (
    ChapterFactory,
    CharacterFactory,
    ConceptFactory,
    LocationFactory,
    SceneFactory,
    SceneParticipantFactory,
    WorldFactory,
)

pytestmark = pytest.mark.django_db


def defines(game_dir: Path) -> dict[str, str | None]:
    script, _ = read_game(game_dir)
    return {variable: define.name for variable, define in script.characters.items()}


def test_import_then_export_gives_back_the_defines_of_the_game(tmp_path):
    imported(GAME)
    for slug in ("harbour", "harbour-ru"):
        call_command("export_world", format="renpy", world=slug, out=tmp_path, stdout=io.StringIO())
    source = {var: name for var, name in defines(GAME / "game").items() if name is not None}
    assert defines(tmp_path / "harbour") == source
    # The Russian edition's defines: the same variables, the names in Russian.
    assert defines(tmp_path / "harbour-ru") == source | {"kai": "Кай Волков", "kai2": "Кай"}
    # And the exported defines in place of the game's own import as no change at all.
    game = tmp_path / "again"
    game.mkdir()
    for file in (GAME / "game").glob("chapter*.rpy"):
        (game / file.name).write_text(file.read_text())
    (game / "characters.rpy").write_text((tmp_path / "harbour" / "characters.rpy").read_text())
    (game / "options.rpy").write_text((GAME / "game" / "options.rpy").read_text())
    # A narrator names nobody, so it is no character of the world: the game keeps its own.
    (game / "narrators.rpy").write_text("define n = Character(None, kind=nvl)\n")
    out, _ = run(game, "--world", "harbour", "--chapters", str(GAME / "chapters.yaml"))
    assert out.strip().endswith("harbour: up to date.")


def test_characters_made_in_lorebase_get_a_variable_of_their_own():
    world = WorldFactory(slug="made-here")
    CharacterFactory(world=world, name="Анна Волкова")
    CharacterFactory(world=world, name="Анна  Волкова!")  # the same variable, twice
    CharacterFactory(world=world, name="9 Lives")
    CharacterFactory(world=world, name='Kai "the Lamp" Volkov')
    files = dict(game_files(world, format="renpy"))
    text = files["made-here/characters.rpy"].decode()
    # Sorted by name, "Анна  Волкова!" (two spaces) comes first and keeps the plain one.
    assert 'define анна_волкова = Character("Анна  Волкова!")' in text
    assert 'define анна_волкова_2 = Character("Анна Волкова")' in text
    assert 'define c_9_lives = Character("9 Lives")' in text
    assert 'Character("Kai \\"the Lamp\\" Volkov")' in text


def test_the_codex_gives_each_entry_the_chapter_it_may_be_read_from():
    world = WorldFactory(slug="codex-world")
    one, two = ChapterFactory(world=world, number=1), ChapterFactory(world=world, number=2)
    anna, kai = (
        CharacterFactory(world=world, name="Anna"),
        CharacterFactory(world=world, name="Kai"),
    )
    never = CharacterFactory(world=world, name="Kai Volkov", description="Only in the notes.")
    pier, tower = (
        LocationFactory(world=world, name="Pier 9"),
        LocationFactory(world=world, name="Tower"),
    )
    guild = ConceptFactory(world=world, name="Guild", kind=Concept.Kind.FACTION)
    SceneParticipantFactory(
        scene=SceneFactory(world=world, chapter=one, location=pier), character=anna
    )
    later = SceneFactory(world=world, chapter=two, location=tower)
    SceneParticipantFactory(scene=later, character=kai)
    SceneParticipantFactory(scene=later, character=anna)
    codex = json.loads(dict(game_files(world, format="renpy"))["codex-world/codex.json"])
    chapters = {(e["type"], e["name"]): e["from_chapter"] for e in codex["entries"]}
    assert chapters == {
        ("character", "Anna"): 1,
        ("character", "Kai"): 2,
        ("character", "Kai Volkov"): 1,  # in no scene: known from the start
        ("location", "Pier 9"): 1,
        ("location", "Tower"): 2,
        ("concept", "Guild"): 1,
    }
    entry = next(e for e in codex["entries"] if e["id"] == str(never.public_id))
    assert entry["description"] == "Only in the notes." and entry["variable"] == "kai_volkov"
    assert next(e for e in codex["entries"] if e["id"] == str(guild.public_id))["kind"] == "faction"
    assert codex["world"] == {"id": str(world.public_id), "name": world.name}


def test_the_api_serves_the_renpy_files_as_a_zip():
    imported(GAME)
    world = World.objects.get(slug="harbour")
    response = _client_for(world, WorldRole.VIEWER).get(
        f"/api/v1/worlds/{world.public_id}/game-export/?kind=renpy"
    )
    assert response.status_code == 200
    assert 'filename="harbour-renpy.zip"' in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert {i.filename: archive.read(i) for i in archive.infolist()} == dict(
        game_files(world, format="renpy")
    )
    codex = json.loads(archive.read("harbour/codex.json"))
    assert {e["name"] for e in codex["entries"] if e["type"] == "character"} == set(
        Character.objects.filter(world=world).values_list("name", flat=True)
    )


@pytest.mark.parametrize(
    ("query", "field", "reason"),
    [
        ("", "kind", "required"),
        ("?kind=pdf", "kind", "not a valid choice"),
        ("?kind=renpy&as_of_chapter=1", "as_of_chapter", "no cut"),
        ("?kind=markdown&as_of_chapter=9", "as_of_chapter", "no chapter 9"),
    ],
)
def test_a_bad_export_parameter_is_400_naming_it(query, field, reason):
    imported(GAME)
    world = World.objects.get(slug="harbour")
    response = _client_for(world, WorldRole.VIEWER).get(
        f"/api/v1/worlds/{world.public_id}/game-export/{query}"
    )
    assert response.status_code == 400
    assert field in response.content.decode() and reason in response.content.decode()


def test_the_command_refuses_what_it_cannot_export(tmp_path):
    world = WorldFactory(slug="lonely")
    with pytest.raises(CommandError, match="needs --world and --out"):
        call_command("export_world", format="markdown", world=world.slug)
    with pytest.raises(CommandError, match="renpy codex"):
        call_command("export_world", format="renpy", world="lonely", out=tmp_path, as_of_chapter=1)
    with pytest.raises(CommandError, match="lonely has no chapter 2"):
        call_command(
            "export_world", format="markdown", world="lonely", out=tmp_path, as_of_chapter=2
        )
    assert not (tmp_path / "lonely").exists()
