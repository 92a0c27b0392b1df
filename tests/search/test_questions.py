"""…/search/ against the demo world in both languages, graph answers from the real graph."""

import itertools

import pytest

from tests.search.conftest import uid, world_url

pytestmark = [pytest.mark.django_db, pytest.mark.services]


def ask(client, world, q: str, **params) -> dict:
    response = client.get(world_url(world, "search"), {"q": q, **params})
    assert response.status_code == 200, response.content
    return response.json()


def assert_explained(results: list[dict]) -> None:
    for result in results:
        assert result["why"]["explanation"] and result["why"]["source"] in {"graph", "name", "text"}
        assert result["cites"], result


@pytest.mark.parametrize(
    ("language", "question", "words", "place"),
    [
        ("en", "where did Anya and Kay meet", ["Anya", "Kay"], "Pier Nine"),
        # «Кей» is one letter from «Кай»: a typo in a three-letter name.
        ("ru", "где встретились Аня и Кей", ["Аня", "Кей"], "Девятый причал"),
    ],
)
def test_two_characters_answer_where_they_meet(demo, reader, language, question, words, place):
    answer = ask(reader, demo[language], question)
    assert answer["kind"] == "meetings"
    assert [e["matched"]["words"] for e in answer["entities"][:2]] == [[w] for w in words]
    scenes = [r for r in answer["results"] if r["why"]["source"] == "graph"]
    assert scenes[0]["location"]["name"] == place and scenes[0]["chapter"] == 1
    order = [(r["chapter"], i) for i, r in enumerate(scenes)]
    assert [c for c, _ in order] == sorted(c for c, _ in order)  # story order
    anya, kay = (e["id"] for e in answer["entities"][:2])
    assert {anya, kay, scenes[0]["id"], scenes[0]["location"]["id"]} <= set(scenes[0]["cites"])
    assert_explained(answer["results"])


@pytest.mark.parametrize(
    ("language", "question", "place"),
    [("en", "Anya on Pier Nine", "Pier Nine"), ("ru", "Аня на Девятом причале", "Девятый причал")],
)
def test_a_character_and_a_place_answer_their_scenes(demo, reader, language, question, place):
    answer = ask(reader, demo[language], question)
    assert answer["kind"] == "character_at_location"
    scenes = [r for r in answer["results"] if r["why"]["source"] == "graph"]
    assert [s["chapter"] for s in scenes] == [1, 3]
    assert {s["location"]["name"] for s in scenes} == {place}


@pytest.mark.parametrize(
    ("language", "question"),
    [
        ("en", "how is Daniel connected to Helena Strand"),
        ("ru", "как связаны Дэниел и Елена Странд"),
    ],
)
def test_connected_answers_the_shortest_path(demo, reader, language, question):
    answer = ask(reader, demo[language], question)
    assert answer["kind"] == "path"
    path = answer["results"][0]
    assert path["type"] == "path" and path["why"]["source"] == "graph"
    steps = path["why"]["path"]
    daniel, strand = (e["id"] for e in answer["entities"][:2])
    assert steps[0]["source"] == daniel and steps[-1]["target"] == strand
    assert all(a["target"] == b["source"] for a, b in itertools.pairwise(steps))
    assert {daniel, strand} <= set(path["cites"])


@pytest.mark.parametrize(
    ("language", "typo", "name"),
    [
        ("en", "Hellena Strand", "Helena Strand"),
        ("en", "Mira Holis", "Mira Hollis"),
        ("ru", "Елена Стрнад", "Елена Странд"),
        ("ru", "Оскар Лимд", "Оскар Линд"),
    ],
)
def test_a_name_with_one_typing_error_is_found_first(demo, reader, language, typo, name):
    answer = ask(reader, demo[language], typo)
    first = answer["results"][0]
    assert first["title"] == name
    assert "typing error" in first["why"]["explanation"]


def test_full_text_says_which_fields_and_words_matched(demo, reader):
    answer = ask(reader, demo["en"], "whale oil and soot", types="location")
    first = answer["results"][0]
    assert first["title"] == "The Wick Quarter"
    assert first["why"]["source"] == "text"
    assert set(first["why"]["fields"]["description"]) >= {"whale", "oil", "soot"}
    ru = ask(reader, demo["ru"], "ворвань и копоть", types="location")  # stems: ворванью, копотью
    assert ru["results"][0]["title"] == "Фитильный квартал"


def test_types_keep_only_the_asked_result_types(demo, reader):
    answer = ask(reader, demo["en"], "Pier Nine fog", types="scene")
    assert answer["results"] and {r["type"] for r in answer["results"]} == {"scene"}


def test_as_of_chapter_hides_later_scenes(demo, reader):
    answer = ask(reader, demo["en"], "where did Anya and Kay meet", as_of_chapter=1)
    assert answer["results"] and {r.get("chapter") for r in answer["results"]} <= {1, None}
    text = ask(reader, demo["en"], "Morning on Pier Nine", as_of_chapter=2, types="scene")
    assert "Morning on Pier Nine" not in [r["title"] for r in text["results"]]
    assert uid(demo["en"], "Pier Nine")


def test_as_of_chapter_hides_who_has_not_appeared_yet(demo, reader):
    assert ask(reader, demo["en"], "Oskar Lind")["results"][0]["title"] == "Oskar Lind"
    early = ask(reader, demo["en"], "Oskar Lind", as_of_chapter=1)  # he first appears in 2
    assert "Oskar Lind" not in [r["title"] for r in early["results"]]
