"""Webhook endpoints of a world, and one delivery row per change and endpoint."""

import base64
import secrets
import uuid

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q

from lorebase.catalogue import EntityType
from lorebase.models import Change, World

OPERATIONS = [(op.value, op.label) for op in Change.Operation]


def new_secret() -> str:
    """A Standard Webhooks secret: `whsec_` and 24 random bytes in base64."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


class WebhookEndpoint(models.Model):
    world = models.ForeignKey(World, on_delete=models.CASCADE, related_name="webhook_endpoints")
    url = models.URLField(max_length=500, help_text="http(s) only; a public address.")
    secret = models.CharField(max_length=100, default=new_secret, editable=False)
    event_types = ArrayField(
        models.CharField(max_length=8, choices=OPERATIONS),
        default=list,
        blank=True,
        help_text="create, update, delete; empty: all.",
    )
    entity_types = ArrayField(
        models.CharField(max_length=16, choices=EntityType.choices),
        default=list,
        blank=True,
        help_text="Entity types sent; empty: all.",
    )
    active = models.BooleanField(default=True)
    disabled_reason = models.TextField(blank=True, editable=False)
    consecutive_failures = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["world", "pk"]

    def __str__(self) -> str:
        return self.url

    def wants(self, change: Change) -> bool:
        return (not self.event_types or change.operation in self.event_types) and (
            not self.entity_types or change.entity_type in self.entity_types
        )


class WebhookDelivery(models.Model):
    """A change to send to one endpoint: at least once, in order per entity."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED = "failed", "Failed (gave up)"

    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries"
    )
    change_id = models.BigIntegerField()
    entity_type = models.CharField(max_length=16, choices=EntityType.choices)
    entity_id = models.UUIDField()
    operation = models.CharField(max_length=8, choices=OPERATIONS)
    version = models.PositiveIntegerField()
    payload = models.JSONField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-pk"]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                name="webhook_due",
                condition=Q(status="pending"),
            ),
            models.Index(fields=["endpoint", "entity_id", "id"], name="webhook_entity_order"),
        ]

    def __str__(self) -> str:
        return f"{self.message_id} → {self.endpoint}"

    @property
    def message_id(self) -> str:
        """`webhook-id`: the same on every attempt, so receivers can drop duplicates."""
        return f"msg_{self.pk}"
