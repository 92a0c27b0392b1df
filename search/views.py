"""Search and graph endpoints: thin views over search.answers.

The world comes from the `world` query parameter and is resolved in
`initial()`, before any other parameter is validated: an anonymous request is
401 and another studio's world 404 whatever else the request got wrong.
"""

from django.conf import settings
from drf_spectacular.utils import extend_schema
from rest_framework import serializers as drf_serializers
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from lorebase.api.permissions import world_for_request
from lorebase.models import Chapter, WorldRole

from . import answers, examples
from . import serializers as s
from .graph_queries import PATH_TYPES, GraphTimeout, GraphUnavailable


class GraphBusy(APIException):
    status_code = 503
    default_code = "graph_unavailable"


class WorldQueryView(APIView):
    params_class: type[drf_serializers.Serializer]

    def initial(self, request: Request, *args: object, **kwargs: object) -> None:
        super().initial(request, *args, **kwargs)  # authentication first: anonymous is 401
        world_id = request.query_params.get("world")
        try:
            world_id = str(drf_serializers.UUIDField().to_internal_value(world_id))
        except ValidationError as error:
            raise ValidationError({"world": error.detail}) from error
        self.world = world_for_request(
            request=request, world_id=world_id, write_role=WorldRole.VIEWER
        )

    def params(self) -> dict:
        numbers = set(Chapter.objects.filter(world=self.world).values_list("number", flat=True))
        params = self.params_class(
            data=self.request.query_params, context={"chapter_numbers": numbers}
        )
        params.is_valid(raise_exception=True)
        return params.validated_data

    def entity(self, params: dict, field: str, types: tuple[str, ...]) -> dict:
        found = answers.entity_in_world(self.world, str(params[field]), types)
        if found is None:
            raise ValidationError({field: [f"No {' or '.join(types)} with this id in this world."]})
        return found

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, GraphTimeout | GraphUnavailable):
            exc = GraphBusy(f"{exc} Try again, or ask for less (a smaller depth or limit).")
        return super().handle_exception(exc)


GRAPH_ERRORS = {400: s.ErrorSerializer, 404: s.ErrorSerializer, 503: s.ErrorSerializer}


class SearchView(WorldQueryView):
    params_class = s.SearchParams

    @extend_schema(
        operation_id="search",
        parameters=[s.SearchParams],
        responses={200: s.SearchResponseSerializer, **GRAPH_ERRORS},
        examples=examples.SEARCH,
        description="Full text, names with typing errors, and graph questions: two "
        "characters → the scenes where they meet; a character and a place → their "
        "scenes; “how is A connected to B” → the shortest connection.",
    )
    def get(self, request: Request) -> Response:
        params = self.params()
        types = set(params.get("types") or answers.RESULT_TYPES)
        return Response(
            answers.search(
                self.world, params["q"], params.get("as_of_chapter"), types, params["limit"]
            )
        )


class MeetingsView(WorldQueryView):
    params_class = s.MeetingsParams

    @extend_schema(
        operation_id="graph_meetings",
        parameters=[s.MeetingsParams],
        responses={200: s.MeetingsResponseSerializer, **GRAPH_ERRORS},
        examples=examples.MEETINGS,
        description="Scenes where both characters are present, in story order.",
    )
    def get(self, request: Request) -> Response:
        params = self.params()
        a = self.entity(params, "a", ("character",))
        b = self.entity(params, "b", ("character",))
        results = answers.meetings(self.world, a, b, params.get("as_of_chapter"), params["limit"])
        return Response({"a": a, "b": b, "results": results})


ENDPOINT_TYPES = tuple(answers.MODELS)


class PathView(WorldQueryView):
    params_class = s.PathParams

    @extend_schema(
        operation_id="graph_path",
        parameters=[s.PathParams],
        responses={200: s.PathResponseSerializer, **GRAPH_ERRORS},
        examples=examples.PATH,
        description="The shortest connection between two entities through scenes, "
        "places and relations (relations only inside their validity span).",
    )
    def get(self, request: Request) -> Response:
        params = self.params()
        a = self.entity(params, "a", ENDPOINT_TYPES)
        b = self.entity(params, "b", ENDPOINT_TYPES)
        found = answers.path(
            self.world,
            a,
            b,
            params.get("as_of_chapter"),
            params.get("max_hops", settings.SEARCH_MAX_PATH_HOPS),
            tuple(params.get("kinds") or PATH_TYPES),
        )
        return Response({"a": a, "b": b, **found})


class NeighbourhoodView(WorldQueryView):
    params_class = s.NeighbourhoodParams

    @extend_schema(
        operation_id="graph_neighbourhood",
        parameters=[s.NeighbourhoodParams],
        responses={200: s.NeighbourhoodResponseSerializer, **GRAPH_ERRORS},
        examples=examples.NEIGHBOURHOOD,
        description="Everything within `depth` (at most 3) steps of an entity.",
    )
    def get(self, request: Request) -> Response:
        params = self.params()
        entity = self.entity(params, "entity", ENDPOINT_TYPES)
        found = answers.neighbourhood(
            self.world,
            entity,
            params["depth"],
            params.get("as_of_chapter"),
            tuple(params.get("kinds") or PATH_TYPES),
            params["limit"],
        )
        return Response({"entity": entity, **found})


class CoAppearancesView(WorldQueryView):
    params_class = s.CoAppearanceParams

    @extend_schema(
        operation_id="graph_co_appearances",
        parameters=[s.CoAppearanceParams],
        responses={200: s.CoAppearancesResponseSerializer, **GRAPH_ERRORS},
        examples=examples.CO_APPEARANCES,
        description="The characters who share the most scenes with a character.",
    )
    def get(self, request: Request) -> Response:
        params = self.params()
        character = self.entity(params, "character", ("character",))
        results = answers.co_appearances(
            self.world, character, params.get("as_of_chapter"), params["limit"]
        )
        return Response({"character": character, "results": results})
