"""The mirror end to end through RabbitMQ and real worker processes, and its faults.

Every test ends with the graph equal to PostgreSQL: the same nodes, edges and
versions, and no duplicate node or edge.
"""

import os
import random
import signal
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

import pytest
from neomodel import db

from config.celery import app as celery_app
from devstack.processes import stop_process
from graph.models import OutboxEvent
from graph.tasks import mirror_entity, republish_overdue
from lorebase import services
from lorebase.models import Chapter, Character, Location, Relation, RelationKind, Scene
from tests.conftest import delete_queue, spawn_worker, wait_until_mirrored
from tests.graph.snapshots import assert_graph_matches

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.services]


def _world(characters: int = 3) -> dict:
    world = services.world_create(
        owner=None, name="Harbor", slug=f"harbor-{uuid.uuid4().hex[:6]}", language="en"
    )
    chapter = services.entity_save(instance=Chapter(world=world, number=1, title="One"))
    pier = services.entity_save(instance=Location(world=world, name="Pier", kind="building"))
    cast = [
        services.entity_save(instance=Character(world=world, name=f"Hero {n}"))
        for n in range(characters)
    ]
    scene = services.entity_save(
        instance=Scene(world=world, chapter=chapter, order=1, title="Fog", location=pier)
    )
    services.scene_set_participants(scene=scene, participants=[(c, "present") for c in cast])
    return {"world": world, "chapter": chapter, "pier": pier, "cast": cast, "scene": scene}


@contextmanager
def own_queue() -> Iterator[str]:
    """Publish to a queue only this test's workers consume."""
    previous = celery_app.conf.task_default_queue
    queue = f"{previous}-{uuid.uuid4().hex[:6]}"
    celery_app.conf.task_default_queue = queue
    try:
        yield queue
    finally:
        celery_app.conf.task_default_queue = previous
        delete_queue(queue)


def _graph_value(query: str, **params) -> list:
    rows, _ = db.cypher_query(query, params)
    return rows


def test_each_kind_of_change_reaches_the_graph(celery_worker_process, graph):
    lore = _world()
    world, anya, kay, _third = lore["world"], *lore["cast"]
    wait_until_mirrored(world)
    assert _graph_value("MATCH (s:Scene)-[:FEATURES]->(c:Character) RETURN count(c)") == [[3]]

    anya.name = "Anya"  # rename
    services.entity_save(instance=anya)
    square = services.entity_save(instance=Location(world=world, name="Square", kind="district"))
    scene = lore["scene"]
    scene.location = square  # move the scene
    services.entity_save(instance=scene)
    services.scene_set_participants(scene=scene, participants=[(anya, "speaker")])
    relation = Relation(world=world, kind=RelationKind.KNOWS)
    relation.set_endpoint("source", anya)
    relation.set_endpoint("target", kay)
    services.entity_save(instance=relation)
    wait_until_mirrored(world)
    assert _graph_value("MATCH (:Scene)-[:TAKES_PLACE_IN]->(l) RETURN l.name") == [["Square"]]
    assert _graph_value("MATCH (:Scene)-[f:FEATURES]->(c) RETURN c.name, f.role") == [
        ["Anya", "speaker"]
    ]
    assert _graph_value("MATCH (a)-[r:KNOWS]->(b) RETURN a.name, b.name") == [["Anya", "Hero 1"]]

    services.entity_delete(instance=relation)  # remove the relation
    services.entity_delete(instance=kay)  # delete a character
    wait_until_mirrored(world)
    assert _graph_value("MATCH ()-[r:KNOWS]->() RETURN count(r)") == [[0]]
    assert_graph_matches(world)


