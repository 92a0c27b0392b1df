"""`…/images/`: upload (multipart), list, read and delete pictures of the lore."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.http import HttpResponse
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from lorebase import images, selectors
from lorebase.models import EntityImage

from .exceptions import validation_error_from_django
from .world_scope import WorldScopedView


class ImageSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    entity = serializers.SerializerMethodField(help_text="The public id of its owner.")
    entity_type = serializers.SerializerMethodField()
    file_url = serializers.SerializerMethodField(help_text="The picture itself.")
    thumbnail_url = serializers.SerializerMethodField(help_text="A PNG of at most 256 px.")

    class Meta:
        model = EntityImage
        fields = (
            "id",
            "entity",
            "entity_type",
            "kind",
            "label",
            "content_type",
            "content_hash",
            "width",
            "height",
            "file_url",
            "thumbnail_url",
            "created_at",
        )
        read_only_fields = fields

    def get_entity(self, image: EntityImage) -> uuid.UUID:
        return image.owner.public_id

    def get_entity_type(self, image: EntityImage) -> str:
        return str(image.owner.entity_type)

    def _url(self, image: EntityImage, name: str) -> str:
        return reverse(name, args=[image.world.public_id, image.public_id])

    def get_file_url(self, image: EntityImage) -> str:
        return self._url(image, "image-file")

    def get_thumbnail_url(self, image: EntityImage) -> str:
        return self._url(image, "image-thumbnail")


class ImageUploadSerializer(serializers.Serializer):
    entity = serializers.UUIDField(help_text="The character, location, scene or concept.")
    kind = serializers.ChoiceField(
        choices=EntityImage.Kind.choices,
        help_text="portrait or sprite (a character), background (a location or a scene), "
        "reference (a concept). A new portrait replaces the old one.",
    )
    label = serializers.CharField(max_length=100, required=False, default="", allow_blank=True)
    file = serializers.FileField(help_text="PNG, JPEG, WebP or GIF.")


ENTITY_PARAMETER = OpenApiParameter(
    "entity", OpenApiTypes.UUID, description="Only the pictures of this entity."
)


class ImageListView(WorldScopedView):
    parser_classes = [MultiPartParser]

    @extend_schema(
        operation_id="images_list",
        tags=["images"],
        parameters=[ENTITY_PARAMETER],
        responses=ImageSerializer(many=True),
    )
    def get(self, request: Request, world_id: str) -> Response:
        entity = request.query_params.get("entity")
        owner = self._owner(entity, "entity") if entity else None
        found = selectors.images_of(world=self.world, owner=owner)
        return Response(ImageSerializer(found, many=True).data)

    @extend_schema(
        operation_id="images_create",
        tags=["images"],
        request={"multipart/form-data": ImageUploadSerializer},
        responses={201: ImageSerializer},
        description="Upload a picture (multipart/form-data). The file is decoded: anything "
        "but a PNG, JPEG, WebP or GIF, a file over IMAGE_MAX_UPLOAD_BYTES or a picture of "
        "more than IMAGE_MAX_PIXELS pixels is refused with a 400 naming `file`.",
    )
    def post(self, request: Request, world_id: str) -> Response:
        upload = ImageUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        data = upload.validated_data
        owner = self._owner(str(data["entity"]), "entity")
        try:
            with transaction.atomic():
                image = images.image_add(
                    owner=owner,
                    kind=data["kind"],
                    label=data["label"],
                    # One byte over the limit is enough to refuse it.
                    data=data["file"].read(settings.IMAGE_MAX_UPLOAD_BYTES + 1),
                    user=request.user,
                )
        except DjangoValidationError as error:
            raise validation_error_from_django(error) from error
        return Response(ImageSerializer(image).data, status=status.HTTP_201_CREATED)

    def _owner(self, public_id: str, field: str):
        try:
            owner = selectors.image_owner(world=self.world, public_id=uuid.UUID(public_id))
        except ValueError:
            owner = None
        if owner is None:
            reason = (
                f"No character, location, scene or concept of this world has the id “{public_id}”."
            )
            raise serializers.ValidationError({field: [reason]})
        return owner


class ImageLookup(WorldScopedView):
    def _image(self, image_id: str) -> EntityImage:
        # Any string routes here, as an entity id does: one that is no UUID is not found.
        try:
            image = selectors.image_in_world(world=self.world, public_id=uuid.UUID(image_id))
        except ValueError:
            image = None
        if image is None:
            raise NotFound("No such image in this world.")
        return image


class ImageDetailView(ImageLookup):
    @extend_schema(operation_id="images_retrieve", tags=["images"], responses=ImageSerializer)
    def get(self, request: Request, world_id: str, image_id: str) -> Response:
        return Response(ImageSerializer(self._image(image_id)).data)

    @extend_schema(operation_id="images_destroy", tags=["images"], responses={204: None})
    def delete(self, request: Request, world_id: str, image_id: str) -> Response:
        images.image_delete(image=self._image(image_id), user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ImageFileView(ImageLookup):
    thumbnail = False

    @extend_schema(
        operation_id="images_file",
        tags=["images"],
        responses={(200, "image/*"): OpenApiResponse(OpenApiTypes.BINARY)},
    )
    def get(self, request: Request, world_id: str, image_id: str) -> HttpResponse:
        image = self._image(image_id)
        content_type = "image/png" if self.thumbnail else image.content_type
        response = HttpResponse(
            images.image_read(image, thumbnail=self.thumbnail), content_type=content_type
        )
        # Content-addressed: the bytes behind this image id never change.
        response["Cache-Control"] = "private, max-age=31536000, immutable"
        response["X-Content-Type-Options"] = "nosniff"
        return response


class ImageThumbnailView(ImageFileView):
    thumbnail = True

    @extend_schema(
        operation_id="images_thumbnail",
        tags=["images"],
        responses={(200, "image/png"): OpenApiResponse(OpenApiTypes.BINARY)},
    )
    def get(self, request: Request, world_id: str, image_id: str) -> HttpResponse:
        return super().get(request, world_id, image_id)
