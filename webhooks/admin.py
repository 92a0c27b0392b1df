"""Webhooks in the admin: endpoints of the worlds you own, their delivery log, send again."""

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from lorebase.models import WorldRole
from lorebase.selectors import worlds_for_user

from . import services
from .models import WebhookDelivery, WebhookEndpoint
from .targets import TargetRefused


def _owned(request: HttpRequest) -> QuerySet:
    return worlds_for_user(user=request.user, role=WorldRole.OWNER)  # type: ignore[arg-type]


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(admin.ModelAdmin):
    list_display = ("url", "world", "active", "consecutive_failures", "disabled_reason")
    list_filter = ("active",)
    readonly_fields = ("secret", "disabled_reason", "consecutive_failures", "created_by")

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).filter(world__in=_owned(request))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "world":
            kwargs["queryset"] = _owned(request)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def changelist_view(self, request: HttpRequest, extra_context=None):
        # The owner is told here when an endpoint was turned off after its failures.
        for endpoint in self.get_queryset(request).filter(active=False).exclude(disabled_reason=""):
            messages.warning(
                request, f"{endpoint.url} ({endpoint.world}): {endpoint.disabled_reason}"
            )
        return super().changelist_view(request, extra_context)

    def save_model(self, request: HttpRequest, obj: WebhookEndpoint, form, change: bool) -> None:
        fields = {name: form.cleaned_data[name] for name in form.changed_data if name != "world"}
        try:
            if change:
                services.endpoint_update(endpoint=obj, **fields)
            else:
                saved = services.endpoint_create(
                    world=form.cleaned_data["world"],
                    url=form.cleaned_data["url"],
                    event_types=form.cleaned_data.get("event_types"),
                    entity_types=form.cleaned_data.get("entity_types"),
                    active=form.cleaned_data.get("active", True),
                    created_by=request.user,  # type: ignore[arg-type]
                )
                obj.pk, obj.secret = saved.pk, saved.secret
        except TargetRefused as refused:
            self.message_user(request, f"Not saved: {refused}", messages.ERROR)


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    list_display = (
        "id",
        "endpoint",
        "entity_type",
        "operation",
        "version",
        "status",
        "attempts",
        "last_status_code",
        "created_at",
    )
    list_filter = ("status", "operation", "entity_type")
    readonly_fields = [f.name for f in WebhookDelivery._meta.fields]
    actions = ["send_again"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).filter(endpoint__world__in=_owned(request))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description="Send again")
    def send_again(self, request: HttpRequest, queryset: QuerySet) -> None:
        for delivery in queryset:
            services.delivery_resend(delivery=delivery)
        self.message_user(request, f"{queryset.count()} deliveries will be sent again.")
