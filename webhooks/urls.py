"""API routes of webhooks, mounted under /api/v1/ by config/urls.py."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from lorebase.api.world_scope import WORLD_PREFIX

from . import views

router = SimpleRouter()
router.register("webhooks", views.WebhookEndpointViewSet, basename="webhook")

urlpatterns = [path(WORLD_PREFIX, include(router.urls))]
