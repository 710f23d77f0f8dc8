from django.apps import AppConfig


class RolesConfig(AppConfig):
    name = "roles"
    verbose_name = "Fiches métiers"

    def ready(self):
        from . import caching, signals  # noqa: F401 - connects the receivers

        caching.connect()
