"""After a commit the outbox hands the broker one task for its entities, each entity once."""

import json
import time
import uuid

import pytest
from django.db import transaction

from config.celery import app as celery_app
from graph.models import OutboxEvent
from lorebase import services
from lorebase.models import Character
from tests.graph.test_pipeline import own_queue

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.services]


def _messages(queue: str, expected: int) -> int:
    """The queue's message count once it reaches `expected` (or after 5 s)."""
    deadline = time.monotonic() + 5
    while True:
        with celery_app.connection_for_write() as connection:
            count = connection.default_channel.queue_declare(queue, passive=True).message_count
        if count >= expected or time.monotonic() > deadline:
            return count
        time.sleep(0.1)


def _tasks(queue: str) -> list[tuple[str, list]]:
    """The tasks waiting in `queue`, (name, args), taken off it."""
    tasks = []
    with celery_app.connection_for_write() as connection:
        while (message := connection.default_channel.basic_get(queue, no_ack=True)) is not None:
            args, _kwargs, _embed = json.loads(message.body)
            tasks.append((message.headers["task"], args))
    return tasks


def _world():
    return services.world_create(
        owner=None, name="Harbor", slug=f"harbor-{uuid.uuid4().hex[:6]}", language="en"
    )


def test_a_commit_of_many_entities_is_one_task_with_each_entity_once(rabbitmq_node):
    world = _world()
    with own_queue() as queue:
        with transaction.atomic():
            anya = services.entity_save(instance=Character(world=world, name="Anya Voss"))
            for edit in ("the keeper", "the keeper's daughter"):
                anya.description = edit
                services.entity_save(instance=anya)
            ivo = services.entity_save(instance=Character(world=world, name="Ivo Voss"))
        events = OutboxEvent.objects.filter(entity_id__in=[anya.public_id, ivo.public_id])
        assert events.count() == 4
        assert not events.filter(published_at__isnull=True).exists()
        assert _messages(queue, 1) == 1
        assert _tasks(queue) == [
            (
                "graph.mirror_entities",
                [[["character", str(anya.public_id), 3], ["character", str(ivo.public_id), 1]]],
            )
        ]


def test_a_commit_of_one_entity_is_one_task_of_its_own(rabbitmq_node):
    world = _world()
    with own_queue() as queue:
        anya = services.entity_save(instance=Character(world=world, name="Anya"))
        assert _messages(queue, 1) == 1
        assert _tasks(queue) == [("graph.mirror_entity", ["character", str(anya.public_id), 1])]


def test_a_large_commit_is_split_in_tasks_of_the_batch_size(rabbitmq_node, settings):
    settings.GRAPH_MIRROR_BATCH_SIZE = 2
    world = _world()
    with own_queue() as queue:
        with transaction.atomic():
            for n in range(5):
                services.entity_save(instance=Character(world=world, name=f"Voss {n}"))
        assert _messages(queue, 3) == 3
        assert [
            len(args[0]) if name == "graph.mirror_entities" else 1 for name, args in _tasks(queue)
        ] == [2, 2, 1]


def test_a_savepoint_rolled_back_drops_its_events_and_no_others(rabbitmq_node):
    world = _world()
    with own_queue() as queue:
        with transaction.atomic():
            anya = services.entity_save(instance=Character(world=world, name="Anya"))
            try:
                with transaction.atomic():
                    services.entity_save(instance=Character(world=world, name="Anya-Marie"))
                    raise RuntimeError("undo the inner save")
            except RuntimeError:
                pass
            kay = services.entity_save(instance=Character(world=world, name="Кай"))
        published = OutboxEvent.objects.filter(entity_type="character", published_at__isnull=False)
        assert set(published.values_list("entity_id", flat=True)) == {
            anya.public_id,
            kay.public_id,
        }
        assert _messages(queue, 1) == 1
