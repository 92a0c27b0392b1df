"""…/graph/…: meetings, path, neighbourhood, co-appearances; as_of and spans."""

import itertools

import pytest
from neomodel import db

from graph import projection
from graph.rebuild import world_rebuild
from lorebase import services
from lorebase.models import Character, Relation, RelationKind
from search import graph_queries
from tests.factories import ChapterFactory, CharacterFactory, LocationFactory, SceneFactory
from tests.search.conftest import uid, world_url

pytestmark = [pytest.mark.django_db, pytest.mark.services]


def get(client, path: str, world, **params) -> dict:
    response = client.get(world_url(world, f"graph/{path}"), params)
    assert response.status_code == 200, response.content
    return response.json()


def test_meetings_in_story_order_and_cut_by_as_of(demo, reader):
    world = demo["en"]
    anya, kay = uid(world, "Anna Marlowe"), uid(world, "Kay")
    meetings = get(reader, "meetings", world, a=anya, b=kay)["results"]
    assert meetings[0]["title"] == "The Stranger on Pier Nine"
    assert [m["chapter"] for m in meetings] == sorted(m["chapter"] for m in meetings)
    early = get(reader, "meetings", world, a=anya, b=kay, as_of_chapter=1)["results"]
    assert early and {m["chapter"] for m in early} == {1}


def test_path_respects_relation_spans(demo, reader):
    world = demo["en"]
    anya, kay = uid(world, "Anna Marlowe"), uid(world, "Kay")
    loves = get(reader, "path", world, a=anya, b=kay, kinds="LOVES")
    assert loves["found"] and loves["length"] == 1  # LOVES holds from chapter 2
    assert not get(reader, "path", world, a=anya, b=kay, kinds="LOVES", as_of_chapter=1)["found"]
    allies = get(reader, "path", world, a=anya, b=kay, kinds="ALLY_OF", as_of_chapter=1)
    assert allies["steps"][0]["type"] == "ALLY_OF" and allies["steps"][0]["relation"]


def test_a_span_that_ends_is_closed_on_both_sides(graph, django_user_model):
    world = services.world_create(owner=None, name="Spans", slug="spans", language="en")
    chapters = [
        services.entity_save(instance=ChapterFactory.build(world=world, number=n))
        for n in (1, 2, 3)
    ]
    a = services.entity_save(instance=CharacterFactory.build(world=world, name="Ada"))
    b = services.entity_save(instance=CharacterFactory.build(world=world, name="Bo"))
    relation = Relation(
        world=world, kind=RelationKind.KNOWS, valid_from=chapters[1], valid_to=chapters[1]
    )
    relation.set_endpoint("source", a)
    relation.set_endpoint("target", b)
    services.entity_save(instance=relation)
    world_rebuild(world)
    from search.answers import path

    ends = ({"id": str(a.public_id), "type": "character", "name": "Ada"},)
    ends += ({"id": str(b.public_id), "type": "character", "name": "Bo"},)
    found = {n: path(world, *ends, n, 6)["found"] for n in (1, 2, 3)}
    assert found == {1: False, 2: True, 3: False}
    assert path(world, *ends, None, 6)["found"]


def test_neighbourhood_is_bounded_by_depth_and_kinds(demo, reader):
    world = demo["en"]
    anya = uid(world, "Anna Marlowe")
    one = get(reader, "neighbourhood", world, entity=anya, kinds="FAMILY_OF,ALLY_OF")
    names = {n["name"]: n["distance"] for n in one["nodes"]}
    assert names["Anna Marlowe"] == 0 and names["Daniel Marlowe"] == 1 and names["Kay"] == 1
    assert {e["type"] for e in one["edges"]} <= {"FAMILY_OF", "ALLY_OF"}
    wide = get(reader, "neighbourhood", world, entity=anya, depth=3, limit=20)
    assert len(wide["nodes"]) == 20 and wide["truncated"]
    early = get(reader, "neighbourhood", world, entity=anya, as_of_chapter=1, depth=2)
    assert "Mira Hollis" not in {  # allies only from chapter 3
        n["name"] for n in early["nodes"] if n["distance"] == 1 and n["type"] == "character"
    }


