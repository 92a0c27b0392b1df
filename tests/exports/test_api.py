"""The snapshot zip and the character card."""

import io
import uuid
import zipfile

import pytest

from exports.services import world_files
from lorebase.models import SceneParticipant, WorldRole
from tests.api.conftest import _client_for
from tests.factories import (
    CharacterFactory,
    ConceptFactory,
    LocationFactory,
    RelationFactory,
    SceneFactory,
    SceneParticipantFactory,
    WorldFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return WorldFactory(slug="lantern-harbor", description="A port city in the fog.")


@pytest.fixture
def viewer(world):
    return _client_for(world, WorldRole.VIEWER)


def test_the_snapshot_streams_the_export_files_as_a_zip(world, viewer, export_dir):
    SceneParticipantFactory(scene=SceneFactory(world=world))
    response = viewer.get(f"/api/v1/worlds/{world.public_id}/snapshot/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert 'filename="lantern-harbor.zip"' in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert {info.filename: archive.read(info) for info in archive.infolist()} == dict(
        world_files(world)
    )
    assert "lantern-harbor/world.yaml" in archive.namelist()


@pytest.mark.parametrize("world_id", ["not-a-uuid", uuid.uuid4()])
def test_a_malformed_or_unknown_world_is_404(viewer, world_id):
    response = viewer.get(f"/api/v1/worlds/{world_id}/snapshot/")
    assert response.status_code == 404
    assert response.json()["detail"]


def _card(client, world, character) -> dict:
    response = client.get(
        f"/api/v1/worlds/{world.public_id}/characters/{character.public_id}/card/"
    )
    assert response.status_code == 200, response.content
    return response.json()


def test_the_card_is_a_v2_card_with_a_lorebook_of_what_the_character_knows(world, viewer):
    anya = CharacterFactory(world=world, name="Anya", persona="Stubborn.", speech_style="Terse.")
    kay = CharacterFactory(world=world, name="Kay")
    pier = LocationFactory(world=world, name="Pier Nine", description="Last pier.")
    guild = ConceptFactory(world=world, name="Lantern Guild", aliases=["the Guild"])
    vault = LocationFactory(world=world, name="Council Vault")
    seen = SceneFactory(
        world=world, title="Out of the fog", summary="Anya finds Kay.", location=pier
    )
    SceneParticipantFactory(scene=seen, character=anya, role=SceneParticipant.Role.SPEAKER)
    secret = SceneFactory(
        world=world, title="Council meeting", summary="The secret.", location=vault
    )
    SceneParticipantFactory(scene=secret, character=kay)
    SceneParticipantFactory(scene=secret, character=anya, role=SceneParticipant.Role.MENTIONED)
    RelationFactory(world=world, source_character=anya, target_character=kay)
    RelationFactory(
        world=world,
        kind="MEMBER_OF",
        source_character=anya,
        target_character=None,
        target_concept=guild,
    )

    card = _card(viewer, world, anya)
    assert (card["spec"], card["spec_version"]) == ("chara_card_v2", "2.0")
    data = card["data"]
    assert set(data) >= {
        "name", "description", "personality", "scenario", "first_mes", "mes_example",
        "creator_notes", "system_prompt", "post_history_instructions", "alternate_greetings",
        "tags", "creator", "character_version", "extensions", "character_book",
    }  # fmt: skip
    assert data["name"] == "Anya" and data["scenario"] == "A port city in the fog."
    assert "Stubborn." in data["personality"] and "Terse." in data["personality"]
    assert data["first_mes"] == "*Anya finds Kay.*"
    entries = data["character_book"]["entries"]
    for entry in entries:
        assert {"keys", "content", "extensions", "enabled", "insertion_order"} <= set(entry)
        assert entry["keys"] and entry["enabled"] is True
    known = {entry["extensions"]["lorebase"]["id"] for entry in entries}
    assert {str(seen.public_id), str(pier.public_id), str(guild.public_id)} <= known
    text = str(entries)
    assert "Kay" in text and "the Guild" in text
    assert "Council" not in text and "secret" not in text  # a scene she was only mentioned in


def test_the_card_of_a_character_of_another_world_is_404(world, viewer):
    stranger = CharacterFactory(world=WorldFactory())
    response = viewer.get(f"/api/v1/worlds/{world.public_id}/characters/{stranger.public_id}/card/")
    assert response.status_code == 404
