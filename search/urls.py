"""API routes of this app, mounted under /api/v1/ by lorebase/urls.py."""

urlpatterns: list = []
