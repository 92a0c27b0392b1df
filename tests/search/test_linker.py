"""The entity linker on hard names: one test per way a real world broke it (issue 15)."""

import pytest

from lorebase.models import Character, Location, World, WorldRole
from lorebase.services import membership_set, scene_set_participants
from search.kinds import CHARACTER_AT_LOCATION, MEETINGS, TEXT, classify
from search.questions import recognise
from search.text import analyse, config_for
from tests.conftest import client_for
from tests.factories import (
    ChapterFactory,
    CharacterFactory,
    ConceptFactory,
    LocationFactory,
    SceneFactory,
    UserFactory,
    WorldFactory,
)
from tests.search.conftest import world_url

pytestmark = pytest.mark.django_db


def world_with(language: str, characters: list[str] = (), places: list[str] = ()) -> World:
    world = WorldFactory(language=language)
    for name in characters:
        CharacterFactory(world=world, name=name)
    for name in places:
        LocationFactory(world=world, name=name)
    return world


def linked(world: World, question: str) -> list[str]:
    words = analyse(question, config_for(world))
    return [m.entity.name for m in recognise(world, words)]


def asked(world: World, question: str, as_of: int | None = None):
    words = analyse(question, config_for(world))
    return classify(words, recognise(world, words, as_of=as_of, chapters=True))


@pytest.mark.parametrize(
    ("language", "names", "question"),
    [
        ("en", ["Mira Vance", "Tomas Vance"], "where did Mira Vance and Tomas Vance meet"),
        ("ru", ["Мира Ванс", "Томас Ванс"], "где встретились Мира Ванс и Томас Ванс"),
    ],
)
def test_a_shared_surname_is_credited_at_each_position(language, names, question):
    world = world_with(language, names)
    question_asked = asked(world, question)
    assert question_asked.kind == MEETINGS
    assert [m.entity.name for m in question_asked.mentions] == names


def test_the_longer_name_wins_over_the_name_it_starts_with():
    world = world_with("en", ["Lady", "Lady Ash", "Nessa", "Nessa Reed"])
    assert linked(world, "where did Lady Ash and Nessa Reed meet") == ["Lady Ash", "Nessa Reed"]
    assert linked(world, "where did Lady and Nessa meet") == ["Lady", "Nessa"]


def test_function_words_never_name_anything_alone():
    world = world_with("en", ["The Crown King", "The Ferryman"], ["Old Harbour"])
    question = "what happened at Old Harbour in The Fox and the Crown"
    assert linked(world, question) == ["Old Harbour"]
    # A name made of function and content words still matches as a whole.
    assert linked(world, "the Ferryman at Old Harbour") == ["The Ferryman", "Old Harbour"]
    ru = world_with("ru", places=["Старая пристань"])
    ConceptFactory(world=ru, name="Тень на стене")
    assert linked(ru, "что случилось на Старой пристани в главе «Тень и пепел»") == [
        "Старая пристань"
    ]


def test_one_common_word_does_not_link_a_multi_word_name():
    world = world_with("en", ["Ada Moss", "Ben Hale", "First Officer"])
    assert linked(world, "where did Ada Moss and Ben Hale first meet") == ["Ada Moss", "Ben Hale"]
    assert linked(world, "where did First Officer and Ada Moss meet") == [
        "First Officer",
        "Ada Moss",
    ]


def test_numbers_and_titles_are_part_of_a_name():
    world = world_with(
        "en", ["Piper #3", "Viper", "Guard #1", "Guard #2", "Ser Aldric", "Oren", "Maester Oren"]
    )
    assert linked(world, "where did Guard #2 and Piper #3 meet") == ["Guard #2", "Piper #3"]
    assert linked(world, "where did Maester Oren and Ser Aldric meet") == [
        "Maester Oren",
        "Ser Aldric",
    ]
    # A number that no name has is no reason to take the name one edit away.
    assert linked(world, "Piper #4") == []


