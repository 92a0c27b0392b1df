from lorebase.models import World


class WorldExport(World):
    """Worlds as the admin's export list sees them (no table of its own)."""

    class Meta:
        proxy = True
        verbose_name = "world export"
        verbose_name_plural = "world exports"
