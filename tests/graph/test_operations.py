"""What an operator runs: rebuild, reconcile, the outbox admin, the task's failure path."""

import json
import uuid
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from neomodel import db

from devstack.net import free_port
from graph.connection import GraphConnectionLost, reconnect
from graph.models import OutboxEvent
from graph.tasks import mirror_entity, reconcile
from lorebase import services
from lorebase.models import Character
from tests.factories import UserFactory
from tests.graph.snapshots import assert_graph_matches

pytestmark = [pytest.mark.django_db, pytest.mark.services]


@pytest.fixture
def world(graph):
    world = services.world_create(owner=None, name="Harbor", slug="harbor", language="en")
    services.entity_save(instance=Character(world=world, name="Anya"))
    return world


def test_graph_rebuild_command_for_one_world(world):
    out, err = StringIO(), StringIO()
    call_command("graph_rebuild", "--world", "harbor", "--batch-size", "1", stdout=out, stderr=err)
    assert "harbor: rebuilt" in out.getvalue()
    assert "entity" in err.getvalue()  # the progress bar
    assert_graph_matches(world)
    call_command(
        "graph_rebuild", "--world", str(world.public_id), stdout=StringIO(), stderr=StringIO()
    )
    assert_graph_matches(world)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--world", "nowhere"], "No world 'nowhere'"),
        (["--batch-size", "0"], "at least 1"),
    ],
)
def test_graph_rebuild_refuses_bad_arguments(world, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("graph_rebuild", *args, stdout=StringIO(), stderr=StringIO())


def test_reconcile_command_and_task_report_per_world(world):
    out = StringIO()
    call_command("graph_reconcile", stdout=out)
    assert json.loads(out.getvalue())["harbor"] == {"stale_world": 1, "stale_character": 1}
    db.cypher_query("CREATE (:World {uid: 'gone', version: 1})")
    report = reconcile()
    assert report["harbor"] == {}
    assert report["deleted:gone"] == {"orphaned_world": 1}


def test_a_failed_mirror_attempt_is_recorded_and_the_row_stays_pending(world, graph_server_url):
    anya = Character.objects.get()
    reconnect(f"bolt://root:x@127.0.0.1:{free_port()}/nowhere")  # a graph that is down
    try:
        # Transient: raised as GraphConnectionLost (after a pool reset) for Celery to retry.
        with pytest.raises(GraphConnectionLost, match="ServiceUnavailable"):
            mirror_entity.run("character", str(anya.public_id), anya.version)
    finally:
        reconnect(graph_server_url)
    event = OutboxEvent.objects.get(entity_id=anya.public_id)
    assert event.delivered_at is None and event.attempts == 1
    assert event.last_error
    assert mirror_entity.run("character", str(anya.public_id), anya.version) == 1
    event.refresh_from_db()
    assert event.delivered_at is not None and event.last_error == ""


def test_an_unknown_entity_type_is_refused_before_any_write(world):
    with pytest.raises(ValueError):
        mirror_entity.run("dragon", str(uuid.uuid4()), 1)


def test_the_outbox_admin_lists_failing_rows_and_retries_them(world):
    OutboxEvent.objects.filter(entity_type="character").update(attempts=3, last_error="boom")
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = reverse("admin:graph_outboxevent_changelist")
    listing = client.get(url, {"delivery": "failing"})
    assert listing.status_code == 200
    assert listing.context["cl"].result_count == 1
    for choice in ("pending", "delivered"):
        assert client.get(url, {"delivery": choice}).status_code == 200
    event = OutboxEvent.objects.get(entity_type="character")
    response = client.post(
        url, {"action": "retry_now", "_selected_action": [event.pk]}, follow=True
    )
    assert "1 of 1 pending rows sent." in response.content.decode()
    event.refresh_from_db()
    assert event.published_at is not None
