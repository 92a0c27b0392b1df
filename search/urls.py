"""API routes of this app, mounted under /api/v1/ by config/urls.py."""

from django.urls import URLPattern

from lorebase.api.world_scope import world_path

from . import views


def _query(route: str, query: views.Query, name: str) -> URLPattern:
    return world_path(route, views.WorldQueryView.as_view(query=query), name=name)


urlpatterns = [
    _query("search/", views.SEARCH, "search"),
    _query("graph/meetings/", views.MEETINGS, "graph-meetings"),
    _query("graph/path/", views.PATH, "graph-path"),
    _query("graph/neighbourhood/", views.NEIGHBOURHOOD, "graph-neighbourhood"),
    _query("graph/co-appearances/", views.CO_APPEARANCES, "graph-co-appearances"),
]
