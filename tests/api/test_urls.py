"""The URL convention: what acts inside a world lives under /api/v1/worlds/{world_id}/….

The world is in the path, never in the query or the body; a world id that is not
a UUID matches no route (404 JSON); the operations are grouped by resource.
"""

import uuid

import pytest
from drf_spectacular.generators import SchemaGenerator

from tests.api.conftest import WORLD_ENDPOINTS, url
from tests.problems import problem

pytestmark = pytest.mark.django_db

TAGS = {
    "worlds",
    "chapters",
    "locations",
    "characters",
    "scenes",
    "concepts",
    "relations",
    "images",
    "search",
    "graph",
    "answers",
    "exports",
    "consistency",
    "changes",
    "batch",
    "webhooks",
}
# The routes of before the convention, with the world in the query or the body.
OLD_URLS = [
    ("get", "/api/v1/search?world={world}&q=Anya"),
    ("get", "/api/v1/graph/meetings?world={world}"),
    ("get", "/api/v1/graph/path?world={world}"),
    ("get", "/api/v1/graph/neighbourhood?world={world}"),
    ("get", "/api/v1/graph/co-appearances?world={world}"),
    ("post", "/api/v1/llm/answer?world={world}"),
    ("get", "/api/v1/export/snapshot?world={world}"),
]


@pytest.fixture(scope="module")
def schema() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


def test_every_world_endpoint_names_its_world_in_the_path():
    assert WORLD_ENDPOINTS
    for path, _method in WORLD_ENDPOINTS:
        assert path.startswith("/api/v1/worlds/{world_id}/") and path.endswith("/"), path


def test_no_operation_takes_the_world_from_the_query_or_the_body(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            names = {(p["in"], p["name"]) for p in operation.get("parameters", [])}
            assert ("query", "world") not in names, (method, path)
    for name, component in schema["components"]["schemas"].items():
        if name.endswith("Request"):  # request bodies (COMPONENT_SPLIT_REQUEST)
            assert "world" not in component.get("properties", {}), name


def test_operations_are_grouped_by_resource(schema):
    tags = {
        (method, path): operation.get("tags")
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
    }
    assert all(len(found) == 1 for found in tags.values()), tags
    assert {found[0] for found in tags.values()} == TAGS
    assert tags["get", "/api/v1/worlds/{world_id}/graph/path/"] == ["graph"]
    assert tags["post", "/api/v1/worlds/{world_id}/answers/"] == ["answers"]


@pytest.mark.parametrize(("method", "old"), OLD_URLS)
def test_an_old_style_url_is_404(world, viewer, method, old):
    response = getattr(viewer, method)(old.format(world=world.public_id), {}, format="json")
    assert problem(response, 404, "not_found")["detail"] == "Not found."


@pytest.mark.parametrize(("path", "method"), WORLD_ENDPOINTS)
def test_a_world_id_that_is_not_a_uuid_is_404_json(viewer, path, method):
    concrete = path.replace("{world_id}", "not-a-uuid").replace("{id}", str(uuid.uuid4()))
    response = viewer.generic(method, concrete, "{}", content_type="application/json")
    assert problem(response, 404, "not_found")["detail"]


def test_a_non_member_gets_the_same_answer_from_search_as_from_the_entity_list(world, outsider):
    listed = outsider.get(url(world, "characters/"))
    searched = outsider.get(url(world, "search/"), {"q": "Anya"})
    assert listed.status_code == searched.status_code == 404
    assert {**searched.json(), "instance": None} == {**listed.json(), "instance": None}
