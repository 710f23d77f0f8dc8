"""Delete recruitment requests kept past their retention period (CNIL practice)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from roles.visitors.models import RecruitmentRequest


class Command(BaseCommand):
    help = (
        "Supprime les demandes d’entreprises sans contact depuis RETENTION_COMPANY_DAYS jours "
        "et celles de candidats sans contact depuis RETENTION_CANDIDATE_DAYS jours."
    )

    def add_arguments(self, parser):
        parser.add_argument("--company-days", type=int, default=settings.RETENTION_COMPANY_DAYS)
        parser.add_argument("--candidate-days", type=int, default=settings.RETENTION_CANDIDATE_DAYS)
        parser.add_argument("--dry-run", action="store_true", help="Compter sans rien supprimer.")

    def handle(self, *args, company_days, candidate_days, dry_run, **options):
        expired = RecruitmentRequest.objects.expired(company_days, candidate_days)
        if dry_run:
            self.stdout.write(f"{expired.count()} demande(s) à supprimer.")
            return
        deleted = expired.delete()[1].get("visitors.RecruitmentRequest", 0)
        self.stdout.write(f"{deleted} demande(s) supprimée(s).")
