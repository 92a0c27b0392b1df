"""API routes of answers in role, mounted under /api/v1/ by config/urls.py."""

from django.urls import path

from . import views

urlpatterns = [
    path("llm/answer", views.AnswerView.as_view(), name="llm-answer"),
]
