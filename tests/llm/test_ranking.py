"""Which scene an answer in role cites first: by chapter, by places inside places,
by the first or last meeting with someone."""

import pytest

from graph.rebuild import world_rebuild
from llm.services import answer_question
from tests.factories import (
    ChapterFactory,
    CharacterFactory,
    LocationFactory,
    SceneFactory,
    SceneParticipantFactory,
    WorldFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def reach(graph):
    """Piper #3 meets Nessa Reed at The Gate (1), the Old Mill (2), The Gate again (3);
    both places are inside North Reach. Nessa (another woman) is at the mill too."""
    world = WorldFactory(name="North Reach", slug="north-reach")
    chapters = [ChapterFactory(world=world, number=n, title=f"Part {n}") for n in (1, 2, 3, 4)]
    region = LocationFactory(world=world, name="North Reach", kind="region")
    gate = LocationFactory(world=world, name="The Gate", parent=region)
    mill = LocationFactory(world=world, name="Old Mill", parent=region)
    inn = LocationFactory(world=world, name="Fox Inn")
    piper = CharacterFactory(world=world, name="Piper #3")
    reed = CharacterFactory(world=world, name="Nessa Reed")
    nessa = CharacterFactory(world=world, name="Nessa")
    scenes = []
    for chapter, place, title, cast in (
        (1, gate, "Tolls at dawn", (piper, reed)),
        (2, mill, "Flour and rumours", (piper, reed, nessa)),
        (3, gate, "Shutting the gate", (piper, reed)),
        (4, inn, "A quiet ale", (piper,)),
    ):
        scene = SceneFactory(
            world=world, chapter=chapters[chapter - 1], order=1, location=place, title=title
        )
        for who in cast:
            SceneParticipantFactory(scene=scene, character=who, role="present")
        scenes.append(scene)
    world_rebuild(world)
    return piper, [str(scene.public_id) for scene in scenes]


def first_citation(piper, question: str) -> str:
    answer = answer_question(character=piper, question=question, as_of_chapter=4)
    return answer["citations"][0]["id"]


def test_a_chapter_named_in_the_question_picks_its_scene_at_a_place_inside(reach):
    piper, scenes = reach
    assert first_citation(piper, "What happened at North Reach in chapter 2?") == scenes[1]
    assert first_citation(piper, "What happened at The Gate in chapter 3?") == scenes[2]
    assert first_citation(piper, "What happened at The Gate in Part 1?") == scenes[0]


def test_the_first_and_the_last_meeting_are_told_apart(reach):
    piper, scenes = reach
    assert first_citation(piper, "Where did you first meet Nessa Reed?") == scenes[0]
    assert first_citation(piper, "When did you last see Nessa Reed?") == scenes[2]
    assert first_citation(piper, "Where did you first meet Nessa?") == scenes[1]
