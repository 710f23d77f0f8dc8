"""Requests are not kept longer than their purpose needs (CNIL practice)."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from roles.visitors.models import RecruitmentRequest

from .factories import make_request

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def purge(*args):
    output = io.StringIO()
    call_command("purge_requests", *args, stdout=output)
    return output.getvalue().strip()


def test_companies_are_kept_three_years_and_candidates_two_after_the_last_contact():
    old_company = make_request(last_contact_at=days_ago(3 * 365 + 1))
    recent_company = make_request(last_contact_at=days_ago(2 * 365 + 1), created_at=days_ago(4000))
    old_candidate = make_request(kind="candidat", last_contact_at=days_ago(2 * 365 + 1))
    recent_candidate = make_request(kind="candidat", last_contact_at=days_ago(300))
    assert purge("--dry-run") == "2 demande(s) à supprimer."
    assert RecruitmentRequest.objects.count() == 4
    assert purge() == "2 demande(s) supprimée(s)."
    kept = set(RecruitmentRequest.objects.all())
    assert kept == {recent_company, recent_candidate}
    assert old_company not in kept and old_candidate not in kept


def test_retention_periods_are_configurable(settings):
    make_request(last_contact_at=days_ago(40))
    assert purge() == "0 demande(s) supprimée(s)."
    assert purge("--company-days", "30") == "1 demande(s) supprimée(s)."
