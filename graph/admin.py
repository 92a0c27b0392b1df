"""Operators see what the graph has not caught up with, and can push it again."""

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from .models import OutboxEvent
from .outbox import outbox_publish


class DeliveryFilter(admin.SimpleListFilter):
    title = "delivery"
    parameter_name = "delivery"

    def lookups(self, request, model_admin):
        return [("failing", "Failing"), ("pending", "Pending"), ("delivered", "Delivered")]

    def queryset(self, request, queryset: QuerySet) -> QuerySet:
        pending = queryset.filter(delivered_at__isnull=True)
        return {
            "failing": pending.exclude(last_error=""),
            "pending": pending,
            "delivered": queryset.filter(delivered_at__isnull=False),
        }.get(self.value(), queryset)


@admin.register(OutboxEvent)
class OutboxEventAdmin(admin.ModelAdmin):
    list_display = (
        "entity_type",
        "entity_id",
        "version",
        "created_at",
        "published_at",
        "delivered_at",
        "attempts",
        "last_error",
    )
    list_filter = (DeliveryFilter, "entity_type")
    search_fields = ("entity_id", "world_id", "last_error")
    actions = ("retry_now",)
    readonly_fields = [f.name for f in OutboxEvent._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    @admin.action(description="Send to the graph again", permissions=["view"])
    def retry_now(self, request: HttpRequest, queryset: QuerySet) -> None:
        pending = list(queryset.filter(delivered_at__isnull=True).values_list("pk", flat=True))
        published = outbox_publish(event_ids=pending)
        level = messages.SUCCESS if published == len(pending) else messages.WARNING
        self.message_user(request, f"{published} of {len(pending)} pending rows sent.", level)
