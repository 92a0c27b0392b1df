"""The generated Python client (clients/python, `make sdk`) against the live test server."""

import sys
from pathlib import Path

import pytest
from rest_framework.authtoken.models import Token

from lorebase.models import World
from tests.conftest import wait_until_mirrored
from tests.factories import UserFactory

CLIENT = Path(__file__).resolve().parents[2] / "clients" / "python"


@pytest.fixture
def lorebase_client(monkeypatch):
    """The generated package, imported from clients/python as a user of it installs it."""
    monkeypatch.syspath_prepend(str(CLIENT))
    import lorebase_client

    yield lorebase_client
    for name in [m for m in sys.modules if m.split(".")[0] == "lorebase_client"]:
        del sys.modules[name]


def test_the_generated_client_builds_a_world_searches_asks_and_reads_the_feed(
    lorebase_client, live_server, graph, celery_worker_process
):
    from lorebase_client import AuthenticatedClient
    from lorebase_client.api.answers import answers_create
    from lorebase_client.api.changes import changes_list
    from lorebase_client.api.chapters import v1_worlds_chapters_create
    from lorebase_client.api.characters import v1_worlds_characters_create
    from lorebase_client.api.locations import v1_worlds_locations_create
    from lorebase_client.api.scenes import v1_worlds_scenes_create
    from lorebase_client.api.search import search
    from lorebase_client.api.worlds import v1_worlds_create
    from lorebase_client.models import (
        AnswerRequestRequest,
        ChapterRequest,
        CharacterRequest,
        LocationRequest,
        ParticipantRequest,
        Problem,
        SceneRequest,
        WorldRequest,
    )

    token = Token.objects.create(user=UserFactory()).key
    client = AuthenticatedClient(base_url=live_server.url, token=token, prefix="Token")
    world = v1_worlds_create.sync(
        client=client, body=WorldRequest(name="Гавань Рен — Wren Harbour 7", slug="wren-harbour-7")
    )
    w = world.id
    chapters = [
        v1_worlds_chapters_create.sync(w, client=client, body=ChapterRequest(number=n, title=t))
        for n, t in ((1, "Пролог"), (2, "Part 2"))
    ]
    people = {
        name: v1_worlds_characters_create.sync(w, client=client, body=CharacterRequest(name=name))
        for name in ("Anya Wren", "Tobias Wren", "Kay", "Kay Marr")
    }
    pier = v1_worlds_locations_create.sync(w, client=client, body=LocationRequest(name="Pier 9"))
    cast = [ParticipantRequest(character=people[n].id) for n in ("Anya Wren", "Kay")]
    meeting = v1_worlds_scenes_create.sync(
        w,
        client=client,
        body=SceneRequest(
            chapter=chapters[0].id,
            order=1,
            title="Lanterns at Pier 9",
            location=pier.id,
            summary="Anya Wren meets Kay at dusk.",
            participants=cast,
        ),
    )
    later = SceneRequest(
        chapter=chapters[1].id,
        order=1,
        title="Kay Marr at the pier",
        location=pier.id,
        participants=[ParticipantRequest(character=people["Kay Marr"].id)],
    )
    v1_worlds_scenes_create.sync(w, client=client, body=later)
    wait_until_mirrored(World.objects.get(public_id=w))

    found = search.sync(w, client=client, q="where did Anya Wren and Kay meet", as_of_chapter=1)
    assert found.kind == "meetings"
    assert next(r.title for r in found.results) == "Lanterns at Pier 9"
    assert "Kay Marr at the pier" not in [r.title for r in found.results]

    answer = answers_create.sync(
        w,
        client=client,
        body=AnswerRequestRequest(
            character=people["Anya Wren"].id, question="Where did you meet Kay?", as_of_chapter=1
        ),
    )
    assert answer.as_of_chapter == 1 and answer.character.name == "Anya Wren"
    assert meeting.id in {c.id for c in answer.citations}

    feed = changes_list.sync(w, client=client, limit=100)
    created = [(c.entity_type, c.entity_id) for c in feed.results if c.operation == "create"]
    assert created[:3] == [("world", w), ("chapter", chapters[0].id), ("chapter", chapters[1].id)]
    assert ("scene", meeting.id) in created and not feed.has_more

    refused = search.sync(w, client=client, q="Kay", as_of_chapter=9)
    assert isinstance(refused, Problem) and refused.status == 400
    assert [e.field for e in refused.errors] == ["as_of_chapter"]
