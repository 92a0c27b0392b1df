import pytest
from drf_spectacular.generators import EndpointEnumerator
from rest_framework.test import APIClient

from lorebase.models import WorldRole
from tests.conftest import client_for
from tests.factories import UserFactory, WorldFactory, WorldMembershipFactory

# (path, method) of every API endpoint, from the URL map itself.
ENDPOINTS = sorted(
    (path, method)
    for path, _regex, method, _view in EndpointEnumerator().get_api_endpoints()
    if path.startswith("/api/v1/")
)
# Every endpoint but the collection of one's own worlds acts inside the world
# named in its path ({world_id}).
WORLD_ENDPOINTS = [(p, m) for p, m in ENDPOINTS if p != "/api/v1/worlds/"]


@pytest.fixture
def world():
    return WorldFactory(name="Lantern Harbor", slug="lantern-harbor")


@pytest.fixture
def other_world():
    return WorldFactory(name="Ash Kingdom", slug="ash-kingdom")


def _client_for(world, role: str) -> APIClient:
    user = UserFactory()
    WorldMembershipFactory(world=world, user=user, role=role)
    return client_for(user)


@pytest.fixture
def editor(world) -> APIClient:
    return _client_for(world, WorldRole.EDITOR)


@pytest.fixture
def viewer(world) -> APIClient:
    return _client_for(world, WorldRole.VIEWER)


@pytest.fixture
def owner(world) -> APIClient:
    return _client_for(world, WorldRole.OWNER)


@pytest.fixture
def outsider(other_world) -> APIClient:
    """An editor of another world only."""
    return _client_for(other_world, WorldRole.EDITOR)


def url(world, path: str = "") -> str:
    return f"/api/v1/worlds/{world.public_id}/{path}"
