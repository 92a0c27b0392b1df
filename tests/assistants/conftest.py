"""A world cut in three chapters, and the MCP server reached over either transport.

Chapter 3 brings in people and places that must never show at chapter 2: Kay
Marr (whose name holds another's, Kay), Agent 47, the Архив Утопленников, Tobias
Wren's death and the enmity of Kay Marr and Anya Wren. Names share a surname
(the Wrens), nest (Kay / Kay Marr) and mix scripts.
"""

import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx2
import pytest
from django.conf import settings
from mcp import ClientSession, StdioServerParameters, stdio_client
from mcp.client.streamable_http import streamable_http_client
from mcp.types import CallToolResult
from rest_framework.authtoken.models import Token

from graph.rebuild import world_rebuild
from lorebase import services
from lorebase.models import (
    Chapter,
    Character,
    Relation,
    RelationKind,
    Scene,
    World,
    WorldRole,
)
from lorebase.models import SceneParticipant as Role
from tests.conftest import database_url
from tests.factories import ChapterFactory, CharacterFactory, LocationFactory, UserFactory
from tests.llm.conftest import fake_llm  # noqa: F401 (the local model server, as tests/llm use it)

ROOT = Path(__file__).resolve().parents[2]
Session = Callable[[str], AbstractAsyncContextManager[ClientSession]]


@dataclass
class Story:
    world: World
    chapters: list[Chapter]
    ids: dict[str, str] = field(default_factory=dict)  # name or title → public id
    later: tuple[str, ...] = ()  # what only chapter 3 knows: names, titles, ids
    reader: str = ""  # token of a viewer of the world
    stranger: str = ""  # token of a user of no world of it
    graph_url: str = ""


def _save(instance):
    return services.entity_save(instance=instance)


def _scene(world, chapter, order, title, place, cast, summary) -> Scene:
    scene = _save(
        Scene(
            world=world,
            chapter=chapter,
            order=order,
            title=title,
            location=place,
            summary=summary,
        )
    )
    services.scene_set_participants(scene=scene, participants=cast, touch=False, created=True)
    return scene


@pytest.fixture
def story(transactional_db, graph, graph_server_url: str) -> Story:
    """The world, committed (the stdio server is another process) and mirrored."""
    world = services.world_create(owner=None, name="Harbor of Wrens 2", slug="harbor-of-wrens-2")
    chapters = [
        _save(ChapterFactory.build(world=world, number=n, title=f"Part {n}")) for n in (1, 2, 3)
    ]
    c = {
        name: _save(CharacterFactory.build(world=world, name=name, description=about))
        for name, about in [
            ("Anya Wren", "A harbour pilot who keeps lanterns."),
            ("Tobias Wren", "Anya's uncle, a ferryman."),
            ("Kay", "A dock runner of Pier Nine."),
            ("Мира Холлис", "Смотрительница маяка."),
            ("Kay Marr", "A smuggler from the drowned quarter."),
            ("Agent 47", "A courier who trades in names."),
        ]
    }
    p = {
        name: _save(LocationFactory.build(world=world, name=name))
        for name in ("Pier Nine", "Old Lighthouse", "Архив Утопленников")
    }
    present = Role.Role.PRESENT
    _scene(
        world,
        chapters[0],
        1,
        "Lanterns at Pier Nine",
        p["Pier Nine"],
        [(c["Anya Wren"], present), (c["Kay"], present)],
        "Anya Wren meets Kay at dusk.",
    )
    _scene(
        world,
        chapters[1],
        1,
        "Vigil at the Old Lighthouse",
        p["Old Lighthouse"],
        [(c["Anya Wren"], present), (c["Tobias Wren"], present), (c["Мира Холлис"], present)],
        "Tobias Wren and Мира Холлис keep watch with Anya Wren.",
    )
    death = _scene(
        world,
        chapters[2],
        1,
        "The Drowned Archive",
        p["Архив Утопленников"],
        [
            (c["Anya Wren"], present),
            (c["Tobias Wren"], present),
            (c["Kay Marr"], present),
            (c["Agent 47"], present),
        ],
        "Kay Marr drowns Tobias Wren in the Архив Утопленников while Agent 47 watches.",
    )
    tobias = c["Tobias Wren"]
    tobias.status, tobias.status_chapter = Character.Status.DEAD, chapters[2]
    tobias.killed_by, tobias.death_scene, tobias.death_cause = c["Kay Marr"], death, "drowned"
    c["Tobias Wren"] = _save(tobias)
    enmity = Relation(world=world, kind=RelationKind.ENEMY_OF, valid_from=chapters[2])
    enmity.set_endpoint("source", c["Kay Marr"])
    enmity.set_endpoint("target", c["Anya Wren"])
    _save(enmity)
    world_rebuild(world)

    reader, stranger = UserFactory(), UserFactory()
    services.membership_set(world=world, user=reader, role=WorldRole.VIEWER)
    ids = {name: str(entity.public_id) for name, entity in {**c, **p}.items()}
    ids["The Drowned Archive"] = str(death.public_id)
    ids["enmity"] = str(enmity.public_id)
    secret = ("Kay Marr", "Agent 47", "Архив Утопленников", "The Drowned Archive", "drowned")
    later = (*secret, *(ids[name] for name in secret[:4]), ids["enmity"])
    return Story(
        world,
        chapters,
        ids,
        later,
        reader=Token.objects.create(user=reader).key,
        stranger=Token.objects.create(user=stranger).key,
        graph_url=graph_server_url,
    )


def server_env(graph_url: str, extra: dict[str, str] | None = None) -> dict[str, str]:
    """What `manage.py mcp_serve` needs to reach this run's database and graph."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url(settings.DATABASES["default"]),
        "NEO4J_BOLT_URL": graph_url,
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        **(extra or {}),
    }


@asynccontextmanager
async def stdio_session(
    story: Story, token: str, env: dict[str, str] | None = None
) -> AsyncIterator[ClientSession]:
    command = StdioServerParameters(
        command=sys.executable,
        args=["manage.py", "mcp_serve", "--token", token],
        env=server_env(story.graph_url, env),
        cwd=ROOT,
    )
    async with stdio_client(command) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        yield session


@asynccontextmanager
async def http_session(url: str, token: str) -> AsyncIterator[ClientSession]:
    headers = {"Authorization": f"Bearer {token}"}
    async with (
        httpx2.AsyncClient(headers=headers, timeout=60) as client,
        streamable_http_client(f"{url}/mcp/", http_client=client) as (read, write),
        ClientSession(read, write) as session,
    ):
        await session.initialize()
        yield session


def text_of(result: CallToolResult) -> str:
    return "\n".join(block.text for block in result.content if block.type == "text")


def data_of(result: CallToolResult) -> dict:
    assert not result.is_error, text_of(result)
    return json.loads(text_of(result))


def mcp_cli(story: Story, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "mcp_serve", *args],
        cwd=ROOT,
        env=server_env(story.graph_url),
        capture_output=True,
        text=True,
        timeout=120,
    )
