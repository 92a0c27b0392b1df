"""What a character knows of relations and deaths, and the questions it answers in role."""

import pytest
from django.core.cache import caches

from graph.rebuild import world_rebuild
from llm.context import build_context
from llm.services import answer_question
from lorebase.models import Character, RelationKind, Scene
from tests.factories import (
    ChapterFactory,
    CharacterFactory,
    RelationFactory,
    SceneFactory,
    SceneParticipantFactory,
    WorldFactory,
)

from .conftest import character
from .weir import weir_world

pytestmark = pytest.mark.django_db
EVERYTHING = 10**6


@pytest.fixture
def weir(graph):
    return weir_world("en")


@pytest.fixture
def weir_ru(graph):
    return weir_world("ru")


def ids(who, as_of: int) -> set[str]:
    return build_context(character=who, question="x", as_of=as_of, budget=EVERYTHING).ids


def test_a_timeless_relation_is_known_only_once_the_parties_have_met(weir):
    serves = str(weir.serves.public_id)
    oren, lord = weir.who("oren"), weir.who("varrow")
    # Oren has served Lord Varrow all along, but they first share a scene in chapter 4
    # (being mentioned in chapter 2 is not meeting).
    assert serves not in ids(oren, 3) and serves not in ids(lord, 3)
    assert serves in ids(oren, 4) and serves in ids(lord, 4)
    # Kinship marked as known from the start holds in chapter 1 without a meeting.
    family = str(weir.family.public_id)
    assert family in ids(oren, 1) and family in ids(weir.who("mara"), 1)
    # Father and son share a scene in chapter 1.
    assert str(weir.father.public_id) in ids(weir.who("wynn"), 1)


def test_who_has_not_met_their_lord_does_not_name_him(weir):
    answer = answer_question(
        character=weir.who("oren"), question="Who do you serve?", as_of_chapter=3
    )
    assert "Lord Varrow" not in answer["answer"]
    assert str(weir.serves.public_id) not in {i["id"] for i in answer["knowledge_items"]}


DROWNED = (
    "Aldric was killed by Ser Aldric in “Held Under at the Weir”, chapter 3: held under the water."
)


@pytest.mark.parametrize(
    ("who", "as_of", "known"),
    [
        ("wynn", 3, {"aldric"}),  # was there
        ("wynn", 2, set()),  # not yet
        ("ser", 1, set()),
        ("ser", 2, {"guard12"}),  # the killer, though in no scene of it
        ("ser", 4, {"aldric", "guard12"}),
        ("oren", 4, set()),  # knew Aldric, was not at the weir
        ("guard2", 4, set()),
    ],
)
def test_a_death_is_known_to_its_witnesses_and_its_killer_from_its_chapter(weir, who, as_of, known):
    context = build_context(character=weir.who(who), question="x", as_of=as_of, budget=EVERYTHING)
    deaths = {item.id for item in context.items if item.type == "death"}
    assert deaths == {str(weir.people[key].public_id) for key in known}


def test_the_death_item_says_who_killed_whom_where_and_how(weir):
    context = build_context(character=weir.who("wynn"), question="x", as_of=3, budget=EVERYTHING)
    death = context.item(str(weir.people["aldric"].public_id))
    assert death.type == "death" and death.chapter == 3
    assert death.text == DROWNED
    assert death.cites == (str(weir.scenes[2].public_id),)
    assert {
        "source": str(weir.people["aldric"].public_id),
        "target": str(weir.people["ser"].public_id),
        "type": "KILLED_BY",
        "scene": str(weir.scenes[2].public_id),
    } in context.edges


@pytest.mark.parametrize("question", ["Who killed your father?", "Who killed Aldric?"])
def test_a_witness_says_who_killed_him_citing_the_scene(weir, question):
    answer = answer_question(character=weir.who("wynn"), question=question, as_of_chapter=3)
    assert answer["knows"] is True
    assert answer["answer"].startswith(f"{DROWNED} [1]")
    assert answer["citations"][0] == {
        "id": str(weir.scenes[2].public_id),
        "type": "scene",
        "title": "Held Under at the Weir",
    }


def test_the_killer_says_it_in_the_first_person(weir):
    answer = answer_question(
        character=weir.who("ser"), question="Who killed Aldric?", as_of_chapter=3
    )
    assert answer["answer"].startswith(
        "I killed Aldric in “Held Under at the Weir”, chapter 3: held under the water. [1]"
    )


@pytest.mark.parametrize(("who", "as_of"), [("wynn", 2), ("oren", 4), ("guard2", 4)])
@pytest.mark.parametrize("question", ["Who killed your father?", "Who killed Aldric?"])
def test_a_death_not_witnessed_or_not_yet_is_not_told(weir, who, as_of, question):
    answer = answer_question(character=weir.who(who), question=question, as_of_chapter=as_of)
    assert "held under" not in answer["answer"] and "killed by" not in answer["answer"]
    drowning = str(weir.scenes[2].public_id)
    assert drowning not in {c["id"] for c in answer["citations"]}
    assert all(i["type"] != "death" for i in answer["knowledge_items"])


