"""The outbox: one row per committed change the graph has to catch up with."""

from django.db import models
from django.db.models import Q

from lorebase.catalogue import EntityType


class OutboxEvent(models.Model):
    """Written in the same transaction as the change (on `change_recorded`);
    delivered when the graph has it."""

    entity_type = models.CharField(max_length=16, choices=EntityType.choices)
    entity_id = models.UUIDField()
    world_id = models.UUIDField()
    version = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["entity_type", "entity_id"], name="outbox_entity"),
            models.Index(
                fields=["created_at"], name="outbox_pending", condition=Q(delivered_at__isnull=True)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.entity_type} {self.entity_id} v{self.version}"
