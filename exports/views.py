"""Export endpoints: thin views over exports.services and exports.cards."""

from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from lorebase.api.world_scope import WorldScopedView
from lorebase.models import Character

from . import serializers, services
from .cards import character_card
from .examples import CHARACTER_CARD, LANTERN_HARBOR


class SnapshotView(WorldScopedView):
    """The world's export files as one zip, streamed; the same bytes as the Git export."""

    @extend_schema(
        operation_id="export_snapshot",
        tags=["exports"],
        summary="The world's export files as a zip",
        parameters=[
            OpenApiParameter(
                "world_id",
                OpenApiTypes.UUID,
                OpenApiParameter.PATH,
                description="Public id of the world to download.",
                examples=[OpenApiExample("Lantern Harbor", value=LANTERN_HARBOR)],
            )
        ],
        responses={
            (200, "application/zip"): OpenApiResponse(
                OpenApiTypes.BINARY, description="`<world-slug>.zip` of `<world-slug>/…` files."
            )
        },
    )
    def get(self, request: Request, world_id: str) -> StreamingHttpResponse:
        response = StreamingHttpResponse(
            services.snapshot_zip(self.world), content_type="application/zip"
        )
        response["Content-Disposition"] = f'attachment; filename="{self.world.slug}.zip"'
        return response


class CharacterCardView(WorldScopedView):
    """A character as a Character Card V2 with a lorebook of what they know."""

    @extend_schema(
        operation_id="character_card",
        tags=["exports"],
        summary="A character as a Character Card V2",
        responses=serializers.CharacterCardV2Serializer,
        examples=[CHARACTER_CARD],
    )
    def get(self, request: Request, world_id: str, id: str) -> Response:
        character = get_object_or_404(Character, world=self.world, public_id=id)
        return Response(character_card(character))
