import csv
import json
import sys

from django.core.management.base import BaseCommand

from roles.serialization import CSV_COLUMNS, export_document, flat_row


class Command(BaseCommand):
    help = (
        "Exporte toutes les fiches métiers (brouillons compris) en JSON, lisible par "
        "import_sheets, et, sur demande, leurs champs simples en CSV."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "output", help="Fichier JSON à écrire («\u202f-\u202f» pour la sortie standard)."
        )
        parser.add_argument("--csv", metavar="FICHIER", help="Fichier CSV des champs simples.")

    def handle(self, *args, output, csv=None, **options):
        document = export_document()
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        if output == "-":
            sys.stdout.write(text)
        else:
            with open(output, "w", encoding="utf-8") as file:
                file.write(text)
        if csv:
            write_csv(csv, document["sheets"])
        count = len(document["sheets"])
        self.stderr.write(self.style.SUCCESS(f"{count} fiche(s) exportée(s)."))


def write_csv(path, sheets):
    # utf-8-sig: spreadsheet programs then read the accents correctly.
    with open(path, "w", encoding="utf-8-sig", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(flat_row(sheet) for sheet in sheets)
