from django.core.management.base import BaseCommand, CommandError

from roles.models import ContentVersion, Role
from roles.referentials import loading, models

LABELS = {
    "RomeCode": "codes ROME",
    "RomeTitle": "appellations ROME",
    "IscoGroup": "groupes ISCO-08",
    "EscoOccupation": "professions ESCO",
    "OnetOccupation": "professions O*NET-SOC",
}


class Command(BaseCommand):
    help = (
        "Charge ou met à jour les référentiels officiels (ROME 4.0, ESCO, ISCO-08, O*NET-SOC) "
        "depuis la copie livrée avec le projet, ou depuis une nouvelle version (--source)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--source",
            default=loading.DATA,
            help="Dossier d'une version des listes, organisé comme roles/referentials/data "
            "(rome-4.0/, esco-1.0-fr/, onet/ ; fichiers officiels, compressés ou non).",
        )

    def handle(self, source, **options):
        classes = {name: getattr(models, name) for name in [*LABELS, "Release"]}
        try:
            counts = loading.load(classes, source, progress=self.progress)
        except FileNotFoundError as error:
            raise CommandError(f"Fichier de référentiel introuvable : {error}") from None
        except (KeyError, ValueError) as error:  # a column or a value the loader cannot read
            raise CommandError(f"Fichier de référentiel illisible : {error!r}") from None
        self.stdout.write("")
        for name, count in counts.items():
            line = (
                f"{count.total} {LABELS[name]} ({count.created} ajoutés, {count.updated} modifiés, "
                f"{count.deleted} retirés)"
            )
            self.stdout.write(line)
            if count.kept:
                self.stdout.write(
                    self.style.WARNING(
                        f"  {count.kept} {LABELS[name]} absents de cette version restent, "
                        "car des fiches (ou une autre liste) y renvoient."
                    )
                )
        if any(count.created or count.updated or count.deleted for count in counts.values()):
            Role.objects.with_codes().refresh_search()  # official titles are in the search
            ContentVersion.bump()  # sheets show the official labels

    def progress(self, done, total, name):
        width = 20
        bar = "█" * (width * done // total) + "·" * (width - width * done // total)
        self.stdout.write(f"\r[{bar}] {done}/{total} {LABELS[name]:<24}", ending="")
        self.stdout.flush()
