"""The Markdown vault: every [[link]] opens a note, front matter is YAML, and a vault cut
at a chapter holds nothing from after it."""

import io
import re
import zipfile
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

from exports.services import game_files
from lorebase.models import Character, SceneParticipant, WorldRole
from tests.api.conftest import _client_for
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
LINK = re.compile(r"\[\[([^\]|]+)(?:\|[^\]]*)?\]\]")


@pytest.fixture
def world():
    """Two Annas Volkova (one name, two people), Анна inside Анна-Мария, a place and a
    concept of one name, and a chapter 3 that spoils: Kai appears, Anna dies."""
    world = WorldFactory(slug="vault-world", name="Гавань 9")
    one, two, three = (ChapterFactory(world=world, number=n, title=f"Часть {n}") for n in (1, 2, 3))
    anna = CharacterFactory(world=world, name="Anna Volkova", aliases=["Аня"])
    twin = CharacterFactory(world=world, name="Anna Volkova", description="The other one.")
    maria = CharacterFactory(world=world, name="Анна-Мария")
    kai = CharacterFactory(world=world, name="Kai: the Lamp/Keeper")
    pier = LocationFactory(world=world, name="Pier 9")
    tower = LocationFactory(world=world, name="Tower #9", parent=pier)
    ConceptFactory(world=world, name="Pier 9", description="The song, not the place.")
    fog = SceneFactory(world=world, chapter=one, order=1, title="Fog", location=pier, text="Туман.")
    SceneParticipantFactory(scene=fog, character=anna, role=SceneParticipant.Role.SPEAKER)
    SceneParticipantFactory(scene=fog, character=twin)
    names = SceneFactory(world=world, chapter=two, order=1, title="Names", location=pier)
    SceneParticipantFactory(scene=names, character=maria)
    end = SceneFactory(world=world, chapter=three, order=1, title="The fall", location=tower)
    SceneParticipantFactory(scene=end, character=kai, role=SceneParticipant.Role.SPEAKER)
    SceneParticipantFactory(scene=end, character=anna)
    RelationFactory(world=world, source_character=anna, target_character=maria, valid_from=two)
    RelationFactory(world=world, kind="FAMILY_OF", source_character=anna, target_character=kai)
    anna.status, anna.status_chapter, anna.death_scene = Character.Status.DEAD, three, end
    anna.save()
    return world


def vault(world, as_of=None) -> dict[str, str]:
    files = game_files(world, format="markdown", as_of=as_of)
    return {path.removeprefix(f"{world.slug}/"): content.decode() for path, content in files}


def front(note: str) -> dict:
    assert note.startswith("---\n")
    return yaml.safe_load(note.split("---\n", 2)[1])


def check_links(notes: dict[str, str]) -> set[str]:
    """Every link of every note names a note of the vault; the notes linked to."""
    targets = set()
    for path, note in notes.items():
        for target in LINK.findall(note):
            assert f"{target}.md" in notes, f"{path}: [[{target}]] opens nothing"
            targets.add(target)
    return targets


@pytest.mark.parametrize("as_of", [None, 1, 2, 3])
def test_every_link_opens_a_note_and_every_note_is_indexed(world, as_of):
    notes = vault(world, as_of)
    targets = check_links(notes)
    entity_notes = {p.removesuffix(".md") for p in notes if "/" in p}
    assert entity_notes <= targets  # the indexes link every note
    for note in notes.values():
        data = front(note)
        assert data["type"] == "index" or data["id"]


def test_notes_of_one_name_do_not_collide(world):
    notes = vault(world)
    annas = sorted(p for p in notes if p.startswith("Characters/Anna Volkova"))
    assert len(annas) == 2 and all(re.search(r"\([0-9a-f]{8}\)\.md$", p) for p in annas)
    # A place and a concept of one name live in their own folders.
    assert {"Places/Pier 9.md", "Concepts/Pier 9.md"} <= set(notes)
    # Characters a file name cannot hold are replaced; the name stays in the front matter.
    kai = notes["Characters/Kai  the Lamp Keeper.md"]
    assert front(kai)["name"] == "Kai: the Lamp/Keeper"


@pytest.mark.parametrize("as_of", [1, 2])
def test_a_vault_cut_at_a_chapter_has_nothing_from_after_it(world, as_of):
    notes = vault(world, as_of)
    text = "\n".join(notes.values())
    assert "The fall" not in text and "Kai" not in text and "Tower" not in text
    assert "Часть 3" not in text and "is family of" not in text
    anna = next(n for p, n in notes.items() if p.startswith("Characters/Anna") and "Аня" in n)
    assert front(anna)["status"] == "alive" and "status_chapter" not in front(anna)
    assert ("Анна-Мария" in text) is (as_of >= 2)
    assert ("knows" in text) is (as_of >= 2)
    assert front(notes["Index.md"])["as_of_chapter"] == as_of


def test_the_whole_story_vault_has_the_end(world):
    notes = vault(world)
    anna = next(n for p, n in notes.items() if p.startswith("Characters/Anna") and "Аня" in n)
    assert (front(anna)["status"], front(anna)["status_chapter"]) == ("dead", 3)
    assert "- [[Scenes/The fall|The fall]] (present)" in anna
    assert "is family of [[Characters/Kai  the Lamp Keeper|Kai  the Lamp Keeper]]" in anna
    tower = notes["Places/Tower  9.md"]
    assert "Part of [[Places/Pier 9|Pier 9]]." in tower
    assert front(notes["Chapters/3. Часть 3.md"]) | {"id": ""} == {
        "id": "", "type": "chapter", "number": 3, "title": "Часть 3"
    }  # fmt: skip


def test_the_command_writes_the_vault_and_drops_notes_gone_since(world, tmp_path):
    call_command(
        "export_world", format="markdown", world=world.slug, out=tmp_path, stdout=io.StringIO()
    )
    root = tmp_path / world.slug
    (root / ".obsidian").mkdir()
    (root / ".obsidian" / "app.json").write_text("{}")
    assert (root / "Scenes" / "The fall.md").exists()
    call_command(
        "export_world", format="markdown", world=world.slug, out=tmp_path, as_of_chapter=2,
        stdout=io.StringIO(),
    )  # fmt: skip
    written = {p.relative_to(root).as_posix(): p.read_text() for p in root.rglob("*.md")}
    assert written == vault(world, 2)
    assert (root / ".obsidian" / "app.json").exists()


def test_the_api_serves_the_vault_cut_at_a_chapter(world):
    response = _client_for(world, WorldRole.VIEWER).get(
        f"/api/v1/worlds/{world.public_id}/game-export/?kind=markdown&as_of_chapter=1"
    )
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    notes = {
        Path(i.filename).relative_to(world.slug).as_posix(): archive.read(i).decode()
        for i in archive.infolist()
    }
    assert notes == vault(world, 1)
    check_links(notes)
