"""GET /api/v1/worlds/{world_id}/consistency/: members read the report of their world."""

import pytest
from rest_framework.test import APIClient

from consistency.rules import RULES
from tests.api.conftest import url
from tests.problems import by_field

pytestmark = pytest.mark.django_db


def test_a_viewer_gets_the_findings_and_a_count_per_rule(world, flawed, viewer):
    response = viewer.get(url(world, "consistency/"))

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["world"] == str(world.public_id)
    assert body["counts"] == dict.fromkeys(RULES, 0) | {
        "dead_character_in_scene": 1,
        "reversed_relation_span": 1,
    }
    assert body["count"] == 2 and body["next"] is None
    dead, backwards = body["results"]
    assert dead == {
        "rule": "dead_character_in_scene",
        "severity": "error",
        "message": "Wren died in chapter 1 but is present in “The Bell Rings Twice” (chapter 3).",
        "entities": [
            {"type": "character", "id": str(flawed["wren"].public_id), "name": "Wren"},
            {
                "type": "scene",
                "id": str(flawed["scene"].public_id),
                "name": "The Bell Rings Twice",
            },
        ],
    }
    assert backwards["rule"] == "reversed_relation_span"
    assert backwards["entities"][0]["id"] == str(flawed["relation"].public_id)


def test_the_rule_parameter_runs_one_rule(world, flawed, viewer):
    body = viewer.get(url(world, "consistency/?rule=reversed_relation_span")).json()

    assert body["counts"] == {"reversed_relation_span": 1}
    assert [finding["rule"] for finding in body["results"]] == ["reversed_relation_span"]


def test_findings_come_in_pages(world, flawed, viewer):
    first = viewer.get(url(world, "consistency/?page_size=1")).json()
    second = viewer.get(first["next"]).json()

    assert first["count"] == second["count"] == 2
    assert [first["results"][0]["rule"], second["results"][0]["rule"]] == [
        "dead_character_in_scene",
        "reversed_relation_span",
    ]
    assert second["next"] is None and second["previous"]


@pytest.mark.parametrize(
    ("query", "field"),
    [("rule=timeline", "rule"), ("page=0", "page"), ("page_size=x", "page_size")],
)
def test_a_bad_parameter_is_400_naming_it(world, viewer, query, field):
    response = viewer.get(url(world, f"consistency/?{query}"))

    assert list(by_field(response)) == [field]


def test_a_clean_world_has_no_findings(world, viewer):
    body = viewer.get(url(world, "consistency/")).json()

    assert body["count"] == 0 and body["results"] == []
    assert set(body["counts"].values()) == {0}


def test_another_worlds_report_is_404_and_anonymous_is_401(world, flawed, outsider):
    assert outsider.get(url(world, "consistency/")).status_code == 404
    assert APIClient().get(url(world, "consistency/")).status_code == 401
