"""Every API endpoint: anonymous 401, viewer cannot write, another world's id 404.

The endpoints come from the URL map itself (drf-spectacular's enumerator), so
an endpoint added later is covered without editing this file.
"""

import re

import pytest
from rest_framework.test import APIClient

from tests.api.conftest import ENDPOINTS, WORLD_ENDPOINTS, url
from tests.factories import (
    ChapterFactory,
    CharacterFactory,
    ConceptFactory,
    LocationFactory,
    RelationFactory,
    SceneFactory,
)
from webhooks.models import WebhookEndpoint

pytestmark = pytest.mark.django_db

FACTORIES = {
    "chapters": ChapterFactory,
    "characters": CharacterFactory,
    "concepts": ConceptFactory,
    "locations": LocationFactory,
    "relations": RelationFactory,
    "scenes": SceneFactory,
    "webhooks": lambda world: WebhookEndpoint.objects.create(
        world=world, url="https://93.184.216.34/hooks"
    ),
}
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
# POSTs that change nothing (asking a character a question): a viewer may send them.
READ_ONLY_POSTS = {"/api/v1/worlds/{world_id}/answers/"}


def _concrete(path: str, world) -> str:
    """Fill the path's placeholders with ids of real rows in `world`."""
    match = re.match(r"/api/v1/worlds/\{world_id\}/(\w+)/\{id\}/", path)
    if match:
        entity = FACTORIES[match.group(1)](world=world)
        path = path.replace("{id}", str(entity.public_id))
    return path.replace("{world_id}", str(world.public_id)).replace("{delivery}", "1")


def test_the_url_map_was_enumerated():
    assert len(ENDPOINTS) >= 40
    assert {p.split("/")[5] for p, _ in WORLD_ENDPOINTS if p.count("/") > 5} >= set(FACTORIES)


@pytest.mark.parametrize(("path", "method"), ENDPOINTS)
def test_anonymous_requests_answer_401(path, method, world):
    response = APIClient().generic(
        method, _concrete(path, world), "{}", content_type="application/json"
    )
    assert response.status_code == 401, response.content


@pytest.mark.parametrize(
    ("path", "method"),
    [(p, m) for p, m in WORLD_ENDPOINTS if m in WRITE_METHODS and p not in READ_ONLY_POSTS],
)
def test_a_viewer_cannot_write(path, method, world, viewer):
    response = viewer.generic(method, _concrete(path, world), "{}", content_type="application/json")
    assert response.status_code == 403, response.content


@pytest.mark.parametrize(("path", "method"), WORLD_ENDPOINTS)
def test_another_worlds_id_answers_404(path, method, world, outsider):
    response = outsider.generic(
        method, _concrete(path, world), "{}", content_type="application/json"
    )
    assert response.status_code == 404, response.content


def test_the_world_list_shows_only_member_worlds(world, other_world, viewer):
    names = [w["name"] for w in viewer.get("/api/v1/worlds/").json()["results"]]
    assert names == ["Lantern Harbor"]
    assert viewer.get(url(other_world)).status_code == 404


def test_an_editor_cannot_manage_the_world_but_the_owner_can(world, editor, owner):
    payload = {"name": "Lantern Harbor II", "slug": world.slug, "language": "en"}
    assert editor.put(url(world), payload, format="json").status_code == 403
    response = owner.put(url(world), payload, format="json")
    assert response.status_code == 200
    assert response.json()["version"] == 2
