from django.db import models

from lorebase.models import World


class LoreCheck(World):
    """Worlds as the admin's lore check list sees them (no table of its own)."""

    class Meta:
        proxy = True
        verbose_name = "lore check"
        verbose_name_plural = "lore checks"


class LoreCheckResult(models.Model):
    """The last scheduled check of one world: findings per rule, for lists and metrics."""

    world = models.OneToOneField(
        World, on_delete=models.CASCADE, primary_key=True, related_name="lore_check_result"
    )
    checked_at = models.DateTimeField()
    seconds = models.FloatField(help_text="How long the check took.")
    counts = models.JSONField(help_text="Rule id → number of findings.")

    def __str__(self) -> str:
        return f"Lore check of {self.world} at {self.checked_at:%Y-%m-%d %H:%M}"
