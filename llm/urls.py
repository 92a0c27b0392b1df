"""API routes of answers in role, mounted under /api/v1/ by config/urls.py."""

from lorebase.api.world_scope import world_path

from . import views

urlpatterns = [
    world_path("answers/", views.AnswerView.as_view(), name="answers"),
]
