import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from graph.rebuild import world_rebuild
from lorebase.demo.loader import demo_world_load
from lorebase.models import Character, Location, World, WorldRole
from lorebase.services import membership_set
from tests.factories import UserFactory


@pytest.fixture
def demo(graph) -> dict[str, World]:
    """Both editions of the demo world, mirrored into the (empty) graph."""
    worlds = {world.language: world for world in demo_world_load()}
    for world in worlds.values():
        world_rebuild(world)
    return worlds


@pytest.fixture
def reader(demo) -> APIClient:
    """A viewer of both demo worlds."""
    user = UserFactory()
    for world in demo.values():
        membership_set(world=world, user=user, role=WorldRole.VIEWER)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def uid(world: World, name: str) -> str:
    """Public id of the character or location called `name` in `world`."""
    for model in (Character, Location):
        found = model.objects.filter(world=world, name=name).first()
        if found:
            return str(found.public_id)
    raise LookupError(name)
