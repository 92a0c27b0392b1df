"""Bad input is a 400 naming the field; unknown or malformed worlds 404; a slow graph 503."""

import uuid

import pytest
from rest_framework.test import APIClient

from tests.problems import by_field, fields_named
from tests.search.conftest import uid, world_url

pytestmark = [pytest.mark.django_db, pytest.mark.services]


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("search", {"q": "x" * 301}, "q"),
        ("search", {}, "q"),
        ("search", {"q": "Anya", "limit": 0}, "limit"),
        ("search", {"q": "Anya", "limit": 1000}, "limit"),
        ("search", {"q": "Anya", "types": "dragon"}, "types"),
        ("search", {"q": "Anya", "as_of_chapter": 9}, "as_of_chapter"),
        ("search", {"q": "Anya", "as_of_chapter": "two"}, "as_of_chapter"),
        ("graph/meetings", {"a": "not-a-uuid", "b": "{kay}"}, "a"),
        ("graph/meetings", {"a": "{anya}", "b": "{pier}"}, "b"),
        ("graph/path", {"a": "{anya}", "b": "{kay}", "max_hops": 7}, "max_hops"),
        ("graph/path", {"a": "{anya}", "b": "{kay}", "kinds": "NEXT"}, "kinds"),
        ("graph/path", {"a": "{anya}", "b": str(uuid.uuid4())}, "b"),
        ("graph/neighbourhood", {"entity": "{anya}", "depth": 4}, "depth"),
        ("graph/neighbourhood", {"entity": "{anya}", "depth": 0}, "depth"),
        ("graph/co-appearances", {}, "character"),
    ],
)
def test_each_bad_input_is_a_400_naming_the_field(demo, reader, path, params, field):
    world = demo["en"]
    ids = {
        "anya": uid(world, "Anna Marlowe"),
        "kay": uid(world, "Kay"),
        "pier": uid(world, "Pier Nine"),
    }
    params = {k: v.format(**ids) if isinstance(v, str) else v for k, v in params.items()}
    response = reader.get(world_url(world, path), params)
    assert field in fields_named(response)


def test_an_entity_of_another_world_is_a_400(demo, reader):
    ru_anya = uid(demo["ru"], "Анна Марлоу")
    response = reader.get(world_url(demo["en"], "graph/co-appearances"), {"character": ru_anya})
    assert "this world" in by_field(response)["character"][0]


def test_world_malformed_or_unknown(demo, reader):
    malformed = reader.get("/api/v1/worlds/x/search/", {"q": "Anya"})
    assert malformed.status_code == 404 and malformed.json()["detail"]
    unknown = reader.get(f"/api/v1/worlds/{uuid.uuid4()}/search/", {"q": "Anya"})
    assert unknown.status_code == 404 and unknown.json()["detail"]
    anonymous = APIClient().get(world_url(demo["en"], "search"), {"q": "Anya"})
    assert anonymous.status_code == 401


def test_a_graph_search_past_its_time_limit_is_a_503(demo, reader, settings):
    """A search of several statements shares one deadline; past it, the next is not sent."""
    settings.SEARCH_GRAPH_TIMEOUT = 0.000001
    world = demo["en"]
    response = reader.get(
        world_url(world, "graph/neighbourhood"),
        {"entity": uid(world, "Anna Marlowe"), "depth": 2},
    )
    assert response.status_code == 503
    assert "took longer than" in response.json()["detail"]


def test_the_schema_documents_every_search_endpoint_with_examples(client):
    schema = client.get("/api/schema/?format=json").json()
    for path in ("search", "graph/meetings", "graph/path", "graph/neighbourhood"):
        operation = schema["paths"][f"/api/v1/worlds/{{world_id}}/{path}/"]["get"]
        assert operation["responses"]["200"]["content"]["application/json"]["examples"]
    assert "/api/v1/worlds/{world_id}/graph/co-appearances/" in schema["paths"]
