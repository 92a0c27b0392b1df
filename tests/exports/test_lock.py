"""Two overlapping exports: the second is skipped while the first holds the lock."""

import threading

import pytest
from django.db import connection

from exports import services, writer
from exports.lock import ExportBusy
from exports.tasks import export_worlds as export_task
from tests.exports.conftest import commits
from tests.factories import CharacterFactory, WorldFactory


@pytest.mark.django_db(transaction=True)  # the threads need committed rows and their own sessions
def test_overlapping_exports_never_both_write(export_dir, monkeypatch, settings):
    settings.EXPORT_DIR = export_dir
    CharacterFactory(world=WorldFactory(slug="harbor"))
    inside, release = threading.Event(), threading.Event()
    write_world = writer.write_world

    def slow_write(*args, **kwargs):
        inside.set()
        assert release.wait(30)
        return write_world(*args, **kwargs)

    monkeypatch.setattr(writer, "write_world", slow_write)
    outcomes: dict[str, object] = {}

    def run(name: str) -> None:
        try:
            outcomes[name] = services.export_worlds(out_dir=export_dir)
        except ExportBusy as error:
            outcomes[name] = error
        finally:
            connection.close()

    first = threading.Thread(target=run, args=("first",))
    first.start()
    assert inside.wait(30)
    second = threading.Thread(target=run, args=("second",))
    second.start()
    second.join(30)
    assert isinstance(outcomes["second"], ExportBusy)
    assert export_task() == {"skipped": str(outcomes["second"])}  # the beat task skips too
    release.set()
    first.join(30)

    assert outcomes["first"].commit and commits(export_dir) == 1
    assert export_task()["commit"] is None  # the lock was released
