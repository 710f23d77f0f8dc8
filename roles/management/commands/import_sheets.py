import json

from django.core.management.base import BaseCommand, CommandError

from roles.importing import SheetFileError, import_document


class Command(BaseCommand):
    help = (
        "Importe un fichier JSON produit par export_sheets\u00a0: tout ou rien, un fichier "
        "invalide n’importe aucune fiche."
    )

    def add_arguments(self, parser):
        parser.add_argument("input", help="Fichier JSON à lire.")

    def handle(self, *args, input, **options):
        try:
            with open(input, encoding="utf-8") as file:
                document = json.load(file)
        except OSError as error:
            raise CommandError(f"{input}\u00a0: lecture impossible ({error.strerror}).") from None
        except UnicodeDecodeError:
            raise CommandError(f"{input}\u00a0: le fichier n’est pas en UTF-8.") from None
        except json.JSONDecodeError as error:
            raise CommandError(
                f"{input}\u00a0: JSON invalide, ligne {error.lineno}, colonne {error.colno} "
                f"({error.msg}). Aucune fiche n’a été importée."
            ) from None
        try:
            count = import_document(document)
        except SheetFileError as error:
            raise CommandError(
                f"{input}\u00a0: champ {error.path}\u00a0: {error.reason.rstrip('.')}. "
                "Aucune fiche n’a été importée."
            ) from None
        self.stdout.write(self.style.SUCCESS(f"{count} fiche(s) importée(s) depuis {input}."))
