"""The same request, the same items in the same order, on a world made of ties.

Three guards called "Guard" share every scene with Ser Aldric, all in one
chapter, all his allies: every score, chapter and name ties, and only the
documented tie-breaks (ids) can order them. They are written in the opposite
order of their ids, so an order left to the store shows up as the wrong one.
"""

import pytest

from graph.rebuild import world_rebuild
from lorebase import services
from lorebase.models import Relation, RelationKind, World, WorldRole
from search.answers import world_graph
from tests.conftest import client_for
from tests.factories import (
    ChapterFactory,
    CharacterFactory,
    LocationFactory,
    SceneFactory,
    UserFactory,
)
from tests.search.conftest import world_url

pytestmark = [pytest.mark.django_db, pytest.mark.services]

REPEATS = 20
GUARDS = [f"00000000-0000-4000-8000-00000000000{n}" for n in (3, 2, 1)]  # written in this order
SCENES = [f"00000000-0000-4000-9000-00000000000{n}" for n in (4, 3, 2, 1)]


def tie_world() -> dict:
    world = services.world_create(owner=None, name="Ties", slug="ties", language="en")
    chapter = ChapterFactory(world=world, number=1, title="The Long Watch")
    gate = LocationFactory(world=world, name="The Gate")
    aldric = CharacterFactory(world=world, name="Ser Aldric")
    guards = [CharacterFactory(world=world, name="Guard", public_id=g) for g in GUARDS]
    numbered = CharacterFactory(world=world, name="Guard #2")
    for order, scene_id in enumerate(SCENES, start=1):
        scene = SceneFactory(
            world=world,
            chapter=chapter,
            order=order,
            location=gate,
            title="The watch",  # one title for all: only the order tells them apart
            public_id=scene_id,
        )
        cast = [(aldric, "present"), (numbered, "present"), *((g, "present") for g in guards)]
        services.scene_set_participants(scene=scene, participants=cast)
    for guard in guards:
        relation = Relation(world=world, kind=RelationKind.ALLY_OF)
        relation.set_endpoint("source", aldric)
        relation.set_endpoint("target", guard)
        services.entity_save(instance=relation)
    world_rebuild(world)
    return {"world": world, "aldric": str(aldric.public_id), "numbered": str(numbered.public_id)}


def reader_of(world: World):
    user = UserFactory()
    services.membership_set(world=world, user=user, role=WorldRole.VIEWER)
    return client_for(user)


def test_every_search_and_graph_endpoint_repeats_itself_in_the_documented_order(graph):
    case = tie_world()
    world, aldric, numbered = case["world"], case["aldric"], case["numbered"]
    client = reader_of(world)
    requests = {
        "search relation": ("search", {"q": "who is Ser Aldric's ally"}),
        "search meetings": ("search", {"q": "where did Ser Aldric and Guard #2 meet"}),
        "search text": ("search", {"q": "the watch guard"}),
        "meetings": ("graph/meetings", {"a": aldric, "b": numbered}),
        "path": ("graph/path", {"a": aldric, "b": numbered}),
        "neighbourhood": ("graph/neighbourhood", {"entity": aldric, "depth": 2}),
        "cut neighbourhood": ("graph/neighbourhood", {"entity": aldric, "limit": 3}),
        "co-appearances": ("graph/co-appearances", {"character": aldric}),
    }

    def get(path: str, params: dict) -> dict:
        response = client.get(world_url(world, path), params)
        assert response.status_code == 200, response.content
        return response.json()

    first = {name: get(*request) for name, request in requests.items()}
    picture = world_graph(world, ("character", "location", "scene"), None, 50)
    for _ in range(REPEATS - 1):
        for name, request in requests.items():
            assert get(*request) == first[name], name
        assert world_graph(world, ("character", "location", "scene"), None, 50) == picture

    guards_by_id = sorted(GUARDS)
    allies = [r for r in first["search relation"]["results"] if r["why"]["source"] == "graph"]
    assert [r["id"] for r in allies] == guards_by_id  # (first chapter, name, id)
    partners = [r["character"]["id"] for r in first["co-appearances"]["results"]]
    assert partners == [*guards_by_id, numbered]  # (scenes, name, id): "Guard" < "Guard #2"
    nodes = [(n["distance"], n["name"], n["id"]) for n in first["neighbourhood"]["nodes"]]
    assert nodes == sorted(nodes)  # (distance, name, id)
    assert [n["id"] for n in first["cut neighbourhood"]["nodes"]] == [aldric, *guards_by_id[:2]]
    assert first["cut neighbourhood"]["truncated"]
    # Of four shortest paths (one per shared scene), the one through the smallest ids.
    assert [n["id"] for n in first["path"]["nodes"]] == [aldric, min(SCENES), numbered]
    story = [r["id"] for r in first["meetings"]["results"]]
    assert story == SCENES  # by scene order within the chapter, not by id
    meetings = [r for r in first["search meetings"]["results"] if r["why"]["source"] == "graph"]
    assert [r["id"] for r in meetings] == story
    texts = [r for r in first["search text"]["results"] if r["why"]["source"] == "text"]
    scores = [(-r["score"], r["title"], r["id"]) for r in texts if r["type"] == "scene"]
    assert len(scores) == 4 and scores == sorted(scores)