def test_a_russian_name_that_drops_a_vowel_when_it_inflects_is_still_linked():
    world = world_with("ru", characters=["Леди", "Отец Фёдор", "Фёдор"], places=["Колодец Леди"])
    # «Колодец» → «у Колодца»: two edits from the bare word, one vowel from its stem.
    assert linked(world, "что случилось у Колодца Леди") == ["Колодец Леди"]
    assert linked(world, "где ты встретил Отца Фёдора") == ["Отец Фёдор"]
    assert linked(world, "где ты встретил Фёдора") == ["Фёдор"]


def gate_world() -> World:
    world = world_with("en", ["Ada Moss", "Ben Hale"])
    for region in ("North Reach", "South Reach", "Old Keep"):
        LocationFactory(
            world=world, name="The Gate", parent=LocationFactory(world=world, name=region)
        )
    return world


def gate(world: World, region: str) -> Location:
    return Location.objects.get(world=world, name="The Gate", parent__name=region)


def scene_at(place, chapter: int, *people: str, role: str = "present") -> None:
    world = place.world
    scene = SceneFactory(
        world=world, location=place, chapter=ChapterFactory(world=world, number=chapter)
    )
    cast = [(Character.objects.get(world=world, name=name), role) for name in people]
    scene_set_participants(scene=scene, participants=cast)


def test_homonymous_places_are_reported_as_ambiguous():
    world = gate_world()
    question_asked = asked(world, "Ada Moss at The Gate")
    assert question_asked.kind == TEXT  # no confident graph answer about one of them
    gate = next(m for m in question_asked.mentions if m.entity.name == "The Gate")
    assert gate.ambiguous
    assert sorted(e.parent for e in gate.candidates) == ["North Reach", "Old Keep", "South Reach"]


def test_a_place_named_in_the_question_tells_homonymous_places_apart():
    world = gate_world()
    question_asked = asked(world, "Ada Moss at The Gate in North Reach")
    assert question_asked.kind == CHARACTER_AT_LOCATION
    gate = question_asked.mentions[1]
    assert not gate.ambiguous and gate.entity.parent == "North Reach"


def test_the_named_characters_scenes_tell_homonymous_places_apart():
    world = gate_world()
    scene_at(gate(world, "Old Keep"), 1, "Ada Moss")
    scene_at(gate(world, "South Reach"), 2, "Ada Moss", role="mentioned")  # not there
    question_asked = asked(world, "Ada Moss at The Gate")
    assert question_asked.kind == CHARACTER_AT_LOCATION
    place = question_asked.mentions[1]
    assert not place.ambiguous and place.entity.parent == "Old Keep"
    assert "scenes" in place.resolved_by
    # Both named: Ben Hale's own scene (chapter 3) is at another Gate, so it is unclear again.
    scene_at(gate(world, "North Reach"), 3, "Ben Hale")
    both = asked(world, "where were Ada Moss and Ben Hale at The Gate")
    gate_mention = next(m for m in both.mentions if m.entity.name == "The Gate")
    assert both.kind == TEXT and len(gate_mention.candidates) == 2
    assert sorted(e.parent for e in gate_mention.candidates) == ["North Reach", "Old Keep"]
    # As of chapter 2 Ben Hale's scene there has not happened: the Old Keep Gate again.
    early = asked(world, "where were Ada Moss and Ben Hale at The Gate", as_of=2)
    assert early.kind == MEETINGS and not early.ambiguous
    words = analyse("Ada Moss at The Gate", config_for(world))
    assert recognise(world, words, as_of=2)[1].entity.parent == "Old Keep"


def test_a_place_inside_a_named_region_wins_over_the_scenes():
    world = gate_world()
    scene_at(gate(world, "Old Keep"), 1, "Ada Moss")
    question_asked = asked(world, "Ada Moss at The Gate in North Reach")
    assert question_asked.mentions[1].entity.parent == "North Reach"
    assert "inside" in question_asked.mentions[1].resolved_by


