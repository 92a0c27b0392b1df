import pytest

from lorebase.models import Character, RelationKind
from tests.api import conftest as api
from tests.factories import (
    ChapterFactory,
    CharacterFactory,
    RelationFactory,
    SceneFactory,
    SceneParticipantFactory,
)

# The API tests' worlds and clients, shared here.
world, other_world, viewer, outsider = api.world, api.other_world, api.viewer, api.outsider


@pytest.fixture
def flawed(world) -> dict:
    """Lantern Harbor with one dead character in a later scene and one backwards relation."""
    one, two, three = (ChapterFactory(world=world, number=n) for n in (1, 2, 3))
    wren = CharacterFactory(
        world=world, name="Wren", status=Character.Status.DEAD, status_chapter=one
    )
    scene = SceneFactory(world=world, chapter=three, title="The Bell Rings Twice")
    SceneParticipantFactory(scene=scene, character=wren)
    relation = RelationFactory(
        world=world,
        kind=RelationKind.KNOWS,
        source_character=wren,
        target_character=CharacterFactory(world=world, name="Kay"),
        valid_from=three,
        valid_to=two,
    )
    return {"wren": wren, "scene": scene, "relation": relation}
