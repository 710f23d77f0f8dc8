from django.apps import AppConfig
from django.db.models.signals import post_migrate


class RolesConfig(AppConfig):
    name = "roles"
    verbose_name = "Fiches métiers"

    def ready(self):
        from . import caching, signals  # noqa: F401 - connects the receivers
        from .permissions import build_groups

        # After migrate, when every model's permissions exist (on a fresh database too).
        post_migrate.connect(build_groups, sender=self)

        caching.connect()
