"""API routes of this app, mounted under /api/v1/ by config/urls.py."""

from lorebase.api.world_scope import world_path

from . import views

urlpatterns = [
    world_path("consistency/", views.ConsistencyReportView.as_view(), name="consistency-report"),
]
