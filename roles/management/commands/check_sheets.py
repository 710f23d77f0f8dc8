from django.core.management.base import BaseCommand, CommandError

from roles.health import check_sheets


class Command(BaseCommand):
    help = (
        "Vérifie la complétude des fiches (sections vides ou minces, année des salaires, "
        "évolutions sans fiche, liens vers des brouillons)\u202f; échoue s’il y a des liens cassés."
    )

    def handle(self, *args, **options):
        report = check_sheets()
        for health in report:
            role = health.role
            self.stdout.write(
                f"{role.title} ({role.slug}, {role.state.lower()})\u00a0: {health.score}\u00a0%"
            )
            for problem in health.problems:
                mark = "LIEN CASSÉ " if problem.broken_link else ""
                self.stdout.write(f"  - {mark}{problem.section}\u00a0: {problem.message}")
        broken = sum(len(health.broken_links) for health in report)
        self.stdout.write(f"{len(report)} fiche(s) vérifiée(s), {broken} lien(s) cassé(s).")
        if broken:
            raise CommandError(f"{broken} lien(s) cassé(s) sur des fiches publiées.")
