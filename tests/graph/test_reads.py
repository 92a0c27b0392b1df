"""graph.reads: the one way the apps read the graph (timeouts, errors, allow-lists, spans)."""

import re
import time
from pathlib import Path

import pytest

from graph import projection, reads
from lorebase.models import Chapter, Relation

ROOT = Path(__file__).resolve().parent.parent.parent
# Apps that read the graph, and those that must not touch it at all.
APPS = ("search", "llm", "consistency", "exports", "lorebase")
DIRECT = re.compile(
    r"\b(cypher_query|read_transaction|write_transaction)\b|from (neomodel|neo4j)\b"
)


def test_every_graph_read_outside_graph_goes_through_graph_reads():
    direct = [
        f"{path.relative_to(ROOT)}:{number}"
        for app in APPS
        for path in sorted((ROOT / app).rglob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if DIRECT.search(line)
    ]
    assert direct == []


@pytest.mark.services
def test_the_server_ends_a_statement_past_its_timeout(graph, settings):
    """Neo4j enforces the read transaction's timeout (checked every 2 s at most by default)."""
    settings.SEARCH_GRAPH_TIMEOUT = 0.05
    # Ten billion rows: run to the end, this would answer a count minutes later.
    with pytest.raises(reads.GraphTimeout, match=r"took longer than 0\.05 s"):
        reads.read(
            "UNWIND range(1, 10000000000) AS x RETURN count(*)", {}, timeout="SEARCH_GRAPH_TIMEOUT"
        )


def test_a_spent_deadline_sends_no_statement(settings):
    settings.LLM_GRAPH_TIMEOUT = 3
    spent = reads.Deadline("LLM_GRAPH_TIMEOUT", time.monotonic() - 1)
    with pytest.raises(reads.GraphTimeout, match=r"took longer than 3 s"):
        reads.read("RETURN 1", {}, timeout=spent)


def test_labels_and_types_outside_the_allow_lists_never_reach_a_statement():
    walkable = ("KNOWS", "FEATURES")
    assert projection.label("Character") == "Character"
    assert projection.types(["KNOWS", "FEATURES"], walkable) == "KNOWS|FEATURES"
    assert projection.types(["NEXT"]) == "NEXT"
    with pytest.raises(ValueError, match="label 'Dragon' is not in the allow-list"):
        projection.label("Dragon")
    with pytest.raises(ValueError, match="relationship type 'NEXT' is not in the allow-list"):
        projection.types(["KNOWS", "NEXT"], walkable)
    with pytest.raises(ValueError, match="is not in the allow-list"):
        projection.types(["KNOWS]-() DETACH DELETE r //"])


@pytest.mark.django_db
@pytest.mark.services
def test_the_graph_and_postgresql_agree_on_which_relations_hold_at_a_chapter(demo):
    world = demo["en"]
    relations = Relation.objects.filter(world=world)
    assert relations.exclude(valid_from=None, valid_to=None).exists()  # spans to test
    numbers = [None, *Chapter.objects.filter(world=world).values_list("number", flat=True)]
    for as_of in numbers:
        rows = reads.read(
            "MATCH (x)-[r]->() WHERE x.world = $world AND r.uid IS NOT NULL "
            f"AND {reads.VALID_AT} RETURN r.uid",
            {"world": str(world.public_id), "as_of": as_of},
            timeout="SEARCH_GRAPH_TIMEOUT",
        )
        held = relations.valid_at(as_of) if as_of is not None else relations
        assert {uid for (uid,) in rows} == {
            str(uid) for uid in held.values_list("public_id", flat=True)
        }
