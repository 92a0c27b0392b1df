"""/search question kinds: first and last meetings, deaths, relations, what happened where."""

import pytest

from graph.rebuild import world_rebuild
from lorebase import services
from lorebase.models import Character, Relation, RelationKind, World, WorldRole
from tests.conftest import client_for
from tests.factories import (
    ChapterFactory,
    CharacterFactory,
    ConceptFactory,
    LocationFactory,
    SceneFactory,
    UserFactory,
)
from tests.search.conftest import uid, world_url

pytestmark = [pytest.mark.django_db, pytest.mark.services]


def ask(client, world: World, q: str, **params) -> dict:
    response = client.get(world_url(world, "search"), {"q": q, **params})
    assert response.status_code == 200, response.content
    answer = response.json()
    assert answer["kind"] == answer["interpretation"]["kind"]
    return answer


def graph_results(answer: dict) -> list[dict]:
    return [r for r in answer["results"] if r["why"]["source"] in {"graph", "record"}]


def reader_of(world: World):
    user = UserFactory()
    services.membership_set(world=world, user=user, role=WorldRole.VIEWER)
    return client_for(user)


# --- meetings: first, last -----------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "first", "last"),
    [
        ("en", "where did Anya and Kay first meet", "where did Anya and Kay last meet"),
        ("ru", "где впервые встретились Аня и Кай", "где в последний раз встретились Аня и Кай"),
    ],
)
def test_first_and_last_meetings(demo, reader, language, first, last):
    world = demo[language]
    names = ("Anna Marlowe", "Kay") if language == "en" else ("Анна Марлоу", "Кай")
    pair = {"a": uid(world, names[0]), "b": uid(world, names[1]), "limit": 50}
    everything = reader.get(world_url(world, "graph/meetings"), pair).json()["results"]
    story = [r["id"] for r in everything]
    assert len(story) >= 3

    earliest = ask(reader, world, first, limit=50)
    assert earliest["kind"] == "meetings"
    assert earliest["interpretation"]["details"] == {"meeting": "first"}
    assert [r["id"] for r in graph_results(earliest)] == story
    assert graph_results(earliest)[0]["why"]["explanation"].startswith("Their first meeting")

    latest = ask(reader, world, last, limit=50)
    assert latest["interpretation"]["details"] == {"meeting": "last"}
    assert [r["id"] for r in graph_results(latest)] == [story[-1], *story[:-1]]

    cut = ask(reader, world, last, as_of_chapter=1)  # the last meeting as of chapter 1
    chapter_one = [r["id"] for r in everything if r["chapter"] == 1]
    assert graph_results(cut)[0]["id"] == chapter_one[-1]


# --- death ---------------------------------------------------------------------------


def death_world(language: str) -> dict:
    """A drowning in chapter 3 with a killer whose name holds the victim's ("Ser Aldric")."""
    world = services.world_create(
        owner=None, name=f"Deaths {language}", slug=f"deaths-{language}", language=language
    )
    chapters = [ChapterFactory(world=world, number=n) for n in (1, 2, 3, 4)]
    en = language == "en"
    pier = LocationFactory(world=world, name="Pier Nine" if en else "Девятый причал")
    killer = CharacterFactory(world=world, name="Ser Aldric" if en else "Сэр Алдрик")
    victim = CharacterFactory(world=world, name="Aldric" if en else "Тобиас Рен")
    widow = CharacterFactory(world=world, name="Mira Vance" if en else "Мира Ванс")
    lost = CharacterFactory(world=world, name="Tomas Vance" if en else "Томас Ванс")
    meeting = SceneFactory(world=world, chapter=chapters[0], location=pier, order=1)
    drowning = SceneFactory(
        world=world,
        chapter=chapters[2],
        location=pier,
        order=1,
        title="The Drowning at Pier Nine" if en else "Утопленник у Девятого причала",
    )
    for scene, extra in ((meeting, [(lost, "present")]), (drowning, [])):
        services.scene_set_participants(
            scene=scene, participants=[(killer, "present"), (victim, "present"), *extra]
        )
    victim.status, victim.killed_by, victim.death_scene = Character.Status.DEAD, killer, drowning
    victim.death_cause = "held under the water" if en else "утоплен у причала"
    services.entity_save(instance=victim)
    lost.status, lost.status_chapter = Character.Status.DEAD, chapters[3]  # no killer, no scene
    services.entity_save(instance=lost)
    world_rebuild(world)
    return {
        "world": world,
        "killer": str(killer.public_id),
        "victim": str(victim.public_id),
        "scene": str(drowning.public_id),
        "lost": str(lost.public_id),
        "widow": widow.name,
    }


