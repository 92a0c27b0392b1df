"""What a batch with an `Idempotency-Key` answered, so that a retry gets the same answer."""

from django.conf import settings
from django.db import models


class IdempotentBatch(models.Model):
    """Written in the batch's own transaction: a batch that fails leaves none, so its
    retry runs again; one that succeeded is answered from here while it is kept
    (`BATCH_IDEMPOTENCY_HOURS`)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    world_id = models.UUIDField()
    key = models.CharField(max_length=200)
    request_hash = models.CharField(max_length=64, help_text="SHA-256 of the request body.")
    status_code = models.PositiveSmallIntegerField()
    response = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "world_id", "key"], name="one_batch_per_idempotency_key"
            )
        ]

    def __str__(self) -> str:
        return f"batch {self.key} of {self.user_id} in {self.world_id}"
