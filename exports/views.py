"""Export endpoints: thin views over exports.services and exports.cards."""

from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    PolymorphicProxySerializer,
    extend_schema,
)
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from lorebase.api.schema import problem
from lorebase.api.world_scope import WorldScopedView
from lorebase.images import image_read
from lorebase.models import Character

from . import serializers, services
from .card_png import card_png
from .cards import character_card, character_card_v3
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


CARDS = {"v2": character_card, "v3": character_card_v3}


class CharacterCardView(WorldScopedView):
    """A character as a Character Card V2 or V3 with a lorebook of what they know."""

    @extend_schema(
        operation_id="character_card",
        tags=["exports"],
        summary="A character as a Character Card V2 or V3, optionally cut at a chapter",
        parameters=[serializers.CardParams],
        responses=PolymorphicProxySerializer(
            component_name="CharacterCard",
            serializers=[
                serializers.CharacterCardV2Serializer,
                serializers.CharacterCardV3Serializer,
            ],
            resource_type_field_name=None,
        ),
        examples=[CHARACTER_CARD],
    )
    def get(self, request: Request, world_id: str, id: str) -> Response:
        character = get_object_or_404(Character, world=self.world, public_id=id)
        params = serializers.CardParams(data=request.query_params, context={"world": self.world})
        params.is_valid(raise_exception=True)
        card = CARDS[params.validated_data["spec"]]
        return Response(card(character, as_of=params.validated_data.get("as_of_chapter")))


class CharacterCardPngView(WorldScopedView):
    """The character's portrait as a PNG carrying both cards (`ccv3` and `chara` chunks)."""

    @extend_schema(
        operation_id="character_card_png",
        tags=["exports"],
        summary="A character's portrait with its Character Cards V3 and V2 inside, as a PNG",
        parameters=[serializers.AsOfChapterParams],
        responses={
            (200, "image/png"): OpenApiResponse(
                OpenApiTypes.BINARY,
                description="The portrait as PNG; its `ccv3` and `chara` text chunks hold the "
                "V3 and V2 cards (base64 of their JSON), cut at `as_of_chapter` if given.",
            ),
            404: problem("No such character, or it has no portrait."),
        },
    )
    def get(self, request: Request, world_id: str, id: str) -> HttpResponse:
        character = get_object_or_404(Character, world=self.world, public_id=id)
        params = serializers.AsOfChapterParams(
            data=request.query_params, context={"world": self.world}
        )
        params.is_valid(raise_exception=True)
        portrait = character.portrait
        if portrait is None:
            raise NotFound("This character has no portrait: upload one (kind portrait) first.")
        as_of = params.validated_data.get("as_of_chapter")
        png = card_png(
            image_read(portrait),
            v3=character_card_v3(character, as_of=as_of),
            v2=character_card(character, as_of=as_of),
        )
        return HttpResponse(
            png,
            content_type="image/png",
            headers={"Content-Disposition": f'attachment; filename="{character.public_id}.png"'},
        )


class GameExportView(WorldScopedView):
    """The world for the game (Ren'Py defines and codex) or as a Markdown vault, zipped."""

    @extend_schema(
        operation_id="export_game_files",
        tags=["exports"],
        summary="The world as Ren'Py files or a Markdown vault, as a zip",
        parameters=[serializers.GameExportParams],
        responses={
            (200, "application/zip"): OpenApiResponse(
                OpenApiTypes.BINARY,
                description="`<world-slug>-<kind>.zip` of `<world-slug>/…` files.",
            )
        },
    )
    def get(self, request: Request, world_id: str) -> StreamingHttpResponse:
        params = serializers.GameExportParams(
            data=request.query_params, context={"world": self.world}
        )
        params.is_valid(raise_exception=True)
        chosen = params.validated_data["kind"]
        files = services.game_files(
            self.world, format=chosen, as_of=params.validated_data.get("as_of_chapter")
        )
        response = StreamingHttpResponse(services.files_zip(files), content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="{self.world.slug}-{chosen}.zip"'
        return response
