"""API routes of this app, mounted under /api/v1/ by config/urls.py."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "worlds/<uuid:world_id>/consistency/",
        views.ConsistencyReportView.as_view(),
        name="consistency-report",
    ),
]
