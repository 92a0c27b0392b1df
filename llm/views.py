"""POST /api/v1/worlds/{world_id}/answers/: a thin view over llm.services.answer_question.

Asking is a read: a viewer may ask.
"""

from django.conf import settings
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings

from lorebase.api.schema import problem
from lorebase.api.throttling import ScopedRateThrottle
from lorebase.api.world_scope import WorldScopedView
from lorebase.models import WorldRole

from . import examples
from . import serializers as s
from .providers import ProviderNotConfigured
from .providers.base import ProviderError
from .services import answer_question


class AnswerRateThrottle(ScopedRateThrottle):
    """ScopedRateThrottle binds the rates at import; reading them per request lets a
    changed REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] apply without a restart of the class."""

    @property
    def THROTTLE_RATES(self) -> dict[str, str]:
        return api_settings.DEFAULT_THROTTLE_RATES


class ProviderFailed(APIException):
    default_code = "provider_failed"

    def __init__(self, error: ProviderError) -> None:
        super().__init__(str(error))
        self.status_code = error.status_code


class AnswerView(WorldScopedView):
    throttle_classes = [AnswerRateThrottle]
    throttle_scope = "llm-answer"
    write_role = WorldRole.VIEWER  # asking changes nothing, so a viewer's POST is allowed

    @extend_schema(
        operation_id="answers_create",
        tags=["answers"],
        summary="Ask a character: an answer in role",
        request=s.AnswerRequestSerializer,
        responses={
            200: s.AnswerSerializer,
            502: problem("The language model gave no usable answer."),
            503: problem("The language model or the graph is unavailable: try again."),
            504: problem("The language model did not answer in time."),
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
    def post(self, request: Request, world_id: str) -> Response:
        params = s.AnswerRequestSerializer(data=request.data, context={"world": self.world})
        params.is_valid(raise_exception=True)
        data = params.validated_data
        try:
            answer = answer_question(
                character=data["character"],
                question=data["question"],
                as_of_chapter=data.get("as_of_chapter"),
                provider_name=data.get("provider"),
            )
        except ProviderNotConfigured as error:
            raise ValidationError({"provider": [str(error)]}) from error
        except ProviderError as error:
            raise ProviderFailed(error) from error
        return Response(answer)
