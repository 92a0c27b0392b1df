"""Constraints and indexes of the graph, installed idempotently.

Node keys and indexes come from the neomodel classes (`install_all_labels`,
which leaves existing ones alone). Relationships are written by the mirror's
own Cypher, not through neomodel relationship models, so their uid indexes are
created here.
"""

import io
from collections.abc import Iterator

from neomodel import db

from .projection import RELATION_TYPES


def _quoted(identifier: str) -> str:
    return "`" + identifier.replace("`", "``") + "`"


def relationship_index_statements() -> Iterator[str]:
    """A uid index per relation kind: a relation is found by uid even after it moved."""
    for kind in RELATION_TYPES:
        yield (
            f"CREATE INDEX {_quoted(f'index_rel_{kind}_uid')} IF NOT EXISTS "
            f"FOR ()-[r:{_quoted(kind)}]-() ON (r.uid)"
        )


def install_graph_schema() -> dict[str, int]:
    """Create every missing constraint and index; returns how many of each exist now."""
    # Its report (one line per class, and each rule that already existed) is not ours to print.
    db.install_all_labels(stdout=io.StringIO())
    for statement in relationship_index_statements():
        db.cypher_query(statement)
    constraints, _ = db.cypher_query("SHOW CONSTRAINTS YIELD name RETURN count(*)")
    indexes, _ = db.cypher_query("SHOW INDEXES YIELD name RETURN count(*)")
    return {"constraints": constraints[0][0], "indexes": indexes[0][0]}
