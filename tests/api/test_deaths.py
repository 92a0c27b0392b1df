"""A death with its killer, scene and cause over the API; relations known from the start."""

import pytest

from lorebase.models import Character, Relation
from tests.api.conftest import url
from tests.factories import ChapterFactory, CharacterFactory, SceneFactory
from tests.problems import by_field

pytestmark = pytest.mark.django_db


@pytest.fixture
def drowning(world) -> dict:
    """Chapter 4's “The Drowning at Pier Nine”, Ser Aldric, and plain Aldric who dies there."""
    fourth = ChapterFactory(world=world, number=4, title="Low Water")
    return {
        "first": ChapterFactory(world=world, number=1, title="The Fog Bell"),
        "fourth": fourth,
        "scene": SceneFactory(world=world, chapter=fourth, title="The Drowning at Pier Nine"),
        "killer": CharacterFactory(world=world, name="Ser Aldric"),
        "victim": CharacterFactory(world=world, name="Aldric", aliases=["Guard #2"]),
    }


def _patch(client, world, character, **fields):
    return client.patch(
        url(world, f"characters/{character.public_id}/"),
        {**fields, "version": character.version},
        format="json",
    )


def _rejected(response, field: str, reason: str) -> None:
    assert reason in " ".join(by_field(response)[field]), response.json()


def test_a_death_is_recorded_and_read_back(editor, world, drowning):
    victim, killer, scene = drowning["victim"], drowning["killer"], drowning["scene"]
    response = _patch(
        editor,
        world,
        victim,
        status="dead",
        killed_by=str(killer.public_id),
        death_scene=str(scene.public_id),
        death_cause="Held under the water by a man with his own name.",
    )
    assert response.status_code == 200, response.content
    # The scene's chapter became the chapter of death.
    assert response.json()["status_chapter"] == str(drowning["fourth"].public_id)

    body = editor.get(url(world, f"characters/{victim.public_id}/")).json()
    assert (body["status"], body["killed_by"], body["death_scene"]) == (
        "dead",
        str(killer.public_id),
        str(scene.public_id),
    )
    assert body["death_cause"] == "Held under the water by a man with his own name."
    assert list(killer.kills.all()) == [Character.objects.get(pk=victim.pk)]


def test_coming_back_to_life_clears_the_death_or_is_refused(editor, world, drowning):
    victim = drowning["victim"]
    victim.status, victim.killed_by = Character.Status.DEAD, drowning["killer"]
    victim.save()
    _rejected(_patch(editor, world, victim, status="alive"), "killed_by", "Only a dead character")
    response = _patch(editor, world, victim, status="alive", killed_by=None)
    assert response.status_code == 200, response.content
    assert response.json()["killed_by"] is None


def test_a_living_character_has_no_killer_or_cause(editor, world, drowning):
    response = _patch(
        editor,
        world,
        drowning["victim"],
        killed_by=str(drowning["killer"].public_id),
        death_cause="Poison in the broth.",
    )
    _rejected(response, "killed_by", "set the status to dead first")
    _rejected(response, "death_cause", "set the status to dead first")
    drowning["victim"].refresh_from_db()
    assert drowning["victim"].killed_by is None and drowning["victim"].version == 1


def test_a_death_scene_in_another_chapter_is_refused(editor, world, drowning):
    response = _patch(
        editor,
        world,
        drowning["victim"],
        status="dead",
        status_chapter=str(drowning["first"].public_id),
        death_scene=str(drowning["scene"].public_id),
    )
    _rejected(response, "death_scene", "is in chapter 4, but the character died in chapter 1")


def test_a_killer_from_another_world_is_refused(editor, world, other_world, drowning):
    stranger = CharacterFactory(world=other_world, name="Ser Aldric")
    response = _patch(
        editor, world, drowning["victim"], status="dead", killed_by=str(stranger.public_id)
    )
    _rejected(response, "killed_by", "no character with id")


def test_nobody_is_their_own_killer(editor, world, drowning):
    victim = drowning["victim"]
    response = _patch(editor, world, victim, status="dead", killed_by=str(victim.public_id))
    _rejected(response, "killed_by", "cannot be their own killer")


def test_a_relation_known_from_the_start_round_trips(editor, world):
    anya = CharacterFactory(world=world, name="Анна Марлоу")
    daniel = CharacterFactory(world=world, name="Даниил Марлоу")
    created = editor.post(
        url(world, "relations/"),
        {
            "kind": "FAMILY_OF",
            "source": {"type": "character", "id": str(anya.public_id)},
            "target": {"type": "character", "id": str(daniel.public_id)},
            "known_from_start": True,
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    assert created.json()["known_from_start"] is True
    relation = Relation.objects.get()
    assert relation.known_from_start

    listed = editor.get(url(world, f"characters/{daniel.public_id}/relations/")).json()
    assert [r["known_from_start"] for r in listed["results"]] == [True]
    response = editor.patch(
        url(world, f"relations/{relation.public_id}/"),
        {"known_from_start": "perhaps", "version": relation.version},
        format="json",
    )
    _rejected(response, "known_from_start", "valid boolean")
