"""Deaths in the graph: a KILLED_BY edge owned by the victim, through mirror, rebuild, reconcile."""

import pytest
from neomodel import db

from graph.rebuild import world_rebuild
from graph.reconcile import reconcile_worlds, world_drift
from lorebase import services
from lorebase.models import Character, Relation, RelationKind, Scene
from tests.factories import ChapterFactory, CharacterFactory
from tests.graph.snapshots import assert_graph_matches
from tests.graph.test_mirror import _mirror_pending

pytestmark = [pytest.mark.django_db, pytest.mark.services]


@pytest.fixture
def harbor(graph) -> dict:
    world = services.world_create(owner=None, name="Гавань", slug="gavan", language="ru")
    fifth = services.entity_save(instance=ChapterFactory.build(world=world, number=5))
    people = {
        name: services.entity_save(instance=CharacterFactory.build(world=world, name=name))
        for name in ("Ser Aldric", "Aldric", "Guard #2", "Тобиас Рен")
    }
    scene = services.entity_save(
        instance=Scene(world=world, chapter=fifth, order=1, title="The Drowning at Pier Nine")
    )
    _mirror_pending()
    return {"world": world, "fifth": fifth, "scene": scene, **people}


def _die(victim: Character, killer: Character | None, scene: Scene | None, cause: str) -> None:
    victim.status, victim.killed_by, victim.death_scene = Character.Status.DEAD, killer, scene
    victim.death_cause = cause
    services.entity_save(instance=victim)
    _mirror_pending()


def _killings(world) -> list[list]:
    rows, _ = db.cypher_query(
        "MATCH (v:Character {world: $w})-[k:KILLED_BY]->(killer:Character) "
        "RETURN v.name, killer.name, k.chapter, k.scene, k.cause ORDER BY v.name",
        {"w": str(world.public_id)},
    )
    return rows


def test_a_saved_death_becomes_an_edge_from_the_victim_to_the_killer(harbor):
    _die(harbor["Aldric"], harbor["Ser Aldric"], harbor["scene"], "Held under the water.")
    scene_uid = str(harbor["scene"].public_id)
    assert _killings(harbor["world"]) == [
        ["Aldric", "Ser Aldric", 5, scene_uid, "Held under the water."]
    ]
    rows, _ = db.cypher_query(
        "MATCH (v:Character {uid: $u}) RETURN v.status, v.death_cause",
        {"u": str(harbor["Aldric"].public_id)},
    )
    assert rows == [["dead", "Held under the water."]]
    assert_graph_matches(harbor["world"])


def test_the_edge_moves_with_the_killer_and_goes_with_the_death(harbor):
    victim = harbor["Aldric"]
    _die(victim, harbor["Ser Aldric"], harbor["scene"], "Held under the water.")
    _die(victim, harbor["Guard #2"], None, "A crossbow bolt.")
    assert _killings(harbor["world"]) == [["Aldric", "Guard #2", 5, None, "A crossbow bolt."]]

    victim.status, victim.killed_by, victim.death_cause = Character.Status.MISSING, None, ""
    services.entity_save(instance=victim)
    _mirror_pending()
    assert _killings(harbor["world"]) == []
    assert_graph_matches(harbor["world"])


def test_a_death_without_a_killer_is_on_the_node_only(harbor):
    wren = harbor["Тобиас Рен"]
    _die(wren, None, harbor["scene"], "Отдал свои воспоминания Сердцепламени.")
    assert _killings(harbor["world"]) == []
    rows, _ = db.cypher_query(
        "MATCH (v:Character {uid: $u}) RETURN v.status, v.status_chapter, v.death_cause",
        {"u": str(wren.public_id)},
    )
    assert rows == [
        ["dead", str(harbor["fifth"].public_id), "Отдал свои воспоминания Сердцепламени."]
    ]


def test_killers_of_each_other_in_the_same_chapter(harbor):
    aldric, ser_aldric = harbor["Aldric"], harbor["Ser Aldric"]
    _die(aldric, ser_aldric, harbor["scene"], "Stabbed.")
    _die(ser_aldric, aldric, harbor["scene"], "Stabbed back.")
    assert [row[:2] for row in _killings(harbor["world"])] == [
        ["Aldric", "Ser Aldric"],
        ["Ser Aldric", "Aldric"],
    ]
    assert_graph_matches(harbor["world"])


def test_deleting_the_killer_or_the_scene_leaves_what_postgresql_holds(harbor):
    victim = harbor["Aldric"]
    _die(victim, harbor["Ser Aldric"], harbor["scene"], "Held under the water.")
    services.entity_delete(instance=harbor["scene"])
    _mirror_pending()
    assert _killings(harbor["world"]) == [
        ["Aldric", "Ser Aldric", 5, None, "Held under the water."]
    ]
    services.entity_delete(instance=harbor["Ser Aldric"])
    _mirror_pending()
    victim.refresh_from_db()
    assert victim.killed_by is None and _killings(harbor["world"]) == []
    assert_graph_matches(harbor["world"])


def test_the_edge_survives_a_rebuild_and_a_lost_killer_is_repaired(harbor):
    world = harbor["world"]
    _die(harbor["Aldric"], harbor["Ser Aldric"], harbor["scene"], "Held under the water.")
    before = _killings(world)
    db.cypher_query("MATCH (n) DETACH DELETE n")
    assert world_rebuild(world) == {}
    assert _killings(world) == before
    assert_graph_matches(world)

    # The killer's node vanishes, and with it the edge the victim owns.
    db.cypher_query(
        "MATCH (c:Character {uid: $u}) DETACH DELETE c", {"u": str(harbor["Ser Aldric"].public_id)}
    )
    assert world_drift(world).summary() == {"stale_character": 1}
    reconcile_worlds(world_id=str(world.public_id))
    assert _killings(world) == before
    assert_graph_matches(world)


def test_relations_carry_known_from_start(harbor):
    relation = Relation(world=harbor["world"], kind=RelationKind.FAMILY_OF, known_from_start=True)
    relation.set_endpoint("source", harbor["Aldric"])
    relation.set_endpoint("target", harbor["Ser Aldric"])
    services.entity_save(instance=relation)
    _mirror_pending()
    query = "MATCH ()-[r:FAMILY_OF {uid: $u}]->() RETURN r.known_from_start"
    rows, _ = db.cypher_query(query, {"u": str(relation.public_id)})
    assert rows == [[True]]
    relation.known_from_start = False
    services.entity_save(instance=relation)
    _mirror_pending()
    rows, _ = db.cypher_query(query, {"u": str(relation.public_id)})
    assert rows == [[False]]
