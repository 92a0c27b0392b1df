"""API routes of this app, mounted under /api/v1/ by config/urls.py."""

from django.urls import path

from . import views

urlpatterns: list = [
    path("export/snapshot", views.SnapshotView.as_view(), name="export-snapshot"),
    path(
        "worlds/<uuid:world_id>/characters/<uuid:id>/card/",
        views.CharacterCardView.as_view(),
        name="character-card",
    ),
]
