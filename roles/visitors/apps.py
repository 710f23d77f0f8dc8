from django.apps import AppConfig
from django.db.models.signals import post_migrate


class VisitorsConfig(AppConfig):
    """What visitors send: recruitment requests and comments, their mails, limits and erasure."""

    name = "roles.visitors"
    label = "visitors"
    verbose_name = "Demandes et commentaires"

    def ready(self):
        from roles.permissions import build_groups

        # This app's permissions are created after the roles app's post_migrate, where the
        # groups are built first: build them again once these exist.
        post_migrate.connect(build_groups, sender=self)
