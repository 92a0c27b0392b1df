from rest_framework import serializers

from lorebase.catalogue import EntityType

from .models import OPERATIONS, WebhookDelivery, WebhookEndpoint


class WebhookEndpointSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    event_types = serializers.ListField(
        child=serializers.ChoiceField(choices=OPERATIONS),
        required=False,
        help_text="create, update, delete; empty or left out: all.",
    )
    entity_types = serializers.ListField(
        child=serializers.ChoiceField(choices=[t for t in EntityType.values]),
        required=False,
        help_text="Entity types sent; empty or left out: all.",
    )
    secret = serializers.SerializerMethodField(
        help_text="The signing secret (`whsec_…`): shown when the endpoint is created, "
        "hidden afterwards."
    )

    class Meta:
        model = WebhookEndpoint
        fields = (
            "id",
            "url",
            "event_types",
            "entity_types",
            "active",
            "secret",
            "disabled_reason",
            "consecutive_failures",
            "created_at",
        )
        read_only_fields = ("disabled_reason", "consecutive_failures", "created_at")

    def get_secret(self, endpoint: WebhookEndpoint) -> str | None:
        return endpoint.secret if self.context.get("show_secret") else None


class WebhookDeliverySerializer(serializers.ModelSerializer):
    webhook_id = serializers.CharField(source="message_id", read_only=True)

    class Meta:
        model = WebhookDelivery
        fields = (
            "id",
            "webhook_id",
            "change_id",
            "entity_type",
            "entity_id",
            "operation",
            "version",
            "status",
            "attempts",
            "next_attempt_at",
            "last_status_code",
            "last_error",
            "created_at",
            "delivered_at",
        )
        read_only_fields = fields
