"""Browsing: list filters that combine, and sheets close to one another."""

import pytest

from roles.models import RoleSkill, Salary, TrainingPath

from .factories import make_draft, make_family, make_role, make_sector, make_skill
from .test_queries import queries_to_render
from .test_views import page

pytestmark = pytest.mark.django_db


def listed_titles(client, query):
    response = client.get("/metiers/" + query)
    assert response.status_code == 200
    return {role.title for role in response.context["roles"]}


def with_hiring_salary(role, amount, period=Salary.Period.YEAR):
    Salary.objects.create(role=role, amount_typical=amount, period=period)
    return role


class TestListFilters:
    def test_sector_filter(self, client):
        retail = make_sector(slug="grande-distribution")
        make_role(title="Chef de secteur").sectors.add(retail)
        make_role(title="CRM manager")
        assert listed_titles(client, "?secteur=grande-distribution") == {"Chef de secteur"}

    def test_education_level_filter(self, client):
        for title, level in [("Chef de produit", "bac5"), ("Chef de secteur", "bac2")]:
            role = make_role(title=title)
            TrainingPath.objects.create(role=role, level=level, institution="business")
        assert listed_titles(client, "?niveau=bac2") == {"Chef de secteur"}

    def test_hiring_salary_filter_reads_monthly_and_yearly_figures(self, client):
        with_hiring_salary(make_role(title="COO"), 3_500, Salary.Period.MONTH)  # 42 000 a year
        with_hiring_salary(make_role(title="Account executive"), 45_000)
        with_hiring_salary(make_role(title="Directeur commercial"), 80_000)
        senior = make_role(title="Senior seulement")
        Salary.objects.create(role=senior, amount_typical=40_000, experience="senior")
        assert listed_titles(client, "?salaire=35k-50k") == {"COO", "Account executive"}
        assert listed_titles(client, "?salaire=70k-100k") == {"Directeur commercial"}

    def test_filters_combine_and_stay_in_the_form_and_pagination(self, client):
        family, sector = make_family(slug="commercial"), make_sector(slug="industrie")
        kept = with_hiring_salary(make_role(title="Gardé", family=family), 40_000)
        kept.sectors.add(sector)
        kept.tags.add("terrain")
        TrainingPath.objects.create(role=kept, level="bac5", institution="business")
        other_family = with_hiring_salary(make_role(title="Autre famille"), 40_000)
        other_family.sectors.add(sector)
        with_hiring_salary(make_role(title="Autre secteur", family=family), 40_000)
        query = "?famille=commercial&secteur=industrie&tag=terrain&niveau=bac5&salaire=35k-50k"
        assert listed_titles(client, query) == {"Gardé"}
        html = page(client, "/metiers/" + query)
        for selected in ["industrie", "terrain", "bac5", "35k-50k", "commercial"]:
            assert f'<option value="{selected}" selected>' in html

    @pytest.mark.parametrize("query", ["?niveau=bac9", "?salaire=beaucoup", "?secteur=lune"])
    def test_bad_values_get_a_french_message_not_an_error(self, client, query):
        make_role(title="Visible")
        html = page(client, "/metiers/" + query)
        assert "n’existe pas." in html and "Visible" in html


def skilled_role(title, skills, **fields):
    role = make_role(title=title, **fields)
    for skill in skills:
        RoleSkill.objects.create(role=role, skill=skill)
    return role


class TestCloseRoles:
    def test_sheet_lists_others_ranked_by_shared_skills(self, client):
        a, b, c, d = (make_skill() for _ in range(4))
        role = skilled_role("Directeur commercial", [a, b, c])
        skilled_role("Key account manager", [a, b])
        skilled_role("Chef de secteur", [c, d])
        skilled_role("Sans rapport", [d])
        make_draft(title="Brouillon proche").role_skills.create(skill=a)
        html = page(client, role.get_absolute_url())
        section = html[html.index("Métiers proches") :]
        assert section.index("Key account manager") < section.index("Chef de secteur")
        assert "2 compétences en commun" in section and "1 compétence en commun" in section
        assert "Sans rapport" not in section and "Brouillon proche" not in section

    def test_skill_page_shows_close_roles_that_do_not_need_it(self, client):
        crm, sql, excel = make_skill(name="CRM"), make_skill(), make_skill()
        skilled_role("CRM manager", [crm, sql])
        skilled_role("Data analyst", [sql, excel])
        skilled_role("Comptable", [excel])
        html = page(client, crm.get_absolute_url())
        section = html[html.index("Métiers proches") :]
        assert "Data analyst" in section and "Comptable" not in section
        assert "CRM manager" not in section

    def test_skill_page_queries_do_not_grow_with_close_roles(self, client):
        crm, sql = make_skill(), make_skill()
        skilled_role("CRM manager", [crm, sql])
        few = queries_to_render(client, crm.get_absolute_url())
        for i in range(10):
            skilled_role(f"Voisin {i}", [sql])
        assert queries_to_render(client, crm.get_absolute_url()) == few