@pytest.mark.parametrize(
    ("language", "killer_q", "how_q", "lost_q", "alive_q"),
    [
        (
            "en",
            "who killed Aldric",
            "how did Aldric die",
            "how did Tomas Vance die",
            "who killed Mira Vance",
        ),
        (
            "ru",
            "кто убил Тобиаса Рена",
            "как погиб Тобиас Рен",
            "как умер Томас Ванс",
            "кто убил Миру Ванс",
        ),
    ],
)
def test_who_killed_and_how_they_died(graph, language, killer_q, how_q, lost_q, alive_q):
    case = death_world(language)
    world = case["world"]
    client = reader_of(world)

    killed = ask(client, world, killer_q)
    assert killed["kind"] == "death" and killed["interpretation"]["details"] == {"death": "killer"}
    first, second = killed["results"][:2]
    assert (first["type"], first["id"]) == ("character", case["killer"])
    assert (second["type"], second["id"]) == ("scene", case["scene"])
    explanation = first["why"]["explanation"]
    victim_name = "Aldric" if language == "en" else "Тобиас Рен"
    killer_name = "Ser Aldric" if language == "en" else "Сэр Алдрик"
    cause = "held under the water" if language == "en" else "утоплен у причала"
    assert victim_name in explanation and killer_name in explanation
    assert "chapter 3" in explanation and cause in explanation
    assert first["why"]["source"] == "record" and case["victim"] in first["cites"]

    how = ask(client, world, how_q)
    assert how["interpretation"]["details"] == {"death": "how"}
    assert (how["results"][0]["type"], how["results"][0]["id"]) == ("scene", case["scene"])

    # No scene recorded: the victim comes first; no killer recorded either.
    lost = ask(client, world, lost_q)
    assert (lost["results"][0]["type"], lost["results"][0]["id"]) == ("character", case["lost"])
    assert "chapter 4" in lost["results"][0]["why"]["explanation"]

    # Spoiler-safe: as of chapter 2 the drowning has not happened, and the answer reads
    # as it does for someone alive.
    early = ask(client, world, killer_q, as_of_chapter=2)
    assert not [r for r in early["results"] if r["why"]["source"] == "record"]
    assert "as of chapter 2" in early["interpretation"]["note"]
    alive = ask(client, world, alive_q, as_of_chapter=2)
    assert alive["kind"] == "death" and not graph_results(alive)
    assert alive["interpretation"]["note"].replace(case["widow"], "X") == early["interpretation"][
        "note"
    ].replace(victim_name, "X")
    assert graph_results(ask(client, world, killer_q, as_of_chapter=3))[0]["id"] == case["killer"]