@pytest.mark.parametrize(
    ("language", "names", "chapter_title", "qualified", "bare"),
    [
        (
            "en",
            ("The Gate", "North Reach", "Old Keep"),
            "Beyond the Gate",
            "what happened at The Gate in North Reach in chapter 1",
            "what happened at The Gate in chapter 1",
        ),
        (
            "ru",
            ("Ворота", "Северный Предел", "Старая Крепость"),
            "За Воротами",
            "что случилось в Воротах в Северном Пределе в главе 1",
            "что случилось в Воротах в главе 1",
        ),
    ],
)
def test_a_place_inside_a_named_region_wins_over_a_chapter_of_its_name(
    language, names, chapter_title, qualified, bare
):
    world = WorldFactory(language=language)
    place, *regions = names
    gates = [
        LocationFactory(world=world, name=place, parent=LocationFactory(world=world, name=r))
        for r in regions
    ]
    ChapterFactory(world=world, number=2, title=chapter_title)

    gate = asked(world, qualified).mentions[0]
    assert (gate.entity.id, gate.ambiguous) == (str(gates[0].public_id), False)
    # Without the region the question names no place for sure: the Gates, never the chapter.
    gate = asked(world, bare).mentions[0]
    assert gate.ambiguous and {e.type for e in gate.candidates} == {"location"}


def test_a_surname_alone_that_two_people_share_is_ambiguous():
    world = world_with("ru", ["Мира Ванс", "Томас Ванс", "Ада Мосс"])
    question_asked = asked(world, "где встретились Ада Мосс и Ванс")
    assert question_asked.kind == TEXT
    vance = question_asked.ambiguous[0]
    assert sorted(e.name for e in vance.candidates) == ["Мира Ванс", "Томас Ванс"]


def reader_of(world: World):
    user = UserFactory()
    membership_set(world=world, user=user, role=WorldRole.VIEWER)
    return client_for(user)


def search(client, world: World, q: str) -> dict:
    response = client.get(world_url(world, "search"), {"q": q})
    assert response.status_code == 200, response.content
    return response.json()


def test_search_says_which_places_an_ambiguous_name_could_be():
    world = gate_world()
    answer = search(reader_of(world), world, "Ada Moss at The Gate")
    interpretation = answer["interpretation"]
    assert answer["kind"] == interpretation["kind"] == "text"
    assert not interpretation["confident"] and "The Gate" in interpretation["note"]
    gate = next(m for m in interpretation["mentions"] if m["words"] == ["The", "Gate"])
    assert gate["how"] == "exact" and gate["ambiguous"]
    assert sorted(c["parent"] for c in gate["candidates"]) == [
        "North Reach",
        "Old Keep",
        "South Reach",
    ]
    ada = next(m for m in interpretation["mentions"] if m["words"] == ["Ada", "Moss"])
    assert not ada["ambiguous"] and ada["candidates"][0]["type"] == "character"
    # A client that only reads `entities` is not told a guess as if it were known.
    assert [e["name"] for e in answer["entities"]] == ["Ada Moss"]


def test_search_gives_the_same_results_whatever_the_rows_physical_order(settings):
    # Few candidates, many matches: which rows are candidates must not depend on
    # where PostgreSQL happens to keep them. Rows holding more of the question's
    # words come first, so the one scene with both words is a candidate although
    # it was written last and eight others mention "lantern" more often.
    settings.SEARCH_TEXT_CANDIDATES = 3
    world = world_with("en")
    scenes = [
        SceneFactory(world=world, title=f"Scene {n}", summary="lantern lantern lantern lantern")
        for n in range(8)
    ]
    best = SceneFactory(world=world, title="The best", summary="lantern fog lantern fog lantern")
    client = reader_of(world)
    first = search(client, world, "lantern fog")
    assert first["results"][0]["title"] == "The best"
    for scene in scenes[:4]:  # an update writes a new row version at the end of the table
        scene.summary = scene.summary + " "
        scene.save()
    again = [search(client, world, "lantern fog")["results"] for _ in range(3)]
    assert all(results == first["results"] for results in again)
    assert best.title == first["results"][0]["title"]
