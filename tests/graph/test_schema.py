import pytest
from neo4j.exceptions import ConstraintError
from neomodel import StringProperty, StructuredNode, db
from neomodel.exceptions import ConstraintValidationFailed

from graph.schema import install_graph_schema, node_classes, schema_statements
from lorebase.health import check_graph

pytestmark = pytest.mark.services


class ProbeNode(StructuredNode):
    """A node class of the tests only, to exercise schema installation."""

    key = StringProperty(unique_index=True, required=True)
    name = StringProperty(index=True)


def test_schema_statements_cover_unique_keys_and_indexes():
    statements = list(schema_statements([ProbeNode]))
    assert statements == [
        "CREATE CONSTRAINT `constraint_unique_ProbeNode_key` IF NOT EXISTS "
        "FOR (n:`ProbeNode`) REQUIRE n.`key` IS UNIQUE",
        "CREATE INDEX `index_ProbeNode_name` IF NOT EXISTS FOR (n:`ProbeNode`) ON (n.`name`)",
    ]
    assert ProbeNode in node_classes()


def test_installing_twice_is_harmless_and_the_key_is_unique(graph):
    install_graph_schema()
    install_graph_schema()  # neomodel's own installer fails here on ArcadeDB
    constraints, _ = db.cypher_query("SHOW CONSTRAINTS")
    assert any("constraint_unique_ProbeNode_key" in row for row in constraints)

    ProbeNode(key="anya", name="Anya").save()
    # In an explicit transaction ArcadeDB reports the duplicate at commit
    # (the driver's ConstraintError); Neo4j at the statement (neomodel's wrapper).
    with pytest.raises((ConstraintValidationFailed, ConstraintError)), db.transaction:
        ProbeNode(key="anya", name="Someone else").save()
    rows, _ = db.cypher_query("MATCH (n:ProbeNode) RETURN n.key, n.name")
    assert rows == [["anya", "Anya"]]


def test_each_test_starts_with_an_empty_graph(graph):
    rows, _ = db.cypher_query("MATCH (n) RETURN count(n)")
    assert rows == [[0]]


def test_graph_check_reports_latency(graph):
    assert check_graph()["ok"] is True
