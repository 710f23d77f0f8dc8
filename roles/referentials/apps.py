from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ReferentialsConfig(AppConfig):
    name = "roles.referentials"
    label = "referentials"
    verbose_name = "Référentiels officiels"

    def ready(self):
        from ..permissions import build_groups

        # Editors may read the lists: once their permissions exist (this app migrates last).
        post_migrate.connect(build_groups, sender=self)
