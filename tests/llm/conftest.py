from collections.abc import Iterator

import pytest
from rest_framework.test import APIClient

from lorebase.models import Character, World

from .fake_llm import FakeLLM


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


def answers_url(world: World) -> str:
    return f"/api/v1/worlds/{world.public_id}/answers/"


def ask(client: APIClient, world: World, who: str, question: str, **extra: object):
    body = {"character": str(character(world, who).public_id), "question": question}
    return client.post(answers_url(world), body | extra, format="json")
