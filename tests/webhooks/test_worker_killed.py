"""A webhook survives a `kill -9` of the worker mid-delivery: delivered after, never lost."""

import os
import signal
import time
import uuid

import pytest

from config.celery import app as celery_app
from devstack.processes import stop_process
from lorebase import services as lore
from lorebase.models import Character
from tests.conftest import delete_queue, spawn_worker
from tests.webhooks.receiver import Receiver
from webhooks import services
from webhooks.models import WebhookDelivery

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.services]


def test_a_worker_killed_mid_delivery_loses_nothing(
    graph_server_url, task_queue, broker_url, monkeypatch, settings
):
    monkeypatch.setenv("WEBHOOK_ALLOWED_NETWORKS", "127.0.0.1/32")  # for the workers too
    settings.WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    receiver = Receiver()
    receiver.first_delay = 5.0  # the worker is killed while this request waits
    queue = f"{task_queue}-hooks-{uuid.uuid4().hex[:6]}"
    previous, celery_app.conf.task_default_queue = celery_app.conf.task_default_queue, queue
    doomed = spawn_worker(queue, graph_server_url)
    survivor = None
    try:
        world = lore.world_create(owner=None, name="Harbor", slug=f"h-{uuid.uuid4().hex[:6]}")
        services.endpoint_create(world=world, url=receiver.url, entity_types=["character"])
        cast = [lore.entity_save(instance=Character(world=world, name=f"C{n}")) for n in range(3)]
        deadline = time.monotonic() + 30
        while not receiver.received:
            assert time.monotonic() < deadline, "the worker never started delivering"
            time.sleep(0.05)
        os.killpg(doomed.pid, signal.SIGKILL)  # the worker and its pool, mid-request
        doomed.wait(10)
        assert WebhookDelivery.objects.filter(status="pending").exists()
        survivor = spawn_worker(queue, graph_server_url)
        deadline = time.monotonic() + 90
        while WebhookDelivery.objects.filter(status="pending").exists():
            assert time.monotonic() < deadline, list(WebhookDelivery.objects.values())
            # What beat's webhooks.sweep does every minute: publish what is due.
            services.deliveries_publish(delivery_ids=services.deliveries_due())
            time.sleep(1)
        sent = {json_id(headers) for headers, _ in receiver.received}
        expected = set(WebhookDelivery.objects.values_list("pk", flat=True))
        assert len(expected) == len(cast) and {f"msg_{pk}" for pk in expected} <= sent
        assert set(WebhookDelivery.objects.values_list("status", flat=True)) == {"succeeded"}
    finally:
        stop_process(doomed)
        if survivor is not None:
            stop_process(survivor)
        celery_app.conf.task_default_queue = previous
        delete_queue(queue)
        receiver.close()


def json_id(headers: dict[str, str]) -> str:
    return {k.lower(): v for k, v in headers.items()}["webhook-id"]
