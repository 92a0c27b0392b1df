"""Export endpoints: thin views over exports.services and exports.cards."""

from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from lorebase.api.permissions import world_for_request
from lorebase.models import Character, WorldRole

from . import serializers, services
from .cards import character_card
from .examples import CHARACTER_CARD, LANTERN_HARBOR


class SnapshotView(APIView):
    """The world's export files as one zip, streamed; the same bytes as the Git export."""

    @extend_schema(
        operation_id="export_snapshot",
        parameters=[
            OpenApiParameter(
                "world",
                OpenApiTypes.UUID,
                OpenApiParameter.QUERY,
                required=True,
                description="Public id of the world.",
                examples=[OpenApiExample("Lantern Harbor", value=LANTERN_HARBOR)],
            )
        ],
        responses={
            (200, "application/zip"): OpenApiResponse(
                OpenApiTypes.BINARY, description="`<world-slug>.zip` of `<world-slug>/…` files."
            )
        },
    )
    def get(self, request: Request) -> StreamingHttpResponse:
        query = serializers.SnapshotQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        world = world_for_request(
            request=request, world_id=query.validated_data["world"], write_role=WorldRole.OWNER
        )
        response = StreamingHttpResponse(
            services.snapshot_zip(world), content_type="application/zip"
        )
        response["Content-Disposition"] = f'attachment; filename="{world.slug}.zip"'
        return response


class CharacterCardView(APIView):
    """A character as a Character Card V2 with a lorebook of what they know."""

    @extend_schema(
        operation_id="character_card",
        responses=serializers.CharacterCardV2Serializer,
        examples=[CHARACTER_CARD],
    )
    def get(self, request: Request, world_id: str, id: str) -> Response:
        world = world_for_request(request=request, world_id=world_id, write_role=WorldRole.OWNER)
        character = get_object_or_404(Character, world=world, public_id=id)
        return Response(character_card(character))
