"""API routes of this app, mounted under /api/v1/ by config/urls.py."""

from django.urls import path

from . import views

urlpatterns = [
    path("search", views.SearchView.as_view(), name="search"),
    path("graph/meetings", views.MeetingsView.as_view(), name="graph-meetings"),
    path("graph/path", views.PathView.as_view(), name="graph-path"),
    path("graph/neighbourhood", views.NeighbourhoodView.as_view(), name="graph-neighbourhood"),
    path("graph/co-appearances", views.CoAppearancesView.as_view(), name="graph-co-appearances"),
]
