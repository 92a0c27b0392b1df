"""Whole-world comparison of the graph with what PostgreSQL says it should hold."""

from collections import Counter
from itertools import pairwise

from neomodel import db

from graph.projection import (
    LABELS,
    MODELS,
    WORLD_LABELS,
    projection_queryset,
    relation_queryset,
    relation_row,
    structural_edges,
)
from lorebase.catalogue import EntityType
from lorebase.models import Chapter, Relation, Scene, World


def expected_snapshot(world: World) -> tuple[set, Counter]:
    nodes = {("World", str(world.public_id), world.version)}
    edges: Counter = Counter()
    for entity_type, label in LABELS.items():
        if entity_type == EntityType.WORLD:
            continue
        model = MODELS[entity_type]
        nodes |= {
            (label, str(uid), version)
            for uid, version in model.objects.filter(world=world).values_list(
                "public_id", "version"
            )
        }
        queryset = projection_queryset(entity_type, model.objects.filter(world=world))
        for (rel_type, _, _), rows in structural_edges(entity_type, queryset).items():
            edges.update(
                (rel_type, row["from"], row["to"], row["props"].get("role")) for row in rows
            )
    for row in map(relation_row, relation_queryset(Relation.objects.filter(world=world))):
        edges[(row["kind"], row["from"], row["to"], row["uid"])] += 1
    for chapter in Chapter.objects.filter(world=world):
        scenes = Scene.objects.filter(chapter=chapter).order_by("order", "pk")
        uids = [str(u) for u in scenes.values_list("public_id", flat=True)]
        edges.update(("NEXT", a, b, None) for a, b in pairwise(uids))
    chapters = [
        str(u)
        for u in Chapter.objects.filter(world=world)
        .order_by("number")
        .values_list("public_id", flat=True)
    ]
    edges.update(("NEXT", a, b, None) for a, b in pairwise(chapters))
    return nodes, edges


def graph_snapshot(world: World) -> tuple[set, Counter]:
    uid = str(world.public_id)
    rows, _ = db.cypher_query("MATCH (w:World {uid: $uid}) RETURN w.uid, w.version", {"uid": uid})
    nodes = {("World", r_uid, version) for r_uid, version in rows}
    edges: Counter = Counter()
    for label in WORLD_LABELS:
        rows, _ = db.cypher_query(
            f"MATCH (n:{label} {{world: $w}}) RETURN n.uid, n.version", {"w": uid}
        )
        nodes |= {(label, r_uid, version) for r_uid, version in rows}
        rows, _ = db.cypher_query(
            f"MATCH (a:{label} {{world: $w}})-[r]->(b) "
            "RETURN type(r), a.uid, b.uid, coalesce(r.uid, r.role)",
            {"w": uid},
        )
        edges.update(tuple(row) for row in rows)
    return nodes, edges


def assert_graph_matches(world: World) -> None:
    expected_nodes, expected_edges = expected_snapshot(world)
    nodes, edges = graph_snapshot(world)
    assert nodes == expected_nodes, nodes ^ expected_nodes
    assert edges == expected_edges, (edges - expected_edges, expected_edges - edges)
    assert max(edges.values(), default=1) == 1, "a duplicated edge"
