from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self) -> None:
        # The lore admins are registered by now: django.contrib.admin comes first in
        # INSTALLED_APPS, and its ready() imports every app's admin module.
        from django.contrib import admin

        from lorebase.models import Character, Concept, Location, Scene, World

        from .admin_pictures import add_explorer, add_neighbourhood

        for model in (Character, Location, Concept, Scene):
            add_neighbourhood(admin.site.get_model_admin(model))
        add_explorer(admin.site.get_model_admin(World))
