"""A batch goes through the outbox like any write: the graph catches up after its commit,
including what a delete in it cascaded to."""

import uuid

import pytest
from rest_framework.test import APIClient

from lorebase import services
from lorebase.models import WorldRole
from tests.conftest import client_for, wait_until_mirrored
from tests.factories import UserFactory
from tests.graph.snapshots import assert_graph_matches

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.services]
CHAPTER = {"number": 1, "title": "One"}


def test_the_graph_catches_up_with_a_batch(celery_worker_process, graph):
    user = UserFactory()
    world = services.world_create(owner=user, name="Harbor", slug=f"h-{uuid.uuid4().hex[:6]}")
    services.membership_set(world=world, user=user, role=WorldRole.EDITOR)
    client: APIClient = client_for(user)
    path = f"/api/v1/worlds/{world.public_id}/batch/"
    created = client.post(
        path,
        {
            "operations": [
                {
                    "op": "create",
                    "type": "chapter",
                    "ref": "one",
                    "data": {"number": 1, "title": "One"},
                },
                {"op": "create", "type": "location", "ref": "pier", "data": {"name": "Pier"}},
                {"op": "create", "type": "character", "ref": "anya", "data": {"name": "Анна"}},
                {"op": "create", "type": "character", "ref": "kay", "data": {"name": "Kay"}},
                {
                    "op": "create",
                    "type": "scene",
                    "data": {
                        "chapter": {"ref": "one"},
                        "order": 1,
                        "title": "Fog",
                        "location": {"ref": "pier"},
                        "participants": [
                            {"character": {"ref": "anya"}},
                            {"character": {"ref": "kay"}},
                        ],
                    },
                },
                {
                    "op": "create",
                    "type": "relation",
                    "data": {
                        "kind": "KNOWS",
                        "source": {"type": "character", "id": {"ref": "anya"}},
                        "target": {"type": "character", "id": {"ref": "kay"}},
                    },
                },
            ]
        },
        format="json",
    )
    assert created.status_code == 200, created.content
    wait_until_mirrored(world)
    assert_graph_matches(world)
    kay = next(r["id"] for r in created.json()["results"] if r.get("ref") == "kay")
    deleted = client.post(
        path, {"operations": [{"op": "delete", "type": "character", "id": kay}]}, format="json"
    )
    assert deleted.status_code == 200, deleted.content
    wait_until_mirrored(world)
    assert_graph_matches(world)  # the relation gone, the scene's cast of one
