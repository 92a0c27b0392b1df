"""Webhook endpoints of a world and their delivery log: the world's owner manages them."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from lorebase.api.world_scope import WorldScopedMixin
from lorebase.models import WorldRole
from lorebase.models.worlds import ROLE_RANK
from lorebase.selectors import membership_role

from . import serializers, services
from .models import WebhookDelivery, WebhookEndpoint
from .targets import TargetRefused


@extend_schema(tags=["webhooks"])
class WebhookEndpointViewSet(WorldScopedMixin, viewsets.ModelViewSet):
    serializer_class = serializers.WebhookEndpointSerializer
    lookup_field = "public_id"
    lookup_url_kwarg = "id"
    write_role = WorldRole.OWNER
    filter_backends: list = []

    def initial(self, request: Request, *args: object, **kwargs: object) -> None:
        super().initial(request, *args, **kwargs)
        # Reading them too: the URLs and the delivery log are the owner's business.
        role = membership_role(user=request.user, world=self.world)
        if role is None or ROLE_RANK[role] < ROLE_RANK[WorldRole.OWNER]:
            raise PermissionDenied(
                f"Your role in “{self.world.name}” is {role}; webhooks are the owner's."
            )

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return WebhookEndpoint.objects.none()
        return WebhookEndpoint.objects.filter(world=self.world)

    def get_serializer_context(self) -> dict:
        return {**super().get_serializer_context(), "show_secret": self.action == "create"}

    def perform_create(self, serializer) -> None:
        try:
            serializer.instance = services.endpoint_create(
                world=self.world, created_by=self.request.user, **serializer.validated_data
            )
        except TargetRefused as refused:
            raise ValidationError({"url": [str(refused)]}) from refused

    def perform_update(self, serializer) -> None:
        try:
            services.endpoint_update(endpoint=serializer.instance, **serializer.validated_data)
        except TargetRefused as refused:
            raise ValidationError({"url": [str(refused)]}) from refused

    @extend_schema(responses=OpenApiResponse(serializers.WebhookDeliverySerializer(many=True)))
    @action(detail=True, methods=["get"])
    def deliveries(self, request: Request, world_id: str, id: str) -> Response:
        """The endpoint's delivery log, newest first."""
        endpoint = self.get_object()
        page = self.paginate_queryset(endpoint.deliveries.all())
        data = serializers.WebhookDeliverySerializer(page, many=True).data
        return self.get_paginated_response(data)

    @extend_schema(request=None, responses=serializers.WebhookDeliverySerializer)
    @action(detail=True, methods=["post"], url_path=r"deliveries/(?P<delivery>[0-9]{1,18})/resend")
    def resend(self, request: Request, world_id: str, id: str, delivery: str) -> Response:
        """Send a delivery again, with the same `webhook-id`."""
        endpoint = self.get_object()
        found = get_object_or_404(WebhookDelivery, endpoint=endpoint, pk=int(delivery))
        services.delivery_resend(delivery=found)
        return Response(serializers.WebhookDeliverySerializer(found).data)