# --- relations -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "question", "as_of", "expected"),
    [
        ("en", "who is Kay's enemy", 1, ["Mira Hollis"]),
        ("en", "who is Kay's enemy", 2, ["Mira Hollis", "Helena Strand"]),  # from 1, from 2
        ("en", "who is Kay's enemy", 3, ["Helena Strand"]),
        ("en", "whom does Mira Hollis serve", 2, ["Helena Strand"]),
        ("en", "who does Mira Hollis serve", 3, []),  # she changed sides in chapter 3
        ("en", "who serves Helena Strand", 1, ["Mira Hollis"]),
        ("en", "who leads the Harbor Council", None, ["Helena Strand"]),
        ("en", "who is Anya's mentor", 2, ["Tobias Wren"]),
        ("en", "who is Anya's family", None, ["Daniel Marlowe"]),
        ("en", "who is Anya's brother", None, ["Daniel Marlowe"]),
        ("en", "who is Mira Hollis's lord", 2, ["Helena Strand"]),
        ("ru", "кто враг Кая", 2, ["Мира Холлис", "Елена Странд"]),
        ("ru", "кому служит Мира Холлис", 1, ["Елена Странд"]),
        ("ru", "кто служит Елене Странд", 1, ["Мира Холлис"]),
        ("ru", "кто союзник Ани", 3, ["Кай", "Мира Холлис"]),
        ("ru", "кто наставник Ани", 1, ["Тобиас Рен"]),
        ("ru", "кто брат Ани", None, ["Дэниел Марлоу"]),
    ],
)
def test_relations_that_hold_at_the_chapter(demo, reader, language, question, as_of, expected):
    params = {"as_of_chapter": as_of} if as_of else {}
    answer = ask(reader, demo[language], question, **params)
    assert answer["kind"] == "relation"
    found = graph_results(answer)
    assert [r["title"] for r in found] == expected
    for result in found:
        assert result["why"]["source"] == "graph" and result["why"]["path"][0]["relation"]
        assert result["id"] == uid(demo[language], result["title"])


def test_relation_sides_come_from_one_table(demo, reader):
    serves = ask(reader, demo["en"], "whom does Mira Hollis serve")["interpretation"]["details"]
    assert serves == {"relations": [{"kind": "SERVES", "side": "out"}]}
    served = ask(reader, demo["en"], "who serves Helena Strand")["interpretation"]["details"]
    assert served == {"relations": [{"kind": "SERVES", "side": "in"}]}
    # "Master" inside a name asks for nothing: this is a path question about Master Wren.
    assert ask(reader, demo["en"], "how is Master Wren connected to Kay")["kind"] == "path"


# --- what happened at a place in a chapter -------------------------------------------


def harbour_world(language: str) -> dict:
    world = services.world_create(
        owner=None, name=f"Harbour {language}", slug=f"harbour-{language}", language=language
    )
    en = language == "en"
    titles = (
        ["Arrival", "The Fox and the Crown", "Ashes"]
        if en
        else ["Прибытие", "Лиса и корона", "Пепел"]
    )
    chapters = [ChapterFactory(world=world, number=n, title=t) for n, t in enumerate(titles, 1)]
    harbour = LocationFactory(world=world, name="Old Harbour" if en else "Старая гавань")
    pier = LocationFactory(
        world=world, name="Pier Nine" if en else "Девятый причал", parent=harbour
    )
    elsewhere = LocationFactory(world=world, name="Tidehall" if en else "Приливный чертог")
    CharacterFactory(world=world, name="The Crown King" if en else "Король короны")
    ConceptFactory(world=world, name="Ashes" if en else "Пепел")  # a concept titled as chapter 3
    scenes = {}
    for chapter in chapters:
        for order, place in enumerate((pier, elsewhere, harbour), start=1):
            title = f"{chapter.number}.{order} at {place.name}"
            scenes[title] = SceneFactory(
                world=world, chapter=chapter, order=order, location=place, title=title
            )
    world_rebuild(world)
    return {"world": world, "harbour": harbour, "titles": titles}


