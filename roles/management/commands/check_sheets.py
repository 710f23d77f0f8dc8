from django.core.management.base import BaseCommand, CommandError

from roles.completeness import check_sheets


class Command(BaseCommand):
    help = (
        "Vérifie la complétude des fiches (sections vides ou minces, année des salaires, "
        "évolutions sans fiche, liens vers des brouillons)\u202f; échoue s’il y a des liens cassés."
    )

    def handle(self, *args, **options):
        report = check_sheets()
        for sheet in report:
            role = sheet.role
            self.stdout.write(
                f"{role.title} ({role.slug}, {role.state.lower()})\u00a0: {sheet.score}\u00a0%"
            )
            for problem in sheet.problems:
                mark = "LIEN CASSÉ " if problem.broken_link else ""
                self.stdout.write(f"  - {mark}{problem.section}\u00a0: {problem.message}")
        broken = sum(len(sheet.broken_links) for sheet in report)
        self.stdout.write(f"{len(report)} fiche(s) vérifiée(s), {broken} lien(s) cassé(s).")
        if broken:
            raise CommandError(f"{broken} lien(s) cassé(s) sur des fiches publiées.")
