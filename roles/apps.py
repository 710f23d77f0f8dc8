from django.apps import AppConfig


class RolesConfig(AppConfig):
    name = "roles"
    verbose_name = "Fiches métiers"

    def ready(self):
        from . import page_cache, signals  # noqa: F401 - connects the receivers

        page_cache.connect()
