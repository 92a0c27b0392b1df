"""The change log is kept CHANGE_LOG_RETENTION_DAYS, and always until the graph confirmed it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from config.schedule import BEAT_SCHEDULE
from graph.models import OutboxEvent
from graph.tasks import prune_change_log
from lorebase import services
from lorebase.changes import changes_sequence
from lorebase.models import Change
from tests.factories import CharacterFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return services.world_create(owner=None, name="Harbor", slug="harbor")


def _age(changes, days: int) -> None:
    Change.objects.filter(pk__in=[c.pk for c in changes]).update(
        created_at=timezone.now() - timedelta(days=days)
    )


def _confirm_all() -> None:
    OutboxEvent.objects.update(delivered_at=timezone.now() - timedelta(days=40))


def _character(world, name):
    services.entity_save(instance=CharacterFactory.build(world=world, name=name))
    return Change.objects.order_by("pk").last()


def test_old_confirmed_changes_go_and_recent_ones_stay(world, settings):
    settings.CHANGE_LOG_RETENTION_DAYS = 30
    old = [Change.objects.get(), _character(world, "Old")]
    recent = _character(world, "New")
    _age(old, 31)
    _confirm_all()
    assert prune_change_log() == {"changes": 2, "deliveries": 3}
    assert list(Change.objects.values_list("pk", flat=True)) == [recent.pk]


def test_a_change_the_graph_has_not_confirmed_is_kept_with_everything_after_it(world):
    first, unconfirmed, after = (_character(world, n) for n in ("A", "B", "C"))
    _age([Change.objects.get(entity_type="world"), first, unconfirmed, after], 60)
    _confirm_all()
    OutboxEvent.objects.filter(entity_id=unconfirmed.entity_id).update(delivered_at=None)
    result = prune_change_log(retention_days=30)
    assert result["changes"] == 2  # the world and A: before the first unconfirmed
    assert set(Change.objects.values_list("pk", flat=True)) == {unconfirmed.pk, after.pk}


def test_what_is_left_is_one_unbroken_stretch_of_positions(world):
    """A late commit (older created_at, higher position) does not punch a hole."""
    a, b, c = (_character(world, n) for n in ("A", "B", "C"))
    changes_sequence()
    _age([Change.objects.get(entity_type="world"), a], 60)
    _age([c], 61)  # written long ago, committed (sequenced) after b
    _confirm_all()
    prune_change_log(retention_days=30)
    kept = sorted(Change.objects.values_list("position", flat=True))
    assert kept == list(range(kept[0], kept[0] + len(kept)))
    assert b.pk in set(Change.objects.values_list("pk", flat=True))


def test_pruning_twice_drops_nothing_more(world):
    _age([Change.objects.get()], 60)
    _confirm_all()
    assert prune_change_log(retention_days=30)["changes"] == 1
    assert prune_change_log(retention_days=30) == {"changes": 0, "deliveries": 0}


def test_beat_prunes_daily():
    entry = BEAT_SCHEDULE["graph-prune-change-log"]
    assert entry["task"] == prune_change_log.name == "graph.prune_change_log"
    assert entry["options"]["expires"] < 24 * 3600
