from collections.abc import Iterator

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from graph.rebuild import world_rebuild
from lorebase.demo.loader import demo_world_load
from lorebase.models import Character, World, WorldRole
from lorebase.services import membership_set
from tests.factories import UserFactory

from .fake_llm import FakeLLM


@pytest.fixture
def demo(graph) -> dict[str, World]:
    """Both editions of the demo world, mirrored into the (empty) graph."""
    worlds = {world.language: world for world in demo_world_load()}
    for world in worlds.values():
        world_rebuild(world)
    return worlds


def client_for(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    client.user = user
    return client


@pytest.fixture
def reader(demo) -> APIClient:
    """A viewer of both demo worlds."""
    user = UserFactory()
    for world in demo.values():
        membership_set(world=world, user=user, role=WorldRole.VIEWER)
    return client_for(user)


@pytest.fixture
def fake_llm(settings) -> Iterator[FakeLLM]:
    """The local model server, with both remote providers pointed at it."""
    with FakeLLM() as server:
        settings.LLM_OPENAI_BASE_URL = f"{server.url}/v1"
        settings.LLM_OPENAI_API_KEY = "local-test-key"
        settings.LLM_OPENAI_MODEL = "local-chat"
        settings.LLM_ANTHROPIC_BASE_URL = server.url
        settings.LLM_ANTHROPIC_API_KEY = "local-test-key"
        settings.LLM_ANTHROPIC_MODEL = "local-claude"
        settings.LLM_RETRY_BACKOFF = 0.01
        settings.LLM_TIMEOUT = 5.0
        yield server


def character(world: World, name: str) -> Character:
    return Character.objects.select_related("world", "status_chapter").get(world=world, name=name)


def ask(client: APIClient, world: World, who: str, question: str, **extra: object):
    body = {"world": str(world.public_id), "character": str(character(world, who).public_id)}
    return client.post("/api/v1/llm/answer", body | {"question": question} | extra, format="json")
