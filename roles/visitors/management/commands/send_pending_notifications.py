"""Retry the e-mails that could not be sent when visitors wrote: safe to run from cron."""

from django.core.management.base import BaseCommand

from roles.visitors.notifications import send_pending


class Command(BaseCommand):
    help = (
        "Envoie les e-mails restés en attente (serveur de courrier indisponible). "
        "Sans risque de double envoi, même lancé plusieurs fois en même temps."
    )

    def handle(self, *args, **options):
        delivered, not_sent = send_pending()
        self.stdout.write(f"{delivered} envoyé(s), {not_sent} toujours en attente.")
