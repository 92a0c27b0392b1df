"""Hostile names, ids, bodies and query strings: 4xx JSON, and nothing changes.

A hostile *name* is valid data: it is stored verbatim (201) and reaches the graph
as a parameter, never as Cypher. Everything else is refused before any write.
"""

import pytest
from neomodel import db

from graph.mirror import mirror_entity
from lorebase.models import Chapter, Character, Concept, Location, Relation, Scene
from tests.problems import fields_named

pytestmark = [pytest.mark.django_db, pytest.mark.services]

CYPHER_NAMES = [
    "x'}) DETACH DELETE n //",
    '"}) MATCH (n) DETACH DELETE n RETURN 1 //',
    "`Character`",
    "Anya`) DETACH DELETE n; //",
    "{uid: $uid}",
]
HOSTILE_IDS = [
    "00000000-0000-0000-0000-000000000000' OR 1=1",
    "' OR '1'='1",
    "x'}) DETACH DELETE n //",
    "`Character`",
    "%00",
    "9" * 400,
]
MODELS = (Chapter, Location, Character, Scene, Concept, Relation)


def _state() -> tuple:
    """Row counts and graph counts: what a hostile request must leave as it was."""
    rows = tuple(model.objects.count() for model in MODELS)
    (nodes,), *_ = db.cypher_query("MATCH (n) RETURN count(n)")[0]
    (edges,), *_ = db.cypher_query("MATCH ()-[r]->() RETURN count(r)")[0]
    return rows, nodes, edges


def _ids(world) -> dict[str, str]:
    anya = Character.objects.get(world=world, name="Anna Marlowe")
    kay = Character.objects.get(world=world, name="Kay")
    return {"world": str(world.public_id), "a": str(anya.public_id), "b": str(kay.public_id)}


@pytest.mark.parametrize("name", CYPHER_NAMES)
def test_a_cypher_fragment_in_a_name_is_stored_verbatim(lore, lore_editor, name):
    rows, nodes, edges = _state()
    response = lore_editor.post(
        f"/api/v1/worlds/{lore.public_id}/characters/", {"name": name}, format="json"
    )
    assert response.status_code == 201, response.content
    public_id = response.json()["id"]
    assert Character.objects.get(public_id=public_id).name == name
    mirror_entity(entity_type="character", entity_id=public_id)
    stored, _ = db.cypher_query("MATCH (n:Character {uid: $uid}) RETURN n.name", {"uid": public_id})
    assert stored == [[name]]
    one_more = tuple(n + (model is Character) for n, model in zip(rows, MODELS, strict=True))
    assert _state() == (one_more, nodes + 1, edges)  # exactly one more, nothing deleted


@pytest.mark.parametrize("hostile", HOSTILE_IDS)
def test_hostile_ids_are_refused_and_change_nothing(lore, lore_editor, hostile):
    ids = _ids(lore)
    base = f"/api/v1/worlds/{ids['world']}"
    before = _state()
    requests = [
        ("get", f"{base}/characters/{hostile}/", None),
        ("patch", f"{base}/characters/{hostile}/", {"name": "x", "version": 1}),
        ("delete", f"{base}/characters/{hostile}/", None),
        ("get", f"/api/v1/worlds/{hostile}/characters/", None),
        ("get", f"/api/v1/worlds/{hostile}/search/?q=Anya", None),
        ("get", f"{base}/graph/meetings/?a={hostile}&b={ids['b']}", None),
        ("get", f"{base}/graph/path/?a={ids['a']}&b={hostile}", None),
        ("get", f"{base}/graph/neighbourhood/?entity={hostile}", None),
        ("get", f"{base}/graph/co-appearances/?character={hostile}", None),
        ("get", f"/api/v1/worlds/{hostile}/snapshot/", None),
        ("get", f"{base}/relations/?entity={hostile}", None),
        ("get", f"{base}/scenes/?participant={hostile}", None),
        (
            "post",
            f"{base}/relations/",
            {
                "kind": "KNOWS",
                "source": {"type": "character", "id": hostile},
                "target": {"type": "character", "id": ids["b"]},
            },
        ),
        ("post", f"{base}/answers/", {"character": hostile, "question": "?"}),
        ("post", f"/api/v1/worlds/{hostile}/answers/", {"character": ids["a"], "question": "?"}),
    ]
    for method, path, body in requests:
        response = getattr(lore_editor, method)(path, body, format="json")
        assert 400 <= response.status_code < 500, (path, response.status_code)
        assert response["Content-Type"] == "application/problem+json", path
    assert _state() == before


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("graph/neighbourhood/?entity={a}&depth=100", "depth"),
        ("graph/path/?a={a}&b={b}&max_hops=1000", "max_hops"),
        ("graph/meetings/?a={a}&b={b}&limit=1000000000", "limit"),
        ("graph/co-appearances/?character={a}&limit=-1", "limit"),
        ("graph/path/?a={a}&b={b}&kinds=KNOWS]->()%20DETACH%20DELETE%20n%20//", "kinds"),
        ("graph/neighbourhood/?entity={a}&kinds=`Character`", "kinds"),
        ("search/?q=" + "Anya%20" * 2000, "q"),
        ("search/?q=Anya&types=character)%20DETACH%20DELETE%20n", "types"),
        ("search/?q=Anya&as_of_chapter=99999999999999999999", "as_of_chapter"),
        ("search/?q=Anya&limit=1e9", "limit"),
    ],
)
def test_deep_or_absurd_graph_requests_are_400(lore, lore_editor, path, field):
    ids = _ids(lore)
    before = _state()
    response = lore_editor.get(f"/api/v1/worlds/{ids['world']}/{path.format(**ids)}")
    assert field in fields_named(response)
    assert _state() == before


def test_absurd_list_parameters_are_bounded_or_ignored(lore, lore_editor):
    base = f"/api/v1/worlds/{lore.public_id}/characters/"
    before = _state()
    # A page size beyond the bound is refused, naming it (not silently clamped).
    refused = lore_editor.get(f"{base}?page_size=1000000000")
    assert "page_size" in fields_named(refused)
    assert len(lore_editor.get(f"{base}?page_size=200").json()["results"]) <= 200
    assert lore_editor.get(f"{base}?page=1000000000").status_code == 404
    # An ordering that is not an allowed field is ignored, never placed in SQL.
    ordered = lore_editor.get(f"{base}?ordering=name;DROP%20TABLE%20lorebase_character")
    assert ordered.status_code == 200
    assert lore_editor.get(f"{base}?name=%27%20OR%201=1--").json()["count"] == 0
    assert _state() == before
