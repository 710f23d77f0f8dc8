from django.core.management import call_command
from django.core.management.base import BaseCommand

from roles.models import Family, Role
from roles.signals import deferred_search_refresh

# Fixture files in `fixtures/`, in loading order (later ones refer to earlier ones).
INITIAL_FIXTURES = ["families", "sectors", "skills", "roles", "tags", "role_parts"]


class Command(BaseCommand):
    help = "Charge les fiches métiers de démonstration, seulement dans une base vide."

    def handle(self, *args, **options):
        if Role.objects.exists() or Family.objects.exists():
            self.stdout.write("La base contient déjà des fiches\u00a0: rien n’est chargé.")
            return
        with deferred_search_refresh():
            call_command("loaddata", *INITIAL_FIXTURES, verbosity=options["verbosity"])
        # A first revision of each sheet, so that an editor's first change can be undone too.
        call_command("createinitialrevisions", "roles.Role", comment="Contenu initial", verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"{Role.objects.count()} fiches métiers chargées."))
