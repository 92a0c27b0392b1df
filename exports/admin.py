from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from lorebase.admin_access import StaffReadOnlyAdmin
from lorebase.models import WorldRole
from lorebase.selectors import worlds_for_user

from .models import WorldExport
from .tasks import export_worlds


@admin.register(WorldExport)
class WorldExportAdmin(StaffReadOnlyAdmin, admin.ModelAdmin):
    """The worlds a user edits, with an "Export now" action; editing stays in Worlds."""

    list_display = ("name", "slug", "language", "updated_at")
    search_fields = ("name", "slug")
    actions = ("export_now",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[WorldExport]:
        # Like the World admin, access comes from world membership, not Django permissions.
        editable = worlds_for_user(user=request.user, role=WorldRole.EDITOR)
        return WorldExport.objects.filter(pk__in=editable.values("pk"))

    @admin.action(description="Export now (commit to Git and push)", permissions=["view"])
    def export_now(self, request: HttpRequest, queryset: QuerySet[WorldExport]) -> None:
        world_ids = [str(public_id) for public_id in queryset.values_list("public_id", flat=True)]
        export_worlds.delay(world_ids=world_ids)
        self.message_user(
            request,
            f"Export of {len(world_ids)} world(s) queued; the worker commits it shortly.",
            messages.SUCCESS,
        )
