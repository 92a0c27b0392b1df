"""Search and graph endpoints: one view, five queries over search.answers.

Each route is `WorldQueryView.as_view(query=…)`: the query names its parameters
serializer (which resolves the ids it takes inside the world), the answer it
calls, its response shape and how the schema shows it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from drf_spectacular.utils import OpenApiExample
from rest_framework import serializers as drf_serializers
from rest_framework.request import Request
from rest_framework.response import Response

from lorebase.api.schema import ProblemAutoSchema, problem
from lorebase.api.world_scope import WorldScopedView
from lorebase.models import World, WorldRole

from . import answers, examples
from . import serializers as s
from .graph_queries import PATH_TYPES


@dataclass(frozen=True)
class Query:
    """One read-only endpoint: what it takes, what it answers, how the schema shows it."""

    operation_id: str
    tag: str
    summary: str
    description: str
    params: type[drf_serializers.Serializer]
    answer: Callable[[World, dict], dict]
    response: type[drf_serializers.Serializer]
    examples: list[OpenApiExample]


GRAPH_ERRORS = {503: problem("The graph is unavailable or the query took too long: ask for less.")}


class QuerySchema(ProblemAutoSchema):
    """The operation as the view's query describes it (what extend_schema would say)."""

    def get_operation_id(self) -> str:
        return self.view.query.operation_id

    def get_tags(self) -> list[str]:
        return [self.view.query.tag]

    def get_summary(self) -> str:
        return self.view.query.summary

    def get_description(self) -> str:
        return self.view.query.description

    def get_override_parameters(self) -> list:
        return [self.view.query.params]

    def get_response_serializers(self) -> dict:
        return {200: self.view.query.response, **GRAPH_ERRORS}

    def get_examples(self) -> list[OpenApiExample]:
        return self.view.query.examples


class WorldQueryView(WorldScopedView):
    query: Query | None = None  # given by as_view(query=…)
    write_role = WorldRole.VIEWER
    schema = QuerySchema()

    def get(self, request: Request, world_id: str) -> Response:
        params = self.query.params(data=request.query_params, context={"world": self.world})
        params.is_valid(raise_exception=True)
        return Response(self.query.answer(self.world, params.validated_data))


def _search(world: World, params: dict) -> dict:
    types = set(params.get("types") or answers.RESULT_TYPES)
    return answers.search(
        world, params["q"], params.get("as_of_chapter"), types, params["limit"], params.get("tags")
    )


def _meetings(world: World, params: dict) -> dict:
    a, b = params["a"], params["b"]
    results = answers.meetings(world, a, b, params.get("as_of_chapter"), params["limit"])
    return {"a": a, "b": b, "results": results}


def _path(world: World, params: dict) -> dict:
    a, b = params["a"], params["b"]
    found = answers.path(
        world,
        a,
        b,
        params.get("as_of_chapter"),
        params.get("max_hops", settings.SEARCH_MAX_PATH_HOPS),
        tuple(params.get("kinds") or PATH_TYPES),
    )
    return {"a": a, "b": b, **found}


def _neighbourhood(world: World, params: dict) -> dict:
    entity = params["entity"]
    found = answers.neighbourhood(
        world,
        entity,
        params["depth"],
        params.get("as_of_chapter"),
        tuple(params.get("kinds") or PATH_TYPES),
        params["limit"],
    )
    return {"entity": entity, **found}


def _co_appearances(world: World, params: dict) -> dict:
    character = params["character"]
    results = answers.co_appearances(world, character, params.get("as_of_chapter"), params["limit"])
    return {"character": character, "results": results}


SEARCH = Query(
    operation_id="search",
    tag="search",
    summary="Search the world: a question or words",
    description="Full text, names with typing errors, and graph questions: two "
    "characters → the scenes where they meet; a character and a place → their "
    "scenes; “how is A connected to B” → the shortest connection.",
    params=s.SearchParams,
    answer=_search,
    response=s.SearchResponseSerializer,
    examples=examples.SEARCH,
)
MEETINGS = Query(
    operation_id="graph_meetings",
    tag="graph",
    summary="Scenes where two characters meet",
    description="Scenes where both characters are present, in story order.",
    params=s.MeetingsParams,
    answer=_meetings,
    response=s.MeetingsResponseSerializer,
    examples=examples.MEETINGS,
)
PATH = Query(
    operation_id="graph_path",
    tag="graph",
    summary="The shortest connection between two entities",
    description="The shortest connection between two entities through scenes, "
    "places and relations (relations only inside their validity span).",
    params=s.PathParams,
    answer=_path,
    response=s.PathResponseSerializer,
    examples=examples.PATH,
)
NEIGHBOURHOOD = Query(
    operation_id="graph_neighbourhood",
    tag="graph",
    summary="Everything near an entity",
    description="Everything within `depth` (at most 3) steps of an entity.",
    params=s.NeighbourhoodParams,
    answer=_neighbourhood,
    response=s.NeighbourhoodResponseSerializer,
    examples=examples.NEIGHBOURHOOD,
)
CO_APPEARANCES = Query(
    operation_id="graph_co_appearances",
    tag="graph",
    summary="Who shares the most scenes with a character",
    description="The characters who share the most scenes with a character.",
    params=s.CoAppearanceParams,
    answer=_co_appearances,
    response=s.CoAppearancesResponseSerializer,
    examples=examples.CO_APPEARANCES,
)
