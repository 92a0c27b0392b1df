"""The mirror in-process against the real graph server: each change, and delivery quirks."""

import threading
from urllib.parse import unquote, urlparse

import pytest
from neo4j import GraphDatabase
from neomodel import db

from graph.mirror import mirror_entity
from graph.models import OutboxEvent
from graph.rebuild import world_rebuild
from graph.reconcile import reconcile_worlds, world_drift
from graph.writer import upsert_nodes
from lorebase import services
from lorebase.models import Relation, RelationKind, SceneParticipant
from tests.factories import (
    ChapterFactory,
    CharacterFactory,
    ConceptFactory,
    LocationFactory,
)
from tests.graph.snapshots import assert_graph_matches

pytestmark = [pytest.mark.django_db, pytest.mark.services]


def _mirror_pending() -> None:
    """Deliver every outbox row the way the worker would, in creation order."""
    for event in OutboxEvent.objects.filter(delivered_at__isnull=True).order_by("pk"):
        mirror_entity(entity_type=event.entity_type, entity_id=str(event.entity_id))
    OutboxEvent.objects.update(delivered_at="2026-11-21T00:00:00Z")


@pytest.fixture
def small_world(graph):
    world = services.world_create(owner=None, name="Harbor", slug="harbor", language="en")
    one = services.entity_save(instance=ChapterFactory.build(world=world, number=1))
    two = services.entity_save(instance=ChapterFactory.build(world=world, number=2))
    region = services.entity_save(instance=LocationFactory.build(world=world, name="Coast"))
    pier = services.entity_save(
        instance=LocationFactory.build(world=world, name="Pier", parent=region)
    )
    anya = services.entity_save(instance=CharacterFactory.build(world=world, name="Anya"))
    kay = services.entity_save(instance=CharacterFactory.build(world=world, name="Kay"))
    guild = services.entity_save(instance=ConceptFactory.build(world=world, name="Guild"))
    scenes = []
    for order in (1, 2, 3):
        scene = services.entity_save(
            instance=services.Scene(
                world=world, chapter=one, order=order, title=f"Scene {order}", location=pier
            )
        )
        services.scene_set_participants(
            scene=scene, participants=[(anya, "speaker"), (kay, "present")]
        )
        scenes.append(scene)
    relation = Relation(world=world, kind=RelationKind.MEMBER_OF, valid_from=one)
    relation.set_endpoint("source", anya)
    relation.set_endpoint("target", guild)
    services.entity_save(instance=relation)
    _mirror_pending()
    return {
        "world": world,
        "one": one,
        "two": two,
        "pier": pier,
        "region": region,
        "anya": anya,
        "kay": kay,
        "guild": guild,
        "scenes": scenes,
        "relation": relation,
    }


def test_a_world_is_mirrored_with_every_node_and_edge(small_world):
    assert_graph_matches(small_world["world"])
    rows, _ = db.cypher_query(
        "MATCH (s:Scene)-[f:FEATURES]->(c:Character {name: 'Anya'}) RETURN count(f), f.role"
    )
    assert rows == [[3, "speaker"]]


def test_renaming_moving_recasting_and_deleting_reach_the_graph(small_world):
    world, anya, kay = small_world["world"], small_world["anya"], small_world["kay"]
    anya.name = "Anna"
    services.entity_save(instance=anya)
    first, second, third = small_world["scenes"]
    first.location = small_world["region"]
    first.chapter = small_world["two"]
    services.entity_save(instance=first)
    services.scene_set_participants(scene=second, participants=[(kay, "mentioned")])
    services.entity_delete(instance=third)
    relation = small_world["relation"]
    relation.kind = RelationKind.LEADS
    services.entity_save(instance=relation)
    _mirror_pending()
    assert_graph_matches(world)
    rows, _ = db.cypher_query(
        "MATCH (c:Character {uid: $u}) RETURN c.name", {"u": str(anya.public_id)}
    )
    assert rows == [["Anna"]]


def test_a_relation_retargeted_and_then_deleted(small_world):
    relation, kay = small_world["relation"], small_world["kay"]
    relation.kind = RelationKind.KNOWS
    relation.set_endpoint("target", kay)
    services.entity_save(instance=relation)
    _mirror_pending()
    assert_graph_matches(small_world["world"])
    services.entity_delete(instance=relation)
    _mirror_pending()
    assert_graph_matches(small_world["world"])


