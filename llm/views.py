"""POST /api/v1/llm/answer: a thin view over llm.services.answer_question.

Asking is a read: a viewer may ask. The world comes from the `world` query
parameter or the body and is resolved in `initial()`, before the body is
validated, so an anonymous request is 401 and another studio's world 404
whatever else the request got wrong.
"""

from django.conf import settings
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers as drf_serializers
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from lorebase.api.permissions import world_for_request
from lorebase.models import Chapter, Character, WorldRole

from . import examples
from . import serializers as s
from .knowledge import GraphUnavailable
from .providers import ProviderNotConfigured
from .providers.base import ProviderError
from .services import answer_question


class AnswerRateThrottle(ScopedRateThrottle):
    """ScopedRateThrottle binds the rates at import; reading them per request lets a
    changed REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] apply without a restart of the class."""

    @property
    def THROTTLE_RATES(self) -> dict[str, str]:
        return api_settings.DEFAULT_THROTTLE_RATES


class Unavailable(APIException):
    status_code = 503
    default_code = "unavailable"


class ProviderFailed(APIException):
    default_code = "provider_failed"

    def __init__(self, error: ProviderError) -> None:
        super().__init__(str(error))
        self.status_code = error.status_code


class AnswerView(APIView):
    throttle_classes = [AnswerRateThrottle]
    throttle_scope = "llm-answer"

    def initial(self, request: Request, *args: object, **kwargs: object) -> None:
        super().initial(request, *args, **kwargs)  # authentication first: anonymous is 401
        body = request.data if isinstance(request.data, dict) else {}
        named = {str(v) for v in (request.query_params.get("world"), body.get("world")) if v}
        if len(named) > 1:
            raise ValidationError(
                {"world": ["The query parameter and the body name different worlds."]}
            )
        try:
            world_id = str(drf_serializers.UUIDField().to_internal_value(next(iter(named), None)))
        except ValidationError as error:
            raise ValidationError({"world": error.detail}) from error
        # write_role=VIEWER: asking changes nothing, so a viewer's POST is allowed.
        self.world = world_for_request(
            request=request, world_id=world_id, write_role=WorldRole.VIEWER
        )

    @extend_schema(
        operation_id="llm_answer",
        request=s.AnswerRequestSerializer,
        parameters=[
            OpenApiParameter(
                "world", str, required=False, description="Public id of the world (or in the body)."
            )
        ],
        responses={
            200: s.AnswerSerializer,
            400: s.AnswerBadRequestSerializer,
            404: s.AnswerErrorSerializer,
            429: s.AnswerErrorSerializer,
            502: s.AnswerErrorSerializer,
            503: s.AnswerErrorSerializer,
            504: s.AnswerErrorSerializer,
        },
        examples=examples.ANSWER,
        description="The character answers from what they could know at `as_of_chapter`: "
        "the scenes they were in (not merely mentioned); their relations valid then — one "
        "with no first chapter only once they have shared a scene with the other party, "
        "unless it is known from the start (with a place or a concept at the other end, "
        "always); the deaths they witnessed or caused, from the chapter of the death; and the "
        "places and concepts those lead to. Every citation is an id from that context (a "
        f"death cites its scene). Questions of at most {settings.LLM_MAX_QUESTION_LENGTH} "
        "characters.",
    )
    def post(self, request: Request) -> Response:
        numbers = set(Chapter.objects.filter(world=self.world).values_list("number", flat=True))
        params = s.AnswerRequestSerializer(data=request.data, context={"chapter_numbers": numbers})
        params.is_valid(raise_exception=True)
        data = params.validated_data
        character = (
            Character.objects.filter(world=self.world, public_id=data["character"])
            .select_related("world", "status_chapter")
            .first()
        )
        if character is None:
            raise ValidationError({"character": ["No character with this id in this world."]})
        try:
            answer = answer_question(
                character=character,
                question=data["question"],
                as_of_chapter=data.get("as_of_chapter"),
                provider_name=data.get("provider"),
            )
        except ProviderNotConfigured as error:
            raise ValidationError({"provider": [str(error)]}) from error
        except ProviderError as error:
            raise ProviderFailed(error) from error
        except GraphUnavailable as error:
            raise Unavailable(str(error)) from error
        return Response(answer)
