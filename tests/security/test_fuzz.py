"""Schemathesis over the project's own OpenAPI schema, with every check it ships: no
server errors, no schema lies (statuses, media types, headers and bodies, errors
included), valid input accepted and invalid input rejected, authentication enforced,
undeclared methods answered 405, and, followed along the schema's links, created
resources found and deleted ones gone.

Every operation of /api/schema/ is fuzzed as an editor of a world with data (the
demo world, mirrored into the graph), with the path ids (`world_id`, `id`) and the
entity and character parameters pointed at real rows of that world so the requests get
past the lookups into the real work. Examples are derandomized: the same run
sends the same requests.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as examples
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token
from rest_framework.throttling import UserRateThrottle
from schemathesis import openapi
from schemathesis.checks import CHECKS as REGISTERED_CHECKS
from schemathesis.checks import load_all_checks
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.core.parameters import ParameterLocation
from schemathesis.core.transport import Response
from schemathesis.engine.recorder import ScenarioRecorder
from schemathesis.generation import GenerationMode
from schemathesis.generation.case import Case
from schemathesis.generation.drivers import CoverageGenerator
from schemathesis.generation.feedback import NO_FEEDBACK
from schemathesis.generation.meta import CoverageScenario
from schemathesis.generation.overrides import Override
from schemathesis.generation.stateful.state_machine import StepInput, StepOutput
from schemathesis.schemas import APIOperation
from schemathesis.specs.openapi.checks import (
    negative_data_rejection,
    positive_data_acceptance,
)
from schemathesis.specs.openapi.schemas import OpenApiSchema

from lorebase.api.schema import NO_NUL, NOT_BLANK
from lorebase.models import (
    Chapter,
    Character,
    Concept,
    Location,
    Relation,
    Scene,
    World,
    WorldRole,
)
from lorebase.services import membership_set
from tests.factories import UserFactory
from webhooks.models import WebhookEndpoint

pytestmark = [pytest.mark.django_db, pytest.mark.services]

EXAMPLES_PER_OPERATION = 25
MIN_REQUESTS = 1000
MIN_COVERAGE_REQUESTS = 200
STATEFUL_SCENARIOS = 40
STATEFUL_STEPS = 8
MIN_LINKED_REQUESTS = 40
MODELS = {
    "chapters": Chapter,
    "locations": Location,
    "characters": Character,
    "scenes": Scene,
    "concepts": Concept,
    "relations": Relation,
}
FORMS = {"application/x-www-form-urlencoded", "multipart/form-data"}
load_all_checks()
CHECKS = REGISTERED_CHECKS.get_all()  # every check schemathesis ships
# Valid input of these may name rows the world lacks (an id, a chapter number, a taken
# slug or number, a cursor of another list), which no schema can say: a 400 there is
# no lie, so `positive_data_acceptance` does not judge them.
NAMES_OTHER_ROWS = re.compile(
    r"(POST|PUT|PATCH) /api/v1/worlds/(\{world_id\}/)?"
    r"((answers|batch|chapters|characters|images|locations|relations|scenes)/.*)?$"
    r"|GET /api/v1/worlds/\{world_id\}/"
    r"(changes|characters/\{id\}/card(/png)?|game-export|graph/[\w-]+|images|search)/$"
)


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


def _has_version(body: object) -> bool:
    return isinstance(body, dict) and "version" in body


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


@dataclass
class Fuzzing:
    """The schema under test, the fuzzing editor's credentials and the real rows to aim at;
    it sends cases and collects what the checks say about their answers."""

    schema: OpenApiSchema
    world: World
    auth: dict[str, str]
    entities: dict[str, str]
    query: dict[str, str]
    failures: list[str] = field(default_factory=list)
    sent: int = 0

    def fixed(self, operation: APIOperation) -> dict[str, dict[str, str]]:
        """The path ids, id-valued query parameters and credentials `operation` is sent with."""
        path_parameters = _path_parameters(operation.path, self.world, self.entities)
        declared = {p.name for p in operation.iter_parameters() if p.location == "path"}
        return {
            "path_parameters": {k: v for k, v in path_parameters.items() if k in declared},
            "query": {k: v for k, v in self.query.items() if operation.get_parameter(k, "query")},
            "headers": self.auth,
        }

    def send(self, case: Case, recorder: ScenarioRecorder | None = None) -> Response:
        if isinstance(case.body, dict) and "character" in case.body:
            case.body["character"] = self.query["character"]
        response = case.call(headers=self.auth)
        self.sent += 1
        self.judge(case, response, recorder)
        return response

    def judge(self, case: Case, response: Response, recorder: ScenarioRecorder | None) -> None:
        label = f"{case.method} {case.formatted_path} -> {response.status_code}"
        excluded = []
        if NAMES_OTHER_ROWS.match(case.operation.label):
            excluded.append(positive_data_acceptance)
        if case.headers and "If-Match" in case.headers and not _has_version(case.body):
            # `If-Match` stands for the body's `version`, which the schema cannot say.
            excluded.append(negative_data_rejection)
        if case.media_type in FORMS and isinstance(case.body, dict) and None in case.body.values():
            # A form has no null: its field goes as the text "null", a valid string.
            excluded.append(negative_data_rejection)
        checks = [check for check in CHECKS if check not in excluded]
        try:
            case.validate_response(response, checks=checks, headers=self.auth, recorder=recorder)
        except (Failure, FailureGroup) as error:  # collect it and keep fuzzing
            self.failures.append(f"{label}: {str(error)[:600]}")

    def assert_no_failures(self) -> None:
        assert not self.failures, f"{len(self.failures)} failures:\n\n" + "\n\n".join(
            self.failures[:60]
        )


@pytest.fixture
def fuzzing(lore, wsgi_app, monkeypatch, settings) -> Fuzzing:
    user = UserFactory()
    membership_set(world=lore, user=user, role=WorldRole.EDITOR)
    # The fuzzer is one user sending well over a minute's worth of requests.
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "100000/minute"})
    settings.REST_FRAMEWORK = settings.REST_FRAMEWORK | {
        "DEFAULT_THROTTLE_RATES": {"llm-answer": "100000/minute"}
    }
    entities, query = _real_ids(lore)
    schema = openapi.from_wsgi("/api/schema/?format=json", wsgi_app)
    checks = schema.config.checks
    # Documented answers of an overloaded graph (503) and a slow language model (504).
    checks.not_a_server_error.expected_statuses = ["2xx", "3xx", "4xx", "503", "504"]
    # Like a stale `version` (409), a drawn `If-Match` names no current version (412),
    # and is read before the body.
    for check in (checks.positive_data_acceptance, checks.negative_data_rejection):
        check.expected_statuses = [*check.expected_statuses, "412"]
    return Fuzzing(
        schema=schema,
        world=lore,
        auth={"Authorization": f"Token {Token.objects.create(user=user).key}"},
        entities=entities,
        query=query,
    )


def test_fuzzing_finds_no_server_errors_and_no_schema_violations(fuzzing):
    for result in fuzzing.schema.get_all_operations():
        operation = result.ok()
        fixed = fuzzing.fixed(operation)
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
            fuzzing.send(case)

        # Each operation starts from the same rows: the fixed ids were not deleted by
        # the operation before.
        savepoint = transaction.savepoint()
        fuzz()
        transaction.savepoint_rollback(savepoint)

    print(f"schemathesis: {fuzzing.sent} requests")
    fuzzing.assert_no_failures()
    assert fuzzing.sent >= MIN_REQUESTS


def test_undeclared_methods_and_missing_headers_are_rejected(fuzzing):
    """The coverage phase's requests only it sends: each method an operation does not
    declare (405 with `Allow`; OPTIONS listing what is declared) and each required
    header left out. Its other cases are the kind the fuzzing above draws."""
    for result in fuzzing.schema.get_all_operations():
        operation = result.ok()
        fixed = fuzzing.fixed(operation)
        cases = CoverageGenerator(
            operation=operation,
            generation_modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
            generation_config=fuzzing.schema.config.generation_for(
                operation=operation, phase="coverage"
            ),
            auth_storage=None,
            override=Override(**fixed),
            feedback=NO_FEEDBACK,
        )
        for case in cases:
            data = case.meta.phase.data
            if data.scenario == CoverageScenario.UNSPECIFIED_HTTP_METHOD or (
                data.scenario == CoverageScenario.MISSING_PARAMETER
                and data.parameter_location == ParameterLocation.HEADER
            ):
                fuzzing.send(case)

    print(f"schemathesis: {fuzzing.sent} requests")
    fuzzing.assert_no_failures()
    assert fuzzing.sent >= MIN_COVERAGE_REQUESTS


def test_stateful_fuzzing_follows_links_without_failures(fuzzing):
    """Create, then read, update and delete what was made, along the schema's links: what
    a create answers is found, what a delete removed is gone."""
    linked = 0

    class Machine(fuzzing.schema.as_state_machine()):
        # Each scenario starts from the same rows: one that changed what a later one
        # sees would make Hypothesis's replay of a scenario take another path.
        def setup(self) -> None:
            self.savepoint = transaction.savepoint()

        def teardown(self) -> None:
            transaction.savepoint_rollback(self.savepoint)

        def before_call(self, case: Case) -> None:
            # Start in the world with data (a drawn world id is a 404); a world's own
            # operations take the id of the world a link brings.
            if "world_id" in case.path_parameters and case.path != "/api/v1/worlds/{world_id}/":
                case.path_parameters["world_id"] = str(fuzzing.world.public_id)

        def step(self, input: StepInput) -> StepOutput:
            nonlocal linked
            self.before_call(input.case)
            linked += input.transition is not None and input.is_applied
            response = fuzzing.send(input.case, recorder=self.recorder)
            self.after_call(response, input.case)
            return StepOutput(response, input.case)

    Machine.run(
        settings=examples(
            phases=[Phase.generate],
            max_examples=STATEFUL_SCENARIOS,
            stateful_step_count=STATEFUL_STEPS,
            derandomize=True,
            database=None,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        )
    )

    print(f"schemathesis: {fuzzing.sent} stateful requests, {linked} along links")
    fuzzing.assert_no_failures()
    assert linked >= MIN_LINKED_REQUESTS


def test_a_world_created_without_a_language_is_english(editor):
    """Found by the fuzzer: the serializer let `language` out, the service required it (500)."""
    response = editor.post("/api/v1/worlds/", {"name": "Fog Isle", "slug": "fog-isle"})
    assert response.status_code == 201, response.content
    assert response.json()["language"] == "en"


def test_an_entity_with_many_long_tags_is_saved(lore, lore_editor):
    """Found by the fuzzer: the history row's change reason listed every tag, past the
    100 characters of its column (500)."""
    tags = [f"{n} {'harbour lore ' * 7}" for n in range(3)]
    response = lore_editor.post(
        f"/api/v1/worlds/{lore.public_id}/concepts/",
        {"name": "Fog Bell", "tags": tags},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert len(response.json()["tags"]) == 3


def test_tags_full_of_combining_marks_are_saved(lore, lore_editor):
    """Found by the stateful fuzzer: the change reason was cut by Django's Truncator,
    which does not count combining marks, so it stayed longer than its column (500)."""
    tags = ["e" + "\u0301" * 60, "a" + "\u0308" * 60]
    response = lore_editor.post(
        f"/api/v1/worlds/{lore.public_id}/locations/",
        {"name": "Dock of Accents", "tags": tags},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert sorted(response.json()["tags"]) == sorted(tags)


@pytest.mark.parametrize("parameter", ["kind", "parent", "updated_since"])
def test_an_empty_filter_is_a_400(lore, lore_editor, parameter):
    """Found by the fuzzer: django-filter took `?kind=` for no filter, a full list (200)
    for a value the schema does not allow."""
    response = lore_editor.get(f"/api/v1/worlds/{lore.public_id}/locations/?{parameter}=")
    assert response.status_code == 400, response.content
    assert response.json()["errors"][0]["field"] == parameter


def _schema(client) -> dict:
    return client.get("/api/schema/?format=json").json()


def _parameter(schema: dict, path: str, name: str) -> dict:
    operation = next(iter(schema["paths"][path].values()))
    return next(p for p in operation["parameters"] if p["name"] == name)["schema"]


def test_the_schema_states_the_limits_the_api_enforces(lore_editor):
    """Found by the fuzzer: the API refused values the schema allowed (400): a page of
    over 200 findings, an empty or long `Idempotency-Key`, text with a NUL character."""
    schema = _schema(lore_editor)
    page_size = _parameter(schema, "/api/v1/worlds/{world_id}/consistency/", "page_size")
    assert page_size["maximum"] == 200
    key = _parameter(schema, "/api/v1/worlds/{world_id}/batch/", "Idempotency-Key")
    assert (key["minLength"], key["maxLength"]) == (1, 200)
    concept = schema["components"]["schemas"]["ConceptRequest"]["properties"]
    assert concept["description"]["pattern"] == NO_NUL
    assert concept["name"]["pattern"] == NOT_BLANK
    tag = concept["tags"]["items"]["pattern"]
    assert re.search(tag, "fog bell") and not re.search(tag, "fog,bell")
    assert not re.search(tag, "  ")


def test_a_character_card_is_valid_as_one_version_only(lore_editor):
    """Found by the fuzzer: `spec` was any string, so a card matched both versions of
    the schema's oneOf."""
    schemas = _schema(lore_editor)["components"]["schemas"]
    for version in ("V2", "V3"):
        spec = schemas[f"CharacterCard{version}"]["properties"]["spec"]
        assert schemas[spec["$ref"].rsplit("/", 1)[-1]]["enum"] == [f"chara_card_{version.lower()}"]


