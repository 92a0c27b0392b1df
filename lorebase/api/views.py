"""The entity API: thin views over lorebase.selectors and lorebase.services."""

from django.db import transaction
from django.urls.converters import UUIDConverter
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from lorebase import selectors, services
from lorebase.models import (
    Chapter,
    Character,
    Concept,
    Location,
    Relation,
    Scene,
    WorldMembership,
    WorldRole,
)

from . import filters, serializers
from .conditional import IF_MATCH, ConditionalWritesMixin, check_if_match
from .permissions import world_for_request
from .world_scope import WorldScopedMixin

CONDITIONAL_WRITES = {
    action: extend_schema(parameters=[IF_MATCH])
    for action in ("update", "partial_update", "destroy")
}


@extend_schema(tags=["worlds"])
@extend_schema_view(**CONDITIONAL_WRITES)
class WorldViewSet(ConditionalWritesMixin, viewsets.ModelViewSet):
    """Worlds you are a member of. Creating one makes you its owner."""

    serializer_class = serializers.WorldSerializer
    lookup_field = "public_id"
    lookup_url_kwarg = "world_id"
    # As in every world-scoped route (world_scope.WORLD_PREFIX): an id that is not a
    # UUID matches no route, a 404, instead of reaching the database.
    lookup_value_regex = UUIDConverter.regex
    ordering_fields = ("name", "created_at")
    search_fields = ("name", "slug")

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return selectors.World.objects.none()
        return selectors.worlds_for_user(user=self.request.user)

    def get_object(self):
        world_for_request(
            request=self.request, world_id=self.kwargs["world_id"], write_role=WorldRole.OWNER
        )
        return super().get_object()

    def get_serializer_context(self) -> dict:
        context = super().get_serializer_context()
        if self.request.user.is_authenticated:
            context["roles"] = dict(
                WorldMembership.objects.filter(user=self.request.user).values_list(
                    "world_id", "role"
                )
            )
        return context

    def perform_create(self, serializer) -> None:
        serializer.instance = services.world_create(
            owner=self.request.user, **serializer.validated_data
        )

    @transaction.atomic
    def perform_update(self, serializer) -> None:
        check_if_match(request=self.request, instance=serializer.instance)
        for name, value in serializer.validated_data.items():
            setattr(serializer.instance, name, value)
        services.entity_save(instance=serializer.instance)

    @transaction.atomic
    def perform_destroy(self, instance) -> None:
        check_if_match(request=self.request, instance=instance)
        services.entity_delete(instance=instance)


@extend_schema_view(**CONDITIONAL_WRITES)
class WorldEntityViewSet(ConditionalWritesMixin, WorldScopedMixin, viewsets.ModelViewSet):
    """CRUD of one entity type inside the world named in the URL; editors write.

    Each entity answered carries its `ETag`; a write may send it back in `If-Match`.
    """

    model: type = None
    lookup_field = "public_id"
    lookup_url_kwarg = "id"
    ordering_fields = ("created_at", "updated_at")

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no world
            return self.model.objects.none()
        return selectors.entity_queryset(model=self.model, world=self.world)

    def get_serializer_context(self) -> dict:
        context = super().get_serializer_context()
        context["world"] = getattr(self, "world", None)
        return context

    @transaction.atomic
    def perform_create(self, serializer) -> None:
        serializer.save()

    @transaction.atomic
    def perform_update(self, serializer) -> None:
        check_if_match(request=self.request, instance=serializer.instance)
        serializer.save()

    @transaction.atomic
    def perform_destroy(self, instance) -> None:
        check_if_match(request=self.request, instance=instance)
        services.entity_delete(instance=instance)


class EntityRelationsMixin:
    """`GET …/{id}/relations/`: the entity's relations, from both ends."""

    @extend_schema(
        responses=OpenApiResponse(serializers.EntityRelationSerializer(many=True)),
        filters=False,
    )
    @action(detail=True, methods=["get"], filterset_class=None, ordering_fields=None)
    def relations(self, request: Request, world_id: str, id: str) -> Response:
        entity = self.get_object()
        relations = selectors.entity_relations(entity=entity)
        page = self.paginate_queryset(relations)
        context = {**self.get_serializer_context(), "entity": entity}
        serializer = serializers.EntityRelationSerializer(page, many=True, context=context)
        return self.get_paginated_response(serializer.data)


@extend_schema(tags=["chapters"])
class ChapterViewSet(WorldEntityViewSet):
    model = Chapter
    serializer_class = serializers.ChapterSerializer
    filterset_class = filters.ChapterFilter
    ordering_fields = ("number", "title", "created_at", "updated_at")


@extend_schema(tags=["locations"])
class LocationViewSet(EntityRelationsMixin, WorldEntityViewSet):
    model = Location
    serializer_class = serializers.LocationSerializer
    filterset_class = filters.LocationFilter
    ordering_fields = ("name", "kind", "created_at", "updated_at")


@extend_schema(tags=["characters"])
class CharacterViewSet(EntityRelationsMixin, WorldEntityViewSet):
    model = Character
    serializer_class = serializers.CharacterSerializer
    filterset_class = filters.CharacterFilter
    ordering_fields = ("name", "status", "created_at", "updated_at")


@extend_schema(tags=["concepts"])
class ConceptViewSet(EntityRelationsMixin, WorldEntityViewSet):
    model = Concept
    serializer_class = serializers.ConceptSerializer
    filterset_class = filters.ConceptFilter
    ordering_fields = ("name", "kind", "created_at", "updated_at")


@extend_schema(tags=["scenes"])
class SceneViewSet(WorldEntityViewSet):
    model = Scene
    serializer_class = serializers.SceneSerializer
    filterset_class = filters.SceneFilter
    ordering_fields = ("chapter__number", "order", "title", "created_at", "updated_at")


@extend_schema(tags=["relations"])
class RelationViewSet(WorldEntityViewSet):
    model = Relation
    serializer_class = serializers.RelationSerializer
    filterset_class = filters.RelationFilter
    ordering_fields = ("kind", "created_at", "updated_at")
