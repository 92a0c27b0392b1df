"""Batched Cypher writes, run inside the caller's explicit graph transaction.

Values always travel as parameters. Labels and relationship types cannot be
parameters in Cypher, so each is checked against the allow-list in
graph.projection before it is placed in a statement.
"""

from itertools import pairwise

from neomodel import db

from . import projection
from .projection import (
    KILLED_BY,
    NEXT,
    RELATION_TYPES,
    WORLD_LABELS,
)


def upsert_nodes(label: str, rows: list[dict], *, force: bool = False) -> list[str]:
    """MERGE nodes on uid; an older version never overwrites a newer one.

    Returns the uids actually written (a stale row is skipped), so that the
    caller replaces edges only for those.
    """
    if not rows:
        return []
    merge = (
        f"UNWIND $rows AS row MERGE (n:{projection.label(label)} {{uid: row.uid}}) "
        # The node's write lock first, then its version: without the lock two workers
        # mirroring one entity both pass the check, and the older may commit last.
        "SET n._lock = true REMOVE n._lock "
    )
    if force:  # every row is written: nothing to read back (a rebuild's batch of 2,000)
        db.cypher_query(
            merge + "SET n += row.props, n.version = row.version, n.world = row.world",
            {"rows": rows},
        )
        return [row["uid"] for row in rows]
    result, _ = db.cypher_query(
        merge + "WITH n, row WHERE coalesce(n.version, 0) < row.version "
        "SET n += row.props, n.version = row.version, n.world = row.world "
        "RETURN n.uid",
        {"rows": rows},
    )
    return [uid for (uid,) in result]


def delete_out_edges(label: str, uids: list[str], rel_types: tuple[str, ...]) -> None:
    for rel_type in rel_types:
        db.cypher_query(
            f"UNWIND $uids AS uid MATCH (n:{projection.label(label)} {{uid: uid}})"
            f"-[r:{projection.types([rel_type])}]->() DELETE r",
            {"uids": uids},
        )


def create_edges(rel_type: str, from_label: str, to_label: str, rows: list[dict]) -> None:
    """Create edges; a missing target becomes a placeholder (version 0) its own task fills."""
    if not rows:
        return
    db.cypher_query(
        f"UNWIND $rows AS row MATCH (a:{projection.label(from_label)} {{uid: row.from}}) "
        f"MERGE (b:{projection.label(to_label)} {{uid: row.to}}) "
        "ON CREATE SET b.version = 0, b.world = row.world "
        f"CREATE (a)-[r:{projection.types([rel_type])}]->(b) SET r += row.props",
        {"rows": rows},
    )


# Relationships are looked up by kind with `r.uid IN $uids`, a seek in that kind's uid
# index; a relation may have changed kind since it was mirrored, so every kind is asked.


def relation_versions(uids: list[str]) -> dict[str, int]:
    """Mirrored version of each relation uid present, whatever its kind is now: one
    statement, a uid index lookup per kind."""
    rows, _ = db.cypher_query(
        " UNION ALL ".join(
            f"MATCH ()-[r:{projection.types([kind])}]->() WHERE r.uid IN $uids "
            "RETURN r.uid AS uid, r.version AS version"
            for kind in RELATION_TYPES
        ),
        {"uids": uids},
    )
    return {uid: version for uid, version in rows}


def delete_relations(uids: list[str]) -> None:
    """Delete the relations of these uids, whatever their kinds: one statement."""
    db.cypher_query(
        " ".join(
            f"CALL () {{ MATCH ()-[r:{projection.types([kind])}]->() WHERE r.uid IN $uids "
            "DELETE r }"
            for kind in RELATION_TYPES
        )
        + " RETURN 0",
        {"uids": uids},
    )


def create_relations(rows: list[dict]) -> None:
    """Relations grouped by (kind, source label, target label): one statement per group."""
    groups: dict[tuple[str, str, str], list[dict]] = {}
    for row in rows:
        groups.setdefault((row["kind"], row["from_label"], row["to_label"]), []).append(row)
    for (kind, from_label, to_label), group in groups.items():
        db.cypher_query(
            f"UNWIND $rows AS row MERGE (a:{projection.label(from_label)} {{uid: row.from}}) "
            "ON CREATE SET a.version = 0, a.world = row.world "
            f"MERGE (b:{projection.label(to_label)} {{uid: row.to}}) "
            "ON CREATE SET b.version = 0, b.world = row.world "
            f"CREATE (a)-[r:{projection.types([kind])}]->(b) "
            "SET r += row.props, r.uid = row.uid, r.version = row.version, r.world = row.world",
            {"rows": group},
        )


def delete_node(label: str, uid: str) -> None:
    db.cypher_query(
        f"MATCH (n:{projection.label(label)} {{uid: $uid}}) DETACH DELETE n", {"uid": uid}
    )


def forget_death_scene(scene_uid: str, *, worlds: list[str]) -> None:
    """Deaths in a deleted scene stay deaths, in no scene (the victims' nodes by world index)."""
    db.cypher_query(
        f"MATCH (victim:Character)-[r:{KILLED_BY}]->() "
        "WHERE victim.world IN $worlds AND r.scene = $scene SET r.scene = null",
        {"scene": scene_uid, "worlds": worlds},
    )


def delete_world_nodes(world_uid: str) -> None:
    for label in WORLD_LABELS:
        db.cypher_query(
            f"MATCH (n:{projection.label(label)} {{world: $world}}) DETACH DELETE n",
            {"world": world_uid},
        )
    db.cypher_query("MATCH (n:World {uid: $world}) DETACH DELETE n", {"world": world_uid})


def relink_chains(label: str, chains: list[list[str]], members: list[str]) -> None:
    """Make each list of `chains` a NEXT chain, first dropping the NEXT edges of `members`.

    One statement for all chains: a rebuild relinks every chapter of a world at once.
    """
    db.cypher_query(
        f"UNWIND $uids AS uid MATCH (n:{projection.label(label)} {{uid: uid}})"
        f"-[r:{NEXT}]-() DELETE r",
        {"uids": members},
    )
    pairs = [{"from": a, "to": b} for chain in chains for a, b in pairwise(chain)]
    if pairs:
        db.cypher_query(
            f"UNWIND $pairs AS pair MATCH (a:{projection.label(label)} {{uid: pair.from}}) "
            f"MATCH (b:{projection.label(label)} {{uid: pair.to}}) CREATE (a)-[:{NEXT}]->(b)",
            {"pairs": pairs},
        )