def test_a_worker_killed_with_tasks_in_flight_loses_nothing(graph, graph_server_url):
    with own_queue() as queue:
        doomed = spawn_worker(queue, graph_server_url, concurrency=2)
        survivor = None
        try:
            lore = _world()
            for n in range(150):
                hero = lore["cast"][n % 3]
                hero.description = f"revision {n}"
                services.entity_save(instance=hero)
            deadline = time.monotonic() + 30
            while OutboxEvent.objects.filter(delivered_at__isnull=False).count() < 5:
                assert time.monotonic() < deadline, "the worker never started delivering"
                time.sleep(0.05)
            os.killpg(doomed.pid, signal.SIGKILL)  # the worker and its pool, mid-stream
            doomed.wait(10)
            assert OutboxEvent.objects.filter(delivered_at__isnull=True).exists()
            survivor = spawn_worker(queue, graph_server_url)
            wait_until_mirrored(lore["world"])
            assert_graph_matches(lore["world"])
        finally:
            stop_process(doomed)
            if survivor is not None:
                stop_process(survivor)


def test_saves_succeed_while_the_broker_is_down_and_the_graph_catches_up(
    celery_worker_process, graph, rabbitmq_node
):
    if rabbitmq_node is None:
        pytest.skip("CELERY_BROKER_URL names a broker this test did not start and may not stop")
    lore = _world()
    wait_until_mirrored(lore["world"])
    rabbitmq_node.stop_app()
    try:
        started = time.monotonic()
        for n in range(200):
            hero = lore["cast"][n % 3]
            hero.description = f"written while the broker is down ({n})"
            services.entity_save(instance=hero)
        saving = time.monotonic() - started
        pending = OutboxEvent.objects.filter(delivered_at__isnull=True)
        assert pending.count() == 200
        assert not pending.filter(published_at__isnull=False).exists()
    finally:
        rabbitmq_node.start_app()
    print(f"200 saves with the broker down took {saving:.2f} s")
    assert republish_overdue(older_than_seconds=0) == 3  # one task per entity is enough
    wait_until_mirrored(lore["world"], timeout=120)
    assert_graph_matches(lore["world"])


def test_the_graph_down_during_saves_then_back(celery_worker_process, graph, graph_server):
    if graph_server is None:
        pytest.skip("NEO4J_BOLT_URL names a server this test cannot stop")
    lore = _world()
    wait_until_mirrored(lore["world"])
    graph_server.stop()
    try:
        for n in range(20):
            hero = lore["cast"][n % 3]
            hero.name = f"Renamed while the graph is down {n}"
            services.entity_save(instance=hero)
        deadline = time.monotonic() + 90  # at worst the task's time limit ends a hung attempt
        failing = OutboxEvent.objects.filter(delivered_at__isnull=True, attempts__gt=0)
        while not failing.exists():
            assert time.monotonic() < deadline, "no failed attempt was recorded"
            time.sleep(0.2)
        assert "ServiceUnavailable" in failing.first().last_error
    finally:
        graph_server.start()
    republish_overdue(older_than_seconds=0)
    wait_until_mirrored(lore["world"], timeout=150)
    assert_graph_matches(lore["world"])


def test_duplicated_and_reordered_deliveries_converge(celery_worker_process, graph):
    lore = _world()
    hero = lore["cast"][0]
    for name in ("Second", "Third"):
        hero.name = name
        services.entity_save(instance=hero)
    for version in (3, 2, 1, 3):  # the newest first, then older ones, then a duplicate
        mirror_entity.delay("character", str(hero.public_id), version)
    wait_until_mirrored(lore["world"])
    assert _graph_value(
        "MATCH (c:Character {uid: $u}) RETURN c.name, c.version", u=str(hero.public_id)
    ) == [["Third", 3]]
    assert_graph_matches(lore["world"])


def test_four_workers_writing_the_same_hot_entities(graph, graph_server_url):
    with own_queue() as queue, ExitStack() as workers:
        for _ in range(4):  # each stopped at the end, even if another one's stop fails
            workers.callback(stop_process, spawn_worker(queue, graph_server_url))
        lore = _world(characters=5)
        rng = random.Random(4)
        for n in range(120):
            hero = rng.choice(lore["cast"])
            hero.description = f"hot edit {n}"
            services.entity_save(instance=hero)
            cast = rng.sample(lore["cast"], rng.randint(1, 5))
            services.scene_set_participants(
                scene=lore["scene"], participants=[(c, "present") for c in cast]
            )
        wait_until_mirrored(lore["world"], timeout=180)
        assert_graph_matches(lore["world"])
