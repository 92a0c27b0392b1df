"""The change log: one row per committed change of the lore, for whoever follows it."""

from django.db import models

from ..catalogue import EntityType


class Change(models.Model):
    """Written in the same transaction as the change it records.

    Ids, not foreign keys: the log outlives what it speaks of (a deleted world's
    changes stay readable). Read a world's changes in id order.
    """

    class Operation(models.TextChoices):
        CREATE = "create", "Create"
        UPDATE = "update", "Update"
        DELETE = "delete", "Delete"

    entity_type = models.CharField(max_length=16, choices=EntityType.choices)
    entity_id = models.UUIDField()
    world_id = models.UUIDField()
    version = models.PositiveIntegerField()
    operation = models.CharField(max_length=8, choices=Operation.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["world_id", "id"], name="change_world_order")]

    def __str__(self) -> str:
        return f"{self.operation} {self.entity_type} {self.entity_id} v{self.version}"
