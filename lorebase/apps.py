from django.apps import AppConfig


class LorebaseConfig(AppConfig):
    name = "lorebase"
    verbose_name = "Lorebase"
