"""The change log in commit order: a change that commits late is never skipped by a
reader that has gone past it, and a cursor outlives the process that gave it."""

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, transaction
from rest_framework.authtoken.models import Token

from lorebase import services
from lorebase.api.feed import cursor_decode, cursor_encode
from lorebase.changes import changes_after
from lorebase.models import Change, WorldRole
from tests.conftest import database_url
from tests.factories import CharacterFactory, UserFactory

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def quiet_outbox(monkeypatch):
    """Committed changes publish mirror tasks after commit: no broker in the fast layer."""
    monkeypatch.setattr("graph.outbox.outbox_publish", lambda **kwargs: 0)


@pytest.mark.django_db(transaction=True)
def test_a_change_that_commits_after_a_later_id_is_still_read(quiet_outbox):
    world = services.world_create(owner=None, name="Harbor", slug="harbor")
    written, go = threading.Event(), threading.Event()
    failures: list[BaseException] = []

    def slow_writer() -> None:
        try:
            with transaction.atomic():
                services.entity_save(instance=CharacterFactory.build(world=world, name="Slow"))
                written.set()
                assert go.wait(timeout=30)
        except BaseException as error:  # pragma: no cover - reported below
            failures.append(error)
            written.set()
        finally:
            connection.close()

    thread = threading.Thread(target=slow_writer)
    thread.start()
    assert written.wait(timeout=30)
    services.entity_save(instance=CharacterFactory.build(world=world, name="Fast"))

    first, horizon = changes_after(world_id=world.public_id, after=0, limit=100)
    assert [c.operation for c in first] == ["create", "create"]  # the world, then Fast
    cursor = max(horizon, first[-1].position)
    go.set()
    thread.join(timeout=30)
    assert not failures, failures

    late, _ = changes_after(world_id=world.public_id, after=cursor, limit=100)
    slow = Change.objects.get(entity_type="character", entity_id__in=[c.entity_id for c in late])
    fast = first[-1]
    assert [c.pk for c in late] == [slow.pk]
    # The slow change took the smaller id: a reader in id order would have skipped it.
    assert slow.pk < fast.pk and slow.position > fast.position


@pytest.mark.services  # a child process: another web process, after a "restart"
@pytest.mark.django_db(transaction=True)
def test_a_cursor_is_resumed_by_another_process(quiet_outbox, tmp_path):
    user = UserFactory()
    world = services.world_create(owner=user, name="Harbor", slug="harbor")
    services.membership_set(world=world, user=user, role=WorldRole.VIEWER)
    token = Token.objects.create(user=user).key
    services.entity_save(instance=CharacterFactory.build(world=world, name="Anya"))
    first, horizon = changes_after(world_id=world.public_id, after=0, limit=100)
    cursor = cursor_encode(max(horizon, first[-1].position))
    kay = services.entity_save(instance=CharacterFactory.build(world=world, name="Kay"))
    services.entity_delete(instance=kay)

    script = (
        "import json, sys, django; django.setup()\n"
        "from rest_framework.test import APIClient\n"
        "client = APIClient(); client.credentials(HTTP_AUTHORIZATION='Token ' + sys.argv[1])\n"
        "print(json.dumps(client.get(sys.argv[2], {'cursor': sys.argv[3]}).json()))\n"
    )
    config = {**settings.DATABASES["default"], "NAME": connection.settings_dict["NAME"]}
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url(config),
        "DJANGO_SECRET_KEY": "test",
        "LOG_LEVEL": "ERROR",
    }
    path = f"/api/v1/worlds/{world.public_id}/changes/"
    done = subprocess.run(
        [sys.executable, "-c", script, token, path, cursor],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    page = json.loads(done.stdout.strip().splitlines()[-1])
    assert [(c["operation"], c["entity_id"]) for c in page["results"]] == [
        ("create", str(kay.public_id)),
        ("delete", str(kay.public_id)),
    ]
    assert cursor_decode(page["next_cursor"]) > cursor_decode(cursor)
