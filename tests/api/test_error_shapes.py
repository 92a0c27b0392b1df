"""The exception handler never fails on a Django ValidationError's shape, and a 404
under /api/ is always a problem (issue 22: the fuzzer's 500 and HTML 404)."""

import json

import pytest
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from tests.api.conftest import url
from tests.problems import problem

pytestmark = pytest.mark.django_db

SHAPES = [
    (DjangoValidationError("Plain."), {"non_field_errors": ["Plain."]}),
    (
        DjangoValidationError(["One.", DjangoValidationError("Two.")]),
        {"non_field_errors": ["One.", "Two."]},
    ),
    (
        DjangoValidationError(
            {"name": ["Taken.", DjangoValidationError("Not %(v)s.", params={"v": 3})]}
        ),
        {"name": ["Taken.", "Not 3."]},
    ),
    # Params that do not fit the message made Django's formatting raise in the handler.
    (DjangoValidationError("Bad %(value)s.", params={}), {"non_field_errors": ["Bad %(value)s."]}),
]


class Raises(APIView):
    authentication_classes = []
    permission_classes = [AllowAny]
    error: DjangoValidationError = DjangoValidationError("")

    def get(self, request: Request) -> None:
        raise self.error


@pytest.mark.parametrize(("error", "expected"), SHAPES)
def test_a_django_validation_error_of_any_shape_is_a_400(error, expected):
    response = Raises.as_view(error=error)(APIRequestFactory().get("/api/v1/x/"))
    response.render()
    response.json = lambda: json.loads(response.content)  # as the test client's has
    found: dict[str, list[str]] = {}
    for item in problem(response, 400, "validation_error")["errors"]:
        found.setdefault(item["field"], []).append(item["detail"])
    assert found == expected


@pytest.mark.parametrize(
    "path", ["worlds/abc/", "worlds/abc/characters/", "worlds/ABC/changes/", "nothing/here/"]
)
@pytest.mark.parametrize("debug", [False, True])
def test_a_404_under_the_api_is_a_problem_even_with_debug_on(viewer, settings, path, debug):
    # With DEBUG on Django answered an unmatched URL with its HTML technical page.
    settings.DEBUG = debug
    response = viewer.get(f"/api/v1/{path}")
    assert problem(response, 404, "not_found")["detail"] == "Not found."


def test_an_unknown_entity_under_a_world_is_a_problem(viewer, world):
    response = viewer.get(url(world, "characters/not-a-uuid/"))
    problem(response, 404, "not_found")
