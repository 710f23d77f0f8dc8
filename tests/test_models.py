"""What editors cannot get wrong: validation messages, visibility rules, salary figures."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from roles.models import CareerMove, Role, RoleSkill, Salary

from .factories import make_draft, make_role, make_skill

pytestmark = pytest.mark.django_db


def validation_messages(obj):
    with pytest.raises(ValidationError) as caught:
        obj.full_clean()
    return " ".join(caught.value.messages)


class TestSalary:
    def test_minimum_above_typical_is_refused_in_french(self):
        salary = Salary(role=make_role(), amount_min=60000, amount_typical=50000)
        assert "Le minimum ne peut pas dépasser le salaire habituel." in validation_messages(salary)

    def test_maximum_below_typical_is_refused_in_french(self):
        salary = Salary(role=make_role(), amount_typical=50000, amount_max=40000)
        assert "Le maximum ne peut pas être inférieur" in validation_messages(salary)

    def test_ordered_amounts_are_valid(self):
        Salary(
            role=make_role(), amount_min=40000, amount_typical=50000, amount_max=60000
        ).full_clean()

    def test_database_refuses_disordered_amounts_too(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            Salary.objects.create(role=make_role(), amount_typical=50000, amount_max=1)

    def test_monthly_salary_shows_yearly_and_approximate_net(self, settings):
        settings.SALARY_NET_RATIO = 0.75
        salary = Salary(amount_typical=3000, period=Salary.Period.MONTH)
        assert salary.gross_monthly.typical == 3000
        assert salary.gross_yearly.typical == 36000
        assert salary.net_monthly.typical == 2250
        assert salary.net_rate_percent == 25

    def test_yearly_salary_shows_monthly_figures(self):
        salary = Salary(amount_min=42000, amount_typical=48000, amount_max=60000)
        assert salary.gross_monthly == (3500, 4000, 5000)


class TestCareerMove:
    def test_an_end_cannot_be_both_a_sheet_and_a_title(self):
        move = CareerMove(from_role=make_role(), from_title="Chef de secteur", to_role=make_role())
        assert "soit une fiche, soit un intitulé" in validation_messages(move)

    def test_an_end_cannot_be_empty(self):
        move = CareerMove(to_role=make_role())
        assert "Le poste de départ doit être soit une fiche" in validation_messages(move)

    def test_a_move_between_two_titles_belongs_to_no_sheet(self):
        move = CareerMove(from_title="Chef de secteur", to_title="Directeur régional")
        assert "doit partir d’une fiche ou y mener" in validation_messages(move)

    def test_a_move_cannot_loop_on_one_sheet(self):
        role = make_role()
        move = CareerMove(from_role=role, to_role=role)
        assert "doivent différer" in validation_messages(move)

    def test_a_title_may_lead_to_a_sheet(self):
        CareerMove(
            from_title="Chef de secteur", to_role=make_role(), years_of_experience=5
        ).full_clean()


class TestRole:
    def test_slug_is_unique(self):
        existing = make_role()
        duplicate = Role(
            title="Autre", slug=existing.slug, summary="Résumé.", family=existing.family
        )
        assert "existe déjà" in validation_messages(duplicate)

    def test_a_skill_appears_once_per_sheet(self):
        role, skill = make_role(), make_skill()
        RoleSkill.objects.create(role=role, skill=skill)
        assert "déjà sur la fiche" in validation_messages(RoleSkill(role=role, skill=skill))

    def test_published_excludes_drafts_and_future_sheets(self):
        public = make_role()
        make_draft()
        make_role(published_at=timezone.now() + timedelta(hours=1))
        assert list(Role.objects.published()) == [public]

    def test_alternative_titles_are_one_per_line(self):
        role = Role(
            alternative_titles="Directeur des opérations\n\n  Directrice des opérations \nDO"
        )
        assert role.alternative_title_list() == [
            "Directeur des opérations",
            "Directrice des opérations",
            "DO",
        ]

    def test_initial_ignores_accents(self):
        assert Role(title="Éditeur").initial == "E"
