"""Content completeness: what each sheet lacks, in the admin and in `manage.py check_sheets`."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from roles.completeness import check_sheets
from roles.models import CareerMove, Mission, Role, Salary
from roles.permissions import RECRUITERS

from .factories import fill_sheet, make_draft, make_role, make_staff_member

pytestmark = pytest.mark.django_db

COMPLETENESS = reverse("admin:roles_role_completeness")

LONG_INTRODUCTION = "Un métier de terrain et de stratégie. " * 20


def complete_sheet(**fields):
    role = fill_sheet(make_role(introduction=LONG_INTRODUCTION, **fields), size=3)
    role.salaries.update(year=2025)
    role.outgoing_moves.filter(to_role=None).delete()
    return role


def messages(role):
    (sheet,) = check_sheets(Role.objects.filter(pk=role.pk))
    return [problem.message for problem in sheet.problems]


class TestChecks:
    def test_a_complete_sheet_has_nothing_to_report(self):
        role = complete_sheet()
        (sheet,) = check_sheets(Role.objects.filter(pk=role.pk))
        assert sheet.problems == [] and sheet.score == 100

    def test_empty_and_thin_sections_are_reported(self):
        role = make_role(introduction="Trop court.")
        Mission.objects.create(role=role, text="Une seule mission")
        found = messages(role)
        assert "Introduction courte\u00a0: 2 mots (au moins 80)." in found
        assert "Seulement 1 mission\u00a0: au moins 3 conseillées." in found
        for empty in [
            "Aucune compétence.",
            "Aucune formation.",
            "Aucun salaire.",
            "Aucun secteur.",
        ]:
            assert empty in found
        assert "Aucune évolution de carrière." in found

    def test_salaries_without_a_year_are_reported(self):
        role = complete_sheet()
        Salary.objects.create(role=role, amount_typical=40000, year=None)
        assert "Salaire «\u202fÀ l’embauche\u202f» sans année des données." in messages(role)

    def test_career_steps_naming_a_job_without_a_sheet(self):
        role = complete_sheet()
        make_role(title="Directeur général")
        CareerMove.objects.create(from_role=role, to_title="Président")
        CareerMove.objects.create(from_role=role, to_title="directeur general")
        found = messages(role)
        assert (
            "«\u202fPrésident\u202f» n’a pas encore de fiche\u00a0: elle pourrait être créée."
            in found
        )
        assert any("«\u202fdirecteur general\u202f» a une fiche" in m for m in found)

    def test_links_to_drafts_are_broken_links_on_public_sheets(self):
        role, draft = complete_sheet(), make_draft(title="Fiche en cours")
        CareerMove.objects.create(from_role=role, to_role=draft)
        role.related_roles.add(draft)
        (sheet,) = [h for h in check_sheets() if h.role == role]
        assert len(sheet.broken_links) == 2
        assert any(
            "«\u202fFiche en cours\u202f» n’est pas publiée" in p.message for p in sheet.problems
        )

    def test_introduction_links_to_sheets_that_are_not_public(self):
        make_role(slug="coo")
        make_draft(slug="cache")
        text = LONG_INTRODUCTION + " Voir [le COO](/metiers/coo/) et [une autre](/metiers/cache/)."
        found = messages(make_role(introduction=text))
        assert (
            "L’introduction renvoie vers /metiers/cache/, qui n’est pas une fiche publiée." in found
        )
        assert not any("/metiers/coo/" in m for m in found)


class TestCommand:
    def test_lists_each_sheet_and_passes_without_broken_links(self, capsys):
        complete_sheet(title="Directeur des ventes")
        make_role(title="Fiche mince", introduction="")
        call_command("check_sheets")
        out = capsys.readouterr().out
        assert "Fiche mince" in out and "Introduction vide." in out
        assert "0 lien(s) cassé(s)." in out

    def test_fails_on_broken_links(self):
        role = complete_sheet()
        role.related_roles.add(make_draft())
        with pytest.raises(CommandError, match="1 lien"):
            call_command("check_sheets")


class TestAdminView:
    def test_lists_what_is_missing_on_the_fixture_sheets(self, editor_client, fixture_sheets):
        html = editor_client.get(COMPLETENESS).content.decode()
        assert html.count('<th scope="row">') == fixture_sheets.count()
        assert "«\u202fPrésident-directeur général (PDG)\u202f» n’a pas encore de fiche" in html
        assert "?title=Pr%C3%A9sident-directeur+g%C3%A9n%C3%A9ral+%28PDG%29" in html
        assert "manage.py" not in html

    def test_sorts_by_completeness_or_title(self, editor_client):
        complete_sheet(title="Alpha complète")
        make_role(title="Zulu vide", introduction="")
        worst_first = editor_client.get(COMPLETENESS).content.decode()
        best_first = editor_client.get(COMPLETENESS, {"o": "-score"}).content.decode()
        by_title = editor_client.get(COMPLETENESS, {"o": "titre"}).content.decode()
        assert worst_first.index("Zulu vide") < worst_first.index("Alpha complète")
        assert best_first.index("Alpha complète") < best_first.index("Zulu vide")
        assert by_title.index("Alpha complète") < by_title.index("Zulu vide")

    def test_a_job_without_a_sheet_is_a_suggestion_not_a_lower_score(self):
        role = complete_sheet()
        CareerMove.objects.create(from_role=role, to_title="Président")
        (sheet,) = check_sheets(Role.objects.filter(pk=role.pk))
        assert [p.kind for p in sheet.problems] == ["suggestion"] and sheet.score == 100

    def test_filters_by_state_and_kind_and_links_each_problem_to_its_field(self, editor_client):
        draft = make_draft(title="Brouillon mince", introduction="")
        make_role(title="Publiée mince", introduction="")
        html = editor_client.get(COMPLETENESS, {"etat": "brouillon", "probleme": "a-completer"})
        html = html.content.decode()
        assert "Brouillon mince" in html and "Publiée mince" not in html
        change = reverse("admin:roles_role_change", args=[draft.pk])
        assert f'<a href="{change}#id_introduction">Corriger</a>' in html
        assert f'<a href="{change}#missions-heading">Corriger</a>' in html
        suggestions = editor_client.get(COMPLETENESS, {"probleme": "suggestion"}).content.decode()
        assert "Brouillon mince" not in suggestions

    def test_is_linked_from_the_sheet_list(self, editor_client):
        assert (
            COMPLETENESS
            in editor_client.get(reverse("admin:roles_role_changelist")).content.decode()
        )

    def test_its_former_address_leads_to_it(self, editor_client):
        response = editor_client.get("/admin/roles/role/sante/?probleme=suggestion")
        assert response.status_code == 301
        assert response["Location"] == COMPLETENESS + "?probleme=suggestion"

    def test_recruiters_may_not_open_it(self, client):
        client.force_login(make_staff_member(RECRUITERS))
        assert client.get(COMPLETENESS).status_code == 403
