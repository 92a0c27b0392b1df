"""Rebuild of a generated world, against a raw-driver `UNWIND … MERGE` baseline.

    .venv/bin/python bench/graph_rebuild.py [--entities 100000] [--batch-size 2000]

Both write the same rows (the rebuild's own projection) to the same server in
batches of the same size inside explicit transactions, each on an emptied graph,
in two rounds (the first warms the server). The rebuild's time includes reading
PostgreSQL; the baseline's is the graph writes alone. The drift check after each
rebuild says whether it wrote the world exactly.
"""

import time
from collections import defaultdict
from itertools import pairwise

from stack import bench_parser, bench_stack, generated_world, raw_graph_driver


def baseline_rows(world) -> tuple[dict, dict]:
    """Node rows per label and edge rows per (type, from, to), as the rebuild writes them."""
    from graph.projection import (
        LABELS,
        MODELS,
        node_row,
        projection_queryset,
        relation_queryset,
        relation_row,
        structural_edges,
    )
    from lorebase.catalogue import EntityType
    from lorebase.models import Chapter, Relation, Scene

    nodes: dict[str, list] = defaultdict(list)
    edges: dict[tuple, list] = defaultdict(list)
    nodes["World"].append(node_row(EntityType.WORLD, world))
    for entity_type, label in LABELS.items():
        if entity_type == EntityType.WORLD:
            continue
        entities = list(
            projection_queryset(entity_type, MODELS[entity_type].objects.filter(world=world))
        )
        nodes[label] = [node_row(entity_type, e) for e in entities]
        for key, rows in structural_edges(entity_type, entities).items():
            edges[key].extend(rows)
    for row in map(relation_row, relation_queryset(Relation.objects.filter(world=world))):
        edges[(row["kind"], row["from_label"], row["to_label"])].append(
            {"from": row["from"], "to": row["to"], "props": {**row["props"], "uid": row["uid"]}}
        )
    for chapter in Chapter.objects.filter(world=world):
        ordered = list(
            Scene.objects.filter(chapter=chapter)
            .order_by("order", "pk")
            .values_list("public_id", flat=True)
        )
        edges[("NEXT", "Scene", "Scene")].extend(
            {"from": str(a), "to": str(b), "props": {}} for a, b in pairwise(ordered)
        )
    return nodes, edges


def _batched(session, rows: list[dict], batch_size: int, statement: str) -> None:
    for i in range(0, len(rows), batch_size):
        session.execute_write(
            lambda tx, batch: tx.run(statement, rows=batch).consume(), rows[i : i + batch_size]
        )


def raw_driver_write(nodes: dict, edges: dict, batch_size: int) -> float:
    """The baseline: the neo4j driver alone, UNWIND … MERGE, same rows and batches."""
    driver, database = raw_graph_driver()
    started = time.perf_counter()
    with driver.session(database=database) as session:
        for label, rows in nodes.items():
            _batched(
                session,
                rows,
                batch_size,
                f"UNWIND $rows AS row MERGE (n:{label} {{uid: row.uid}}) "
                "SET n += row.props, n.version = row.version, n.world = row.world",
            )
        for (rel_type, from_label, to_label), rows in edges.items():
            _batched(
                session,
                rows,
                batch_size,
                f"UNWIND $rows AS row MATCH (a:{from_label} {{uid: row.from}}) "
                f"MATCH (b:{to_label} {{uid: row.to}}) "
                f"MERGE (a)-[r:{rel_type}]->(b) SET r += row.props",
            )
    seconds = time.perf_counter() - started
    driver.close()
    return seconds


class RebuildCutOff(Exception):
    """The rebuild ran past its time limit (raised between two batches)."""


def timed_rebuild(world, *, batch_size: int, time_limit: float | None = None) -> dict:
    """`world_rebuild` timed; stopped between batches once `time_limit` seconds have passed.

    Returns seconds, whether it finished, the entities written (of all) and, when
    it finished, the drift it repaired at the end.
    """
    from graph.rebuild import world_rebuild, world_size

    done = 0
    started = time.perf_counter()

    def progress(entities: int) -> None:
        nonlocal done
        done += entities
        if time_limit is not None and time.perf_counter() - started > time_limit:
            raise RebuildCutOff

    result = {"entities_total": world_size(world)}
    try:
        leftover = world_rebuild(world, batch_size=batch_size, progress=progress)
    except RebuildCutOff:
        return result | {
            "seconds": time.perf_counter() - started,
            "finished": False,
            "entities_done": done,
        }
    return result | {
        "seconds": time.perf_counter() - started,
        "finished": True,
        "entities_done": done,
        "repaired": leftover,
    }


def empty_graph() -> None:
    """Delete every node, in transactions of 10,000: one transaction for a 100k world's
    400,000 rows would pass the server's transaction memory limit."""
    from neomodel import db

    db.cypher_query("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")


def graph_row_count() -> int:
    """Nodes plus relationships in the graph now."""
    from neomodel import db

    nodes = db.cypher_query("MATCH (n) RETURN count(n)")[0][0][0]
    relationships = db.cypher_query("MATCH ()-[r]->() RETURN count(r)")[0][0][0]
    return nodes + relationships


def main() -> None:
    parser = bench_parser(__doc__)
    parser.add_argument("--batch-size", type=int, default=2000)
    arguments = parser.parse_args()
    with bench_stack():
        from graph.reconcile import world_drift

        world = generated_world(arguments, slug="bench-rebuild")
        nodes, edges = baseline_rows(world)
        node_count = sum(map(len, nodes.values()))
        edge_count = sum(map(len, edges.values()))
        rows = node_count + edge_count
        print(f"rows: {node_count} nodes + {edge_count} relationships = {rows}")

        # Two rounds, each rebuild then baseline on an emptied graph: the first round
        # also warms the server (JIT, page cache), the second is the comparison.
        for turn in (1, 2):
            empty_graph()
            rebuilt = timed_rebuild(world, batch_size=arguments.batch_size)
            rebuild = rebuilt["seconds"]
            drift = world_drift(world).summary()
            print(
                f"round {turn} graph_rebuild: {rebuild:.1f} s, {rows / rebuild:,.0f} rows/s; "
                f"repaired: {rebuilt['repaired'] or 'none'}; drift after: {drift or 'none'}"
            )
            empty_graph()
            baseline = raw_driver_write(nodes, edges, arguments.batch_size)
            print(
                f"round {turn} raw driver UNWIND MERGE: {baseline:.1f} s, "
                f"{rows / baseline:,.0f} rows/s; ratio rebuild/baseline: {baseline / rebuild:.2f}"
            )


if __name__ == "__main__":
    main()
