from django.apps import AppConfig
from django.db.models.signals import post_migrate
from taggit.apps import TaggitAppConfig


class TagsConfig(TaggitAppConfig):
    """django-taggit, named in French in the admin."""

    verbose_name = "Étiquettes"

    def ready(self):
        super().ready()
        tag = self.get_model("Tag")
        # taggit's French catalogue leaves the plural as "Tags".
        tag._meta.verbose_name, tag._meta.verbose_name_plural = "étiquette", "étiquettes"


class RolesConfig(AppConfig):
    default = True  # the app's config, among the two of this module
    name = "roles"
    verbose_name = "Fiches métiers"

    def ready(self):
        from . import caching, signals  # noqa: F401 - connects the receivers
        from .permissions import build_groups

        # After migrate, when every model's permissions exist (on a fresh database too).
        post_migrate.connect(build_groups, sender=self)

        caching.connect()
