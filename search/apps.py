from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self) -> None:
        # The lore admins are registered by now: django.contrib.admin comes first in
        # INSTALLED_APPS, and its ready() imports every app's admin module.
        from django.contrib import admin

        from lorebase.models import Chapter, Character, Concept, Location, Relation, Scene, World

        from .admin_pictures import add_explorer, add_neighbourhood
        from .admin_search import add_search

        for model in (Character, Location, Concept, Scene):
            add_neighbourhood(admin.site.get_model_admin(model))
            add_search(admin.site.get_model_admin(model), full=True)
        for model in (Chapter, Relation):  # no names or texts of the search's own
            add_search(admin.site.get_model_admin(model), full=False)
        add_explorer(admin.site.get_model_admin(World))
