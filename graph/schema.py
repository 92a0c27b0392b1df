"""Constraints and indexes for the graph's node classes, installed idempotently.

neomodel's own install_all_labels() fails on ArcadeDB when run a second time
(ArcadeDB answers an existing constraint with a generic SemanticError), so the
same names are created here with `IF NOT EXISTS`, which both Neo4j 5 and
ArcadeDB accept.
"""

from collections.abc import Iterator

from neomodel import StructuredNode, db


def node_classes() -> list[type[StructuredNode]]:
    """Every concrete StructuredNode class that has been imported."""
    found, pending = [], list(StructuredNode.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if hasattr(cls, "__label__") and not getattr(cls, "__abstract_node__", False):
            found.append(cls)
    return sorted(found, key=lambda cls: cls.__label__)


def _quoted(identifier: str) -> str:
    return "`" + identifier.replace("`", "``") + "`"


def schema_statements(classes: list[type[StructuredNode]]) -> Iterator[str]:
    for cls in classes:
        label = cls.__label__
        for name, prop in cls.defined_properties(aliases=False, rels=False).items():
            key = prop.get_db_property_name(name)
            if prop.unique_index:
                yield (
                    f"CREATE CONSTRAINT {_quoted(f'constraint_unique_{label}_{key}')} "
                    f"IF NOT EXISTS FOR (n:{_quoted(label)}) REQUIRE n.{_quoted(key)} IS UNIQUE"
                )
            elif prop.index:
                yield (
                    f"CREATE INDEX {_quoted(f'index_{label}_{key}')} "
                    f"IF NOT EXISTS FOR (n:{_quoted(label)}) ON (n.{_quoted(key)})"
                )


def relationship_index_statements() -> Iterator[str]:
    """A uid index per relation kind: a relation is found by uid even after it moved."""
    from .projection import RELATION_TYPES

    for kind in RELATION_TYPES:
        yield (
            f"CREATE INDEX {_quoted(f'index_rel_{kind}_uid')} IF NOT EXISTS "
            f"FOR ()-[r:{_quoted(kind)}]-() ON (r.uid)"
        )


def install_graph_schema() -> list[str]:
    """Create every missing constraint and index; returns the statements run."""
    statements = [*schema_statements(node_classes()), *relationship_index_statements()]
    for statement in statements:
        db.cypher_query(statement)
    return statements
