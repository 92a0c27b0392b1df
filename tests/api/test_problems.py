"""Every error of the API is an RFC 9457 problem, and the schema says so for every operation."""

import uuid

import pytest
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from lorebase import selectors
from lorebase.api.problems import PROBLEM_CONTENT_TYPE
from tests.api.conftest import ENDPOINTS, url
from tests.factories import ChapterFactory
from tests.problems import by_field, problem

pytestmark = pytest.mark.django_db


def test_a_validation_error_names_each_field_with_a_code_and_a_reason(editor, world):
    response = editor.post(
        url(world, "scenes/"),
        {"order": -1, "title": "", "participants": [{"character": "nobody", "role": "hero"}]},
        format="json",
    )
    body = problem(response, 400, "validation_error")
    assert body["title"] == "Bad Request" and body["instance"] == url(world, "scenes/")
    errors = {(e["field"], e["code"]) for e in body["errors"]}
    assert {
        ("chapter", "required"),
        ("order", "min_value"),
        ("title", "blank"),
        ("participants.0.character", "invalid"),
        ("participants.0.role", "invalid_choice"),
    } <= errors
    assert body["detail"].startswith(f"{len({e[0] for e in errors})} fields are invalid:")


def test_one_bad_field_says_its_reason_in_the_detail(editor, world):
    response = editor.post(url(world, "chapters/"), {"title": "No number"}, format="json")
    assert problem(response, 400)["detail"] == "number: This field is required."


def test_a_model_rule_is_a_field_error_too(editor, world):
    ChapterFactory(world=world, number=1)
    response = editor.post(url(world, "chapters/"), {"number": 1, "title": "Again"}, format="json")
    assert by_field(response)["number"]


def test_malformed_json_is_a_parse_error(editor, world):
    response = editor.generic(
        "POST", url(world, "chapters/"), "{not json", content_type="application/json"
    )
    assert "JSON parse error" in problem(response, 400, "parse_error")["detail"]


def test_no_credentials_is_401_with_the_challenge(world):
    response = APIClient().get(url(world, "chapters/"))
    problem(response, 401, "not_authenticated")
    assert response["WWW-Authenticate"] == "Token"


def test_a_bad_token_is_authentication_failed(world):
    response = APIClient(HTTP_AUTHORIZATION="Token nope").get(url(world, "chapters/"))
    problem(response, 401, "authentication_failed")


def test_a_viewer_who_writes_is_403(viewer, world):
    response = viewer.post(url(world, "chapters/"), {"number": 1, "title": "x"}, format="json")
    assert "needs editor" in problem(response, 403, "permission_denied")["detail"]


def test_an_unknown_world_and_an_unknown_entity_are_404(editor, world):
    problem(editor.get(f"/api/v1/worlds/{uuid.uuid4()}/chapters/"), 404, "not_found")
    problem(editor.get(url(world, f"chapters/{uuid.uuid4()}/")), 404, "not_found")
    problem(editor.get("/api/v1/nothing-here/"), 404, "not_found")


def test_a_wrong_method_is_405(editor, world):
    problem(editor.put(url(world, "chapters/"), {}, format="json"), 405, "method_not_allowed")


def test_an_unsupported_media_type_is_415(editor, world):
    response = editor.generic("POST", url(world, "chapters/"), "x", content_type="text/csv")
    problem(response, 415, "unsupported_media_type")


def test_an_unexpected_crash_is_a_500_problem_without_the_traceback(editor, world, monkeypatch):
    def crash(**kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(selectors, "entity_queryset", crash)
    editor.raise_request_exception = False
    response = editor.get(url(world, "chapters/"))
    body = problem(response, 500, "server_error")
    assert "secret" not in response.content.decode()
    assert body["detail"] == "Something went wrong on our side."


BAD_WORLD_IDS = [
    "not-a-uuid",
    "ABCDEF00-0000-0000-0000-00000000000G",
    "00000000000000000000000000000000",
    "0" * 40,
    "%00",
    "..%2F..",
    "12345678-1234-1234-1234-1234567890ab",  # well formed, but nobody's
]


@pytest.mark.parametrize("world_id", BAD_WORLD_IDS)
def test_no_world_id_makes_any_endpoint_fail_on_our_side(editor, world_id):
    """Every endpoint and method, with a world id that is not one (nor a world): 404.

    OPTIONS of a world answers its (static) description wherever the id is well formed.
    """
    for path, method in ENDPOINTS:
        if "{world_id}" not in path:
            continue
        concrete = path.replace("{world_id}", world_id).replace("{id}", str(uuid.uuid4()))
        for verb in {method, "OPTIONS", "HEAD"}:
            response = editor.generic(verb, concrete, "{}", content_type="application/json")
            assert response.status_code < 500, (verb, concrete, response.status_code)
            if verb == "OPTIONS" and path == "/api/v1/worlds/{world_id}/":
                continue
            assert response.status_code == 404, (verb, concrete, response.status_code)
            if verb != "HEAD":
                assert response["Content-Type"] == PROBLEM_CONTENT_TYPE


def test_every_operation_documents_its_errors_as_problems():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    problem_ref = "#/components/schemas/Problem"
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            errors = {code: r for code, r in operation["responses"].items() if code >= "400"}
            assert {"401", "403", "429", "500"} <= errors.keys(), (method, path)
            if "{" in path:
                assert "404" in errors, (method, path)
            if method in ("post", "put", "patch"):
                assert {"400", "413", "415"} <= errors.keys(), (method, path)
            for code, response in errors.items():
                content = response["content"]
                assert list(content) == [PROBLEM_CONTENT_TYPE], (method, path, code)
                assert content[PROBLEM_CONTENT_TYPE]["schema"] == {"$ref": problem_ref}
