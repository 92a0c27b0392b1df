from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from assistants.web import mcp_endpoint

from . import views
from .metrics import metrics_view

admin.site.site_header = "Lorebase"
admin.site.site_title = "Lorebase"
admin.site.index_title = "World administration"

handler404 = "config.views.not_found"
handler500 = "config.views.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("lorebase.api.urls")),
    path("api/v1/", include("search.urls")),
    path("api/v1/", include("exports.urls")),
    path("api/v1/", include("llm.urls")),
    path("api/v1/", include("consistency.urls")),
    path("api/v1/", include("webhooks.urls")),
    path("api/schema/", SpectacularAPIView.as_view(permission_classes=[]), name="schema"),
    path(
        "api/docs/",
        SpectacularSwaggerSplitView.as_view(url_name="schema", permission_classes=[]),
        name="api-docs",
    ),
    path("mcp/", mcp_endpoint, name="mcp"),  # the MCP server for AI assistants
    path("metrics", metrics_view, name="prometheus-django-metrics"),
    path("health/live", views.live, name="health-live"),
    path("health/ready", views.ready, name="health-ready"),
]
