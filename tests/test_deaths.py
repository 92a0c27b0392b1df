"""The death record on a character: who killed them, in which scene, how."""

import pytest
from django.core.exceptions import ValidationError

from lorebase.models import Character
from lorebase.services import entity_save
from tests.factories import ChapterFactory, CharacterFactory, SceneFactory, WorldFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return WorldFactory()


def test_a_death_scene_sets_the_chapter_of_death(world):
    chapter = ChapterFactory(world=world, number=3)
    scene = SceneFactory(world=world, chapter=chapter, title="The Drowning at Pier Nine")
    killer = CharacterFactory(world=world, name="Ser Aldric")
    victim = CharacterFactory(world=world, name="Aldric")
    victim.status, victim.killed_by, victim.death_scene = Character.Status.DEAD, killer, scene
    victim.death_cause = "held under the water"

    entity_save(instance=victim)

    victim.refresh_from_db()
    assert victim.status_chapter == chapter
    assert list(killer.kills.all()) == [victim]


def test_a_living_character_has_no_killer(world):
    victim = CharacterFactory(world=world, status=Character.Status.ALIVE)
    victim.killed_by = CharacterFactory(world=world)
    victim.death_cause = "poison"

    with pytest.raises(ValidationError) as raised:
        entity_save(instance=victim)

    assert set(raised.value.message_dict) == {"killed_by", "death_cause"}


def test_the_death_scene_must_be_in_the_chapter_of_death(world):
    first, fourth = ChapterFactory(world=world, number=1), ChapterFactory(world=world, number=4)
    victim = CharacterFactory(world=world, status=Character.Status.DEAD, status_chapter=fourth)
    victim.death_scene = SceneFactory(world=world, chapter=first)

    with pytest.raises(ValidationError) as raised:
        entity_save(instance=victim)

    assert "chapter 1" in raised.value.message_dict["death_scene"][0]


def test_nobody_is_their_own_killer_or_killed_from_another_world(world):
    victim = CharacterFactory(world=world, status=Character.Status.DEAD)
    victim.killed_by = victim
    with pytest.raises(ValidationError) as raised:
        entity_save(instance=victim)
    assert "own killer" in raised.value.message_dict["killed_by"][0]

    victim.killed_by = CharacterFactory(world=WorldFactory())
    with pytest.raises(ValidationError) as raised:
        entity_save(instance=victim)
    assert "another world" in raised.value.message_dict["killed_by"][0]
