"""A graceful restart of the graph server (SIGTERM, then started again on the same port
and data) while this process and a worker hold pooled Bolt connections (issue 22).

Before the fix, every pooled connection then failed with "RUN not expected in state:
AUTHENTICATION": the mirror did not retry, graph reads were 500s, /health/ready stayed
down. Now: reads answer 200 (or a 503 problem while the server is down), the saves made
around the restart all reach the graph, and /health/ready says ready again.

A guard, not a reproduction: on one machine with a quiet pool this also passed before
the fix (the wedge was seen under 400 writes of load). The wedge itself is reproduced
without a server in tests/graph/test_transient.py.
"""

import time

import pytest
from django.test import Client

from graph.models import OutboxEvent
from graph.tasks import republish_overdue
from lorebase import services
from lorebase.models import Character, World, WorldRole
from lorebase.services import membership_set
from tests.conftest import client_for, wait_until_mirrored
from tests.factories import UserFactory
from tests.graph.snapshots import assert_graph_matches
from tests.search.conftest import world_url

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.services]


def _read(client: Client, world: World, hero: Character) -> int:
    response = client.get(world_url(world, "graph/neighbourhood"), {"entity": str(hero.public_id)})
    if response.status_code != 200:
        assert response.status_code == 503, response.content
        assert response["Content-Type"].startswith("application/problem+json")
    return response.status_code


def test_a_graceful_graph_restart_leaves_nothing_wedged(celery_worker_process, graph, graph_server):
    if graph_server is None:
        pytest.skip("NEO4J_BOLT_URL names a server this test cannot restart")
    world = services.world_create(owner=None, name="Restart", slug="restart", language="en")
    cast = [
        services.entity_save(instance=Character(world=world, name=f"Hero {n}")) for n in range(3)
    ]
    user = UserFactory()
    membership_set(world=world, user=user, role=WorldRole.VIEWER)
    client = client_for(user)
    wait_until_mirrored(world)  # the worker's pool now holds connections
    assert _read(client, world, cast[0]) == 200  # and so does this process's
    for n in range(5):
        cast[n % 3].description = f"before the restart {n}"
        services.entity_save(instance=cast[n % 3])

    graph_server.stop()  # SIGTERM: a graceful shutdown
    for n in range(5):
        cast[n % 3].description = f"while the graph is down {n}"
        services.entity_save(instance=cast[n % 3])
    assert _read(client, world, cast[0]) == 503
    graph_server.start()  # the same port and data

    for n in range(5):
        cast[n % 3].description = f"after the restart {n}"
        services.entity_save(instance=cast[n % 3])
    assert _read(client, world, cast[1]) == 200
    ready = client.get("/health/ready")
    assert ready.status_code == 200, ready.json()
    # Rows whose retries ran out while the server was down are what beat republishes.
    deadline = time.monotonic() + 120
    while OutboxEvent.objects.filter(delivered_at__isnull=True).exists():
        assert time.monotonic() < deadline, "the outbox did not drain after the restart"
        republish_overdue(older_than_seconds=5)
        time.sleep(1)
    wait_until_mirrored(world)
    assert_graph_matches(world)
