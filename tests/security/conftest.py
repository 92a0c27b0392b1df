"""A demo world mirrored into the graph, and clients of each role in it."""

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from graph.rebuild import world_rebuild
from lorebase.models import World, WorldRole
from lorebase.services import membership_set
from tests.api.conftest import editor, world  # noqa: F401  (fixtures shared with the API tests)
from tests.factories import UserFactory
from worldgen.demo.loader import demo_world_load


@pytest.fixture
def lore(graph) -> World:
    """Lantern Harbor (English), loaded through the services and mirrored into the graph."""
    english = next(w for w in demo_world_load() if w.language == World.Language.ENGLISH)
    world_rebuild(english)
    return english


def client_with_role(in_world: World, role: str) -> APIClient:
    user = UserFactory()
    membership_set(world=in_world, user=user, role=role)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


@pytest.fixture
def lore_editor(lore) -> APIClient:
    return client_with_role(lore, WorldRole.EDITOR)