def test_co_appearances_rank_the_most_frequent_partner_first(demo, reader):
    world = demo["ru"]
    answer = get(reader, "co-appearances", world, character=uid(world, "Анна Марлоу"))
    first = answer["results"][0]
    assert first["character"]["name"] == "Кай" and first["scenes"] >= 8
    assert "Кай" in first["why"]


def test_paths_are_as_short_as_an_unfiltered_search_and_connected(demo):
    """With nothing cut (no as_of), the inline predicates lose no path and add no hop."""
    world = demo["en"]
    people = sorted(
        str(p) for p in Character.objects.filter(world=world).values_list("public_id", flat=True)
    )
    kinds = projection.types(graph_queries.PATH_TYPES)
    lengths = []
    for a, b in itertools.combinations(people, 2):
        steps, walk = graph_queries.shortest_path(
            world=str(world.public_id),
            a=(a, "Character"),
            b=(b, "Character"),
            as_of=None,
            max_hops=6,
        )
        rows, _ = db.cypher_query(
            "MATCH (a:Character {uid: $a}), (b:Character {uid: $b}) "
            f"MATCH p = shortestPath((a)-[:{kinds}*..6]-(b)) RETURN length(p)",
            {"a": a, "b": b},
        )
        assert (len(steps) if steps is not None else None) == (rows[0][0] if rows else None)
        if steps:
            lengths.append(len(steps))
            assert steps[0].source == a and steps[-1].target == b
            assert all(one.target == two.source for one, two in itertools.pairwise(steps))
            assert {step.target for step in steps} <= set(walk.labels)
    assert max(lengths) > 1


def test_a_path_cut_by_a_span_takes_the_longer_way_round(graph):
    """A span on the short route must not hide the long one (the filter runs during the search)."""
    world = services.world_create(owner=None, name="Detour", slug="detour", language="en")
    _, two = (
        services.entity_save(instance=ChapterFactory.build(world=world, number=n)) for n in (1, 2)
    )
    ada, bo, cy, di = (
        services.entity_save(instance=CharacterFactory.build(world=world, name=name))
        for name in ("Ada", "Bo", "Cy", "Di")
    )
    for source, target, valid_from in (
        (ada, bo, two),
        (ada, cy, None),
        (cy, di, None),
        (di, bo, None),
    ):
        relation = Relation(world=world, kind=RelationKind.KNOWS, valid_from=valid_from)
        relation.set_endpoint("source", source)
        relation.set_endpoint("target", target)
        services.entity_save(instance=relation)
    world_rebuild(world)

    def length(as_of: int | None) -> int | None:
        steps, _ = graph_queries.shortest_path(
            world=str(world.public_id),
            a=(str(ada.public_id), "Character"),
            b=(str(bo.public_id), "Character"),
            as_of=as_of,
            max_hops=6,
        )
        return None if steps is None else len(steps)

    assert (length(None), length(2), length(1)) == (1, 1, 3)


def test_a_character_at_a_place_counts_the_scenes_in_every_place_inside_it(graph):
    world = services.world_create(owner=None, name="Nested", slug="nested", language="en")
    city = LocationFactory(world=world, name="Saltwind")
    house = LocationFactory(world=world, name="Wren House", parent=city)
    attic = LocationFactory(world=world, name="The Attic", parent=house)
    elsewhere = LocationFactory(world=world, name="Far Shore")
    kay = CharacterFactory(world=world, name="Kay")
    scenes = {}
    for place in (attic, house, elsewhere):
        scenes[place.name] = SceneFactory(world=world, location=place, title=f"At {place.name}")
        services.scene_set_participants(scene=scenes[place.name], participants=[(kay, "present")])
    world_rebuild(world)

    def titles(place) -> set[str]:
        rows = graph_queries.character_at_location(
            world=str(world.public_id),
            character=str(kay.public_id),
            location=str(place.public_id),
            as_of=None,
            limit=10,
        )
        return {row["scene"]["title"] for row in rows}

    assert titles(city) == {"At The Attic", "At Wren House"}
    assert titles(house) == {"At The Attic", "At Wren House"}
    assert titles(attic) == {"At The Attic"}
    assert titles(elsewhere) == {"At Far Shore"}