RU_DROWNED = (
    "Олдрик — убийца: Сэр Олдрик, сцена «Утопленный у плотины», глава 3: держали под водой."
)


@pytest.mark.parametrize("question", ["Кто убил твоего отца?", "Кто убил Олдрика?"])
def test_a_witness_says_it_in_russian(weir_ru, question):
    answer = answer_question(character=weir_ru.who("wynn"), question=question, as_of_chapter=3)
    assert answer["answer"].startswith(f"{RU_DROWNED} [1]")
    assert answer["citations"][0]["id"] == str(weir_ru.scenes[2].public_id)
    before = answer_question(character=weir_ru.who("wynn"), question=question, as_of_chapter=2)
    assert "Сэр Олдрик" not in before["answer"]


@pytest.mark.parametrize(
    ("who", "question", "relation", "named"),
    [
        ("oren", "Who is your enemy?", "enemy", "Ser Aldric"),
        ("oren", "Who do you serve?", "serves", "Lord Varrow"),
        ("varrow", "Who does Oren serve?", "serves", "Oren serves Lord Varrow"),
        ("wynn", "Who is your father?", "father", "Aldric"),
    ],
)
def test_a_relation_question_is_answered_from_the_relation(weir, who, question, relation, named):
    answer = answer_question(character=weir.who(who), question=question, as_of_chapter=4)
    assert answer["citations"][0]["id"] == str(getattr(weir, relation).public_id)
    assert named in answer["answer"].split("[1]")[0]


@pytest.mark.parametrize(
    ("question", "relation"), [("Кто твой враг?", "enemy"), ("Кому ты служишь?", "serves")]
)
def test_a_relation_question_in_russian(weir_ru, question, relation):
    answer = answer_question(character=weir_ru.who("oren"), question=question, as_of_chapter=4)
    assert answer["citations"][0]["id"] == str(getattr(weir_ru, relation).public_id)


def test_a_question_that_names_nothing_known_is_answered_from_the_text(demo):
    # "the fog" is also the name of a concept Kay has never come across, but the fog
    # is in what he remembers of his first scene.
    kay = character(demo["en"], "Kay")
    answer = answer_question(
        character=kay, question="Who pulled you out of the fog?", as_of_chapter=2
    )
    assert answer["knows"] is True
    assert answer["citations"][0]["title"] == "The Stranger on Pier Nine"
    # A place the character has not been to is still unknown to them.
    anya = character(demo["en"], "Anna Marlowe")
    lamp = answer_question(
        character=anya, question="What happened in the Lamp Room?", as_of_chapter=1
    )
    assert lamp["knows"] is False


@pytest.mark.parametrize(
    ("edition", "ask"), [("en", "Tell me about {}"), ("ru", "Расскажи про «{}»")]
)
def test_the_scene_asked_about_is_cited_first(demo, edition, ask):
    world = demo[edition]
    missed = []
    for who in Character.objects.filter(world=world).select_related("world", "status_chapter"):
        scenes = Scene.objects.filter(
            participations__character=who, participations__role__in=["present", "speaker"]
        )
        for scene in scenes:
            answer = answer_question(character=who, question=ask.format(scene.title))
            first = answer["citations"][0]["id"] if answer["citations"] else None
            if first != str(scene.public_id):
                missed.append((who.name, scene.title))
    assert missed == []


def test_ties_are_broken_the_same_way_every_time(graph):
    """Two identical scenes and two identical enmities: the story and the ids decide."""
    world = WorldFactory()
    first, second = ChapterFactory(world=world, number=1), ChapterFactory(world=world, number=2)
    me, guard2, guard12 = (CharacterFactory(world=world, name=f"Guard #{n}") for n in (1, 2, 12))
    scenes = []
    for chapter in (first, second):
        scene = SceneFactory(
            world=world, chapter=chapter, title="At the Gate", summary="Rain, and the gate shut."
        )
        for who in (me, guard2, guard12):
            SceneParticipantFactory(scene=scene, character=who)
        scenes.append(scene)
    enmities = [
        RelationFactory(
            world=world,
            kind=RelationKind.ENEMY_OF,
            source_character=me,
            target_character=other,
            description="Old grudge over dice.",
            valid_from=first,
        )
        for other in (guard2, guard12)
    ]
    world_rebuild(world)
    me = Character.objects.select_related("world", "status_chapter").get(pk=me.pk)
    expected = {
        "What happened at the gate?": [str(s.public_id) for s in reversed(scenes)],
        "Who is your enemy?": sorted(str(r.public_id) for r in enmities),
    }
    for question, order in expected.items():
        answers = []
        for _ in range(3):
            caches["llm"].clear()  # each time computed, not served from the cache
            answer = answer_question(character=me, question=question)
            answers.append((answer["answer"], [c["id"] for c in answer["citations"]]))
        assert answers[0] == answers[1] == answers[2]
        assert answers[0][1][:2] == order, question
