import pytest
from neomodel import StringProperty, StructuredNode, db
from neomodel.exceptions import ConstraintValidationFailed

from config.health import check_graph
from graph.schema import install_graph_schema

pytestmark = pytest.mark.services


class ProbeNode(StructuredNode):
    """A node class of the tests only, to exercise schema installation."""

    key = StringProperty(unique_index=True, required=True)
    name = StringProperty(index=True)


def test_installing_twice_is_harmless_and_the_key_is_unique(graph):
    first = install_graph_schema()
    assert install_graph_schema() == first  # nothing new, nothing refused
    constraints = {row[0] for row in db.cypher_query("SHOW CONSTRAINTS YIELD name")[0]}
    indexes = {row[0] for row in db.cypher_query("SHOW INDEXES YIELD name")[0]}
    assert {"constraint_unique_ProbeNode_key", "constraint_unique_Character_uid"} <= constraints
    assert {"index_ProbeNode_name", "index_Character_world", "index_rel_KNOWS_uid"} <= indexes

    ProbeNode(key="anya", name="Anya").save()
    with pytest.raises(ConstraintValidationFailed), db.transaction:
        ProbeNode(key="anya", name="Someone else").save()
    rows, _ = db.cypher_query("MATCH (n:ProbeNode) RETURN n.key, n.name")
    assert rows == [["anya", "Anya"]]


def test_each_test_starts_with_an_empty_graph(graph):
    rows, _ = db.cypher_query("MATCH (n) RETURN count(n)")
    assert rows == [[0]]


def test_graph_check_reports_latency(graph):
    assert check_graph()["ok"] is True