def test_the_same_task_twice_and_versions_in_reverse_order(small_world):
    anya = small_world["anya"]
    anya.name = "Anna"
    services.entity_save(instance=anya)  # version 2
    anya.name = "Annushka"
    services.entity_save(instance=anya)  # version 3
    uid = str(anya.public_id)
    # Version 3's task arrives first, then version 2's (which reads the same current state),
    # then version 3's again: one node, version 3, no duplicate edge.
    for _ in range(3):
        mirror_entity(entity_type="character", entity_id=uid)
    rows, _ = db.cypher_query("MATCH (c:Character {uid: $u}) RETURN c.name, c.version", {"u": uid})
    assert rows == [["Annushka", 3]]
    assert_graph_matches(small_world["world"])


def test_an_older_state_never_overwrites_a_newer_one(small_world):
    uid = str(small_world["kay"].public_id)
    world_uid = str(small_world["world"].public_id)
    upsert_nodes(
        "Character",
        [{"uid": uid, "world": world_uid, "version": 9, "props": {"name": "Kay from the future"}}],
    )
    written = upsert_nodes(
        "Character", [{"uid": uid, "world": world_uid, "version": 1, "props": {"name": "Kay"}}]
    )
    assert written == []
    rows, _ = db.cypher_query("MATCH (c:Character {uid: $u}) RETURN c.name", {"u": uid})
    assert rows == [["Kay from the future"]]


def test_an_older_version_written_at_the_same_moment_still_loses(small_world, graph_server_url):
    """Two workers mirroring one entity at once: the one with the older state checked the
    version before the newer one committed, and must still not overwrite it."""
    uid = str(small_world["kay"].public_id)
    row = {"uid": uid, "world": str(small_world["world"].public_id), "props": {"name": "Kay"}}
    upsert_nodes("Character", [{**row, "version": 1}])
    url = urlparse(graph_server_url)
    auth = (unquote(url.username), unquote(url.password))
    older: list[str] = []
    with (
        GraphDatabase.driver(f"bolt://{url.hostname}:{url.port}", auth=auth) as driver,
        driver.session(database=url.path.strip("/") or None) as session,
    ):
        newer = session.begin_transaction()  # holds the node's write lock until it commits
        newer.run("MATCH (c:Character {uid: $u}) SET c.version = 9, c.name = 'Kay, later'", u=uid)
        writer = threading.Thread(
            target=lambda: older.extend(upsert_nodes("Character", [{**row, "version": 5}]))
        )
        writer.start()
        writer.join(2)  # it waits for the lock (or has not reached it yet: either must hold)
        newer.commit()
    writer.join(30)
    assert older == []
    rows, _ = db.cypher_query("MATCH (c:Character {uid: $u}) RETURN c.name, c.version", {"u": uid})
    assert rows == [["Kay, later", 9]]


def test_deleting_a_world_removes_its_graph(small_world):
    world = small_world["world"]
    services.entity_delete(instance=world)
    _mirror_pending()
    rows, _ = db.cypher_query("MATCH (n {world: $w}) RETURN count(n)", {"w": str(world.public_id)})
    assert rows == [[0]]


def test_reconcile_finds_and_repairs_drift(small_world):
    world = small_world["world"]
    db.cypher_query(
        "MATCH (c:Character {uid: $u}) DETACH DELETE c", {"u": str(small_world["kay"].public_id)}
    )
    db.cypher_query(
        "MATCH (l:Location {uid: $u}) SET l.version = 0", {"u": str(small_world["pier"].public_id)}
    )
    db.cypher_query(
        "CREATE (:Concept {uid: 'ghost', world: $w, version: 1})", {"w": str(world.public_id)}
    )
    drift = world_drift(world)
    assert drift.summary() == {"stale_character": 1, "stale_location": 1, "orphaned_concept": 1}
    report = reconcile_worlds()
    assert report["harbor"] == drift.summary()
    assert world_drift(world).total == 0
    assert_graph_matches(world)


def test_rebuild_from_an_empty_graph_and_again(small_world):
    world = small_world["world"]
    db.cypher_query("MATCH (n) DETACH DELETE n")
    progress = []
    assert world_rebuild(world, batch_size=2, progress=progress.append) == {}
    assert sum(progress) == 1 + 2 + 2 + 2 + 1 + 3 + 1
    assert_graph_matches(world)
    world_rebuild(world, batch_size=3)
    assert_graph_matches(world)
    assert SceneParticipant.objects.count() == 6
