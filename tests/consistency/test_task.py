"""The hourly check: stores each world's counts, sums them into a metric, runs on a worker."""

import re
import time
import urllib.request

import pytest
from prometheus_client import generate_latest

from config.metrics import _registry
from config.schedule import BEAT_SCHEDULE
from consistency import tasks
from consistency.models import LoreCheckResult
from consistency.services import world_check
from lorebase.models import World
from tests.factories import CharacterFactory, WorldFactory
from worldgen.generator import counts_for_total, delete_generated_world, generate_world


def metric(body: str, name: str, **labels: str) -> float:
    selector = ",".join(f'{key}="{value}"' for key, value in sorted(labels.items()))
    found = re.search(rf"^{name}(?:\{{{selector}\}})? ([0-9.e+]+)$", body, re.MULTILINE)
    assert found, f"{name}{labels} not in the metrics"
    return float(found.group(1))


def test_beat_checks_every_hour_with_an_expiry_inside_the_hour():
    entry = BEAT_SCHEDULE["consistency-check-worlds"]
    assert entry["task"] == tasks.check_worlds.name == "consistency.check_worlds"
    assert len(entry["schedule"].minute) == 1 and entry["schedule"].hour == set(range(24))
    assert 0 < entry["options"]["expires"] < 60 * 60
    assert tasks.check_worlds.acks_late and tasks.check_worlds.reject_on_worker_lost


@pytest.mark.django_db
def test_the_task_keeps_each_worlds_counts_and_the_metric_sums_them(world, flawed):
    other = WorldFactory(name="Ash Kingdom", slug="ash-kingdom")
    for name in ("Anna Marlowe", "Ana Marlowe"):
        CharacterFactory(world=other, name=name)
    runs_before = metric(generate_latest(_registry()).decode(), "lorebase_lore_check_seconds_count")

    totals = tasks.check_worlds()
    again = tasks.check_worlds()  # a redelivered run changes nothing

    assert totals == again
    assert totals["dead_character_in_scene"] == totals["reversed_relation_span"] == 1
    assert totals["near_duplicate_name"] == 1
    assert LoreCheckResult.objects.count() == 2
    assert LoreCheckResult.objects.get(world=other).counts["near_duplicate_name"] == 1
    body = generate_latest(_registry()).decode()
    assert metric(body, "lorebase_lore_findings", rule="dead_character_in_scene") == 1
    assert metric(body, "lorebase_lore_findings", rule="near_duplicate_name") == 1
    assert metric(body, "lorebase_lore_findings", rule="location_cycle") == 0
    assert metric(body, "lorebase_lore_check_seconds_count") == runs_before + 4


@pytest.mark.django_db(transaction=True)
@pytest.mark.services
def test_a_real_worker_runs_the_check_and_measures_it(celery_worker_process, flawed, world):
    tasks.check_worlds.delay()
    deadline = time.monotonic() + 60
    # The task's outcome is counted after it returns: wait for that, not only for its rows.
    while "consistency.check_worlds" not in (worker := scrape(celery_worker_process.metrics_url)):
        assert time.monotonic() < deadline, "the worker did not run the check"
        time.sleep(0.3)

    done = {"state": "SUCCESS", "task": "consistency.check_worlds"}
    assert metric(worker, "lorebase_celery_tasks_total", **done) == 1
    assert metric(worker, "lorebase_lore_check_seconds_count") >= 1
    assert LoreCheckResult.objects.get(world=world).counts["reversed_relation_span"] == 1


def scrape(metrics_url: str) -> str:
    with urllib.request.urlopen(metrics_url, timeout=10) as response:
        return response.read().decode()


@pytest.mark.django_db
def test_a_checked_generated_world_can_still_be_deleted_in_bulk():
    """delete_generated_world clears rows of other apps that cascade from the world."""
    world = generate_world(seed=3, slug="checked", **counts_for_total(300)).world
    world_check(world=world)
    assert LoreCheckResult.objects.filter(world=world).exists()

    delete_generated_world(world)
    assert not World.objects.filter(pk=world.pk).exists()
    assert not LoreCheckResult.objects.exists()
