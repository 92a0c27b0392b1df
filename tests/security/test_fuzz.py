"""Schemathesis over the project's own OpenAPI schema: no server errors, no schema lies
(statuses, media types and bodies, errors included).

Every operation of /api/schema/ is fuzzed as an editor of a world with data (the
demo world, mirrored into the graph), with the path ids (`world_id`, `id`) and the
entity and character parameters pointed at real rows of that world so the requests get
past the lookups into the real work. Examples are derandomized: the same run
sends the same requests.
"""

import re
from collections.abc import Iterator

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as examples
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token
from rest_framework.throttling import UserRateThrottle
from schemathesis import openapi
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from lorebase.models import Chapter, Character, Concept, Location, Relation, Scene, WorldRole
from lorebase.services import membership_set
from tests.factories import UserFactory
from webhooks.models import WebhookEndpoint

pytestmark = [pytest.mark.django_db, pytest.mark.services]

EXAMPLES_PER_OPERATION = 25
MIN_REQUESTS = 1000
# Documented answers of an overloaded graph (503) and a slow language model (504).
EXPECTED_SERVER_STATUSES = {503, 504}
MODELS = {
    "chapters": Chapter,
    "locations": Location,
    "characters": Character,
    "scenes": Scene,
    "concepts": Concept,
    "relations": Relation,
}


def _real_ids(world) -> tuple[dict[str, str], dict[str, str]]:
    """One real id per collection of `world`, and the id-valued query parameters.

    Taken once, before fuzzing: the fuzzer renames and edits these rows as it goes.
    """
    entities = {
        name: str(model.objects.filter(world=world).order_by("pk").first().public_id)
        for name, model in MODELS.items()
    }
    # The fuzzing user is an editor: webhooks are the owner's (403), so any endpoint does.
    hook = WebhookEndpoint.objects.create(world=world, url="https://93.184.216.34/hooks")
    entities["webhooks"] = str(hook.public_id)
    anna = str(Character.objects.get(world=world, name="Anna Marlowe").public_id)
    kay = str(Character.objects.get(world=world, name="Kay").public_id)
    query = {"a": anna, "b": kay, "entity": anna, "character": kay}
    return entities, query


def _path_parameters(path: str, world, entities: dict[str, str]) -> dict[str, str]:
    parameters = {"world_id": str(world.public_id)}
    match = re.match(r"/api/v1/worlds/\{world_id\}/(\w+)/\{id\}/", path)
    if match:
        parameters["id"] = entities[match.group(1)]
    return parameters


@pytest.fixture
def wsgi_app() -> Iterator[WSGIHandler]:
    """Django's WSGI application, keeping the test's database connection (and transaction).

    Like Django's test client: the handler would otherwise close the connection at the
    end of each request, taking the rolled-back test data with it.
    """
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield get_wsgi_application()
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


def test_fuzzing_finds_no_server_errors_and_no_schema_violations(
    lore, wsgi_app, monkeypatch, settings
):
    user = UserFactory()
    membership_set(world=lore, user=user, role=WorldRole.EDITOR)
    auth = {"Authorization": f"Token {Token.objects.create(user=user).key}"}
    # The fuzzer is one user sending well over a minute's worth of requests.
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "100000/minute"})
    settings.REST_FRAMEWORK = settings.REST_FRAMEWORK | {
        "DEFAULT_THROTTLE_RATES": {"llm-answer": "100000/minute"}
    }
    schema = openapi.from_wsgi("/api/schema/?format=json", wsgi_app)
    # Every status answered is documented for its operation, in the media type and
    # the shape documented (errors as problems, RFC 9457).
    checks = [status_code_conformance, content_type_conformance, response_schema_conformance]
    entities, query = _real_ids(lore)
    failures: list[str] = []
    sent = 0

    for result in schema.get_all_operations():
        operation = result.ok()
        path_parameters = _path_parameters(operation.path, lore, entities)
        declared = {p.name for p in operation.iter_parameters() if p.location == "path"}
        fixed = {
            "path_parameters": {k: v for k, v in path_parameters.items() if k in declared},
            "query": {k: v for k, v in query.items() if operation.get_parameter(k, "query")},
            "headers": auth,
        }
        strategy = st.one_of(
            operation.as_strategy(generation_mode=GenerationMode.POSITIVE, **fixed),
            operation.as_strategy(generation_mode=GenerationMode.NEGATIVE, **fixed),
        )

        @given(case=strategy)
        @examples(
            max_examples=EXAMPLES_PER_OPERATION,
            derandomize=True,
            database=None,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        )
        def fuzz(case) -> None:
            nonlocal sent
            if isinstance(case.body, dict) and "character" in case.body:
                case.body["character"] = query["character"]
            response = case.call(headers=auth)
            sent += 1
            label = f"{case.method} {case.formatted_path} -> {response.status_code}"
            if response.status_code >= 500 and response.status_code not in EXPECTED_SERVER_STATUSES:
                failures.append(f"{label}: {response.text[:300]}")
                return
            try:
                case.validate_response(response, checks=checks, headers=auth)
            except (Failure, FailureGroup) as error:  # collect it and keep fuzzing
                failures.append(f"{label}: {str(error)[:600]}")

        fuzz()

    print(f"schemathesis: {sent} requests")
    assert not failures, f"{len(failures)} failures:\n\n" + "\n\n".join(failures[:60])
    assert sent >= MIN_REQUESTS


def test_a_world_created_without_a_language_is_english(editor):
    """Found by the fuzzer: the serializer let `language` out, the service required it (500)."""
    response = editor.post("/api/v1/worlds/", {"name": "Fog Isle", "slug": "fog-isle"})
    assert response.status_code == 201, response.content
    assert response.json()["language"] == "en"