def test_an_empty_cursor_is_a_400(lore, lore_editor):
    """Found by the fuzzer: DRF read `?cursor=` as no cursor, the feed from the start
    (200), for a value the schema does not allow."""
    response = lore_editor.get(f"/api/v1/worlds/{lore.public_id}/changes/?cursor=")
    assert response.status_code == 400, response.content
    assert response.json()["errors"][0]["field"] == "cursor"


def test_an_empty_form_field_is_a_400(lore, lore_editor):
    """Found by the fuzzer: in a form DRF read an empty `status` as one left out, its
    default (201), for a value the schema does not allow."""
    response = lore_editor.post(
        f"/api/v1/worlds/{lore.public_id}/characters/", {"name": "Kit", "status": ""}
    )
    assert response.status_code == 400, response.content
    assert response.json()["errors"][0] == {
        "field": "status",
        "code": "blank",
        "detail": "This field may not be blank.",
    }


def test_create_links_to_the_item_it_made(lore_editor):
    """The stateful fuzzer follows these: a create's 201 links to the read, update and
    delete of what it made, its `id` in the path."""
    schema = _schema(lore_editor)
    created = schema["paths"]["/api/v1/worlds/{world_id}/chapters/"]["post"]["responses"]["201"]
    assert created["links"]["v1_worlds_chapters_destroy"]["parameters"] == {
        "world_id": "$request.path.world_id",
        "id": "$response.body#/id",
    }
    assert set(created["links"]) == {
        f"v1_worlds_chapters_{name}" for name in ("retrieve", "update", "partial_update", "destroy")
    }


def test_a_number_is_not_a_name(lore, lore_editor):
    """Found by the fuzzer: DRF's CharField took numbers for their digits (201), where
    the schema asks for strings."""
    response = lore_editor.post(
        f"/api/v1/worlds/{lore.public_id}/concepts/",
        {"name": "Fog Bell", "aliases": ["the Bell", 7]},
        format="json",
    )
    assert response.status_code == 400, response.content
    assert response.json()["errors"][0]["field"] == "aliases.1"


def test_a_patch_requires_a_body(lore_editor):
    """Found by the fuzzer: a PATCH without a body was valid by the schema, yet the API
    asks it for the `version` (400)."""
    paths = _schema(lore_editor)["paths"]
    assert paths["/api/v1/worlds/{world_id}/concepts/{id}/"]["patch"]["requestBody"]["required"]
