"""The change log: one row per committed change of the lore, for whoever follows it."""

from django.db import models

from ..catalogue import EntityType


class Change(models.Model):
    """Written in the same transaction as the change it records.

    Ids, not foreign keys: the log outlives what it speaks of (a deleted world's
    changes stay readable).

    Read in `position` order, never id order: an id is taken when the row is written,
    and of two transactions the one that took the smaller id may commit last, after a
    reader has gone past it. A position is given only to committed rows
    (lorebase.changes.changes_sequence), each greater than every position given
    before, so a reader that remembers the last position it saw misses nothing.
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
    # Null until the row is committed and sequenced; unique once given.
    position = models.BigIntegerField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["pk"]
        indexes = [
            models.Index(fields=["world_id", "id"], name="change_world_order"),
            models.Index(fields=["world_id", "position"], name="change_world_position"),
            models.Index(
                fields=["id"], name="change_unsequenced", condition=models.Q(position__isnull=True)
            ),
            models.Index(fields=["created_at"], name="change_created"),
        ]

    def __str__(self) -> str:
        return f"{self.operation} {self.entity_type} {self.entity_id} v{self.version}"
