"""A rebuild outside a transaction reads PostgreSQL one batch ahead, in a thread.

The thread has its own database connection, so these rows are committed
(a transactional test); the graph must come out exactly as PostgreSQL says.
"""

import threading

import pytest
from neo4j.exceptions import TransientError
from neomodel import db

from graph import mirror, rebuild
from graph.rebuild import world_rebuild
from tests.graph.snapshots import assert_graph_matches
from worldgen.generator import counts_for_total, generate_world

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.services]


def test_a_rebuild_reads_ahead_in_a_thread_and_writes_the_world_exactly(graph, monkeypatch):
    world = generate_world(seed=5, slug="read-ahead", **counts_for_total(400)).world
    db.cypher_query("MATCH (n) DETACH DELETE n")
    readers: set[str] = set()
    read_nodes = mirror.read_nodes

    def noted(*args: object) -> mirror.NodeBatch:
        readers.add(threading.current_thread().name)
        return read_nodes(*args)

    monkeypatch.setattr(rebuild, "read_nodes", noted)
    progress: list[int] = []
    # Written from nothing: no orphans to look for, so no drift check and nothing repaired.
    assert world_rebuild(world, batch_size=25, progress=progress.append) == {}
    assert sum(progress) == rebuild.world_size(world)
    assert readers and all(name.startswith("rebuild-read") for name in readers)
    assert_graph_matches(world)

    # A graph that already holds the world is compared after the rebuild: an orphan goes.
    db.cypher_query(
        "CREATE (:Concept {uid: 'not-in-postgres', world: $world, version: 1})",
        {"world": str(world.public_id)},
    )
    assert world_rebuild(world, batch_size=500) == {"orphaned_concept": 1}
    assert_graph_matches(world)


def test_a_batch_the_graph_fails_as_a_deadlock_is_written_again(graph, monkeypatch):
    """Beside the mirror, a rebuild's MERGE may deadlock with a worker's: Neo4j fails one
    transaction for the client to retry (seen in the restore drill), and the rebuild does."""
    world = generate_world(seed=5, slug="deadlocked", **counts_for_total(200)).world
    db.cypher_query("MATCH (n) DETACH DELETE n")
    write_nodes, failed = rebuild.write_nodes, []

    def deadlocked_once(*args: object, **kwargs: object) -> object:
        if not failed:
            failed.append(True)
            raise TransientError("Deadlock detected while trying to acquire locks.")
        return write_nodes(*args, **kwargs)

    monkeypatch.setattr(rebuild, "write_nodes", deadlocked_once)
    world_rebuild(world, batch_size=50)
    assert failed
    assert_graph_matches(world)
