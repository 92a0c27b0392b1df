"""The admin's "Ask in role" page needs a model to hang a ModelAdmin on.

Not a proxy of Character: WorldEntity's history is inherited by every subclass,
so a proxy would get a historical table of its own that nothing ever writes.
An unmanaged model without permissions or a table gives the admin an entry and
nothing else; the page itself is a form (llm/admin.py).
"""

from django.db import models


class AskInRole(models.Model):
    class Meta:
        managed = False
        default_permissions = ()
        verbose_name = "ask in role"
        verbose_name_plural = "ask in role"

    def __str__(self) -> str:
        return "Ask in role"