@pytest.mark.parametrize(
    ("language", "by_number", "by_ordinal", "by_title"),
    [
        (
            "en",
            "what happened at Old Harbour in chapter 2",
            "what happened at Old Harbour in the 2nd chapter",
            "what happened at Old Harbour in The Fox and the Crown",
        ),
        (
            "ru",
            "что случилось в Старой гавани в главе 2",
            "что случилось в Старой гавани в 2-й главе",
            "что случилось в Старой гавани в «Лиса и корона»",
        ),
    ],
)
def test_what_happened_at_a_place_in_a_chapter(graph, language, by_number, by_ordinal, by_title):
    case = harbour_world(language)
    world, harbour = case["world"], case["harbour"]
    client = reader_of(world)
    pier = "Pier Nine" if language == "en" else "Девятый причал"
    expected = [f"2.1 at {pier}", f"2.3 at {harbour.name}"]  # in scene order, inside it too
    for question in (by_number, by_ordinal, by_title):
        answer = ask(client, world, question)
        assert answer["kind"] == "events_at_location", question
        assert answer["interpretation"]["details"] == {"chapter": 2}
        assert [r["title"] for r in graph_results(answer)] == expected, question
    titled = ask(client, world, by_title)["interpretation"]["mentions"]
    chapter = next(m for m in titled if m["candidates"][0]["type"] == "chapter")
    assert chapter["value"] == case["titles"][1] and not chapter["ambiguous"]
    # The title holds "Crown"; the character "The Crown King" is not named.
    assert {m["candidates"][0]["type"] for m in titled} == {"location", "chapter"}

    later = ask(client, world, by_number, as_of_chapter=1)
    assert not graph_results(later)
    assert "after chapter 1" in later["interpretation"]["note"]


def test_a_chapter_titled_as_a_concept_is_the_chapter_only_where_a_place_is_asked(graph):
    case = harbour_world("en")
    world = case["world"]
    client = reader_of(world)
    at = ask(client, world, "what happened at Old Harbour in Ashes")
    assert at["kind"] == "events_at_location" and at["interpretation"]["details"]["chapter"] == 3
    mention = at["interpretation"]["mentions"][1]
    assert mention["candidates"][0]["type"] == "chapter" and mention["resolved_by"]
    alone = ask(client, world, "Ashes")
    assert alone["interpretation"]["mentions"][0]["candidates"][0]["type"] == "concept"


def test_relations_are_ordered_by_chapter_name_and_id(graph):
    world = services.world_create(owner=None, name="Rivals", slug="rivals", language="en")
    _, two = (ChapterFactory(world=world, number=n) for n in (1, 2))
    hero = CharacterFactory(world=world, name="Ser Aldric")
    # Two guards of one name: their ids decide, whatever order they were written in.
    ids = sorted(f"00000000-0000-4000-8000-00000000000{n}" for n in (1, 2))
    rivals = [
        (CharacterFactory(world=world, name="Guard", public_id=ids[1]), None),
        (CharacterFactory(world=world, name="Guard", public_id=ids[0]), None),
        (CharacterFactory(world=world, name="Aldo"), two),
        (CharacterFactory(world=world, name="Zed"), None),
    ]
    for rival, since in rivals:
        relation = Relation(world=world, kind=RelationKind.ENEMY_OF, valid_from=since)
        relation.set_endpoint("source", rival)
        relation.set_endpoint("target", hero)
        services.entity_save(instance=relation)
    world_rebuild(world)
    client = reader_of(world)
    answers = [ask(client, world, "who is Ser Aldric's enemy", as_of_chapter=2) for _ in range(5)]
    found = [(r["title"], r["id"], r["chapter"]) for r in graph_results(answers[0])]
    zed = next(r["id"] for r in graph_results(answers[0]) if r["title"] == "Zed")
    aldo = next(r["id"] for r in graph_results(answers[0]) if r["title"] == "Aldo")
    guards = [("Guard", ids[0], None), ("Guard", ids[1], None)]
    assert found == [*guards, ("Zed", zed, None), ("Aldo", aldo, 2)]
    assert all(a["results"] == answers[0]["results"] for a in answers)
    early = ask(client, world, "who is Ser Aldric's enemy", as_of_chapter=1)
    assert "Aldo" not in [r["title"] for r in graph_results(early)]
