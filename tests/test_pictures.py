"""Pictures: career diagrams and salary charts, drawn on the server, readable without them."""

import re

import pytest

from roles.charts import nice_ceiling
from roles.models import CareerMove, Salary

from .factories import fill_sheet, make_draft, make_family, make_role
from .test_queries import queries_to_render
from .test_views import page

pytestmark = pytest.mark.django_db


def no_inline_styles(html):
    """No inline style and no script but JSON-LD data blocks (never executed)."""
    scripts = re.findall(r"<script[^>]*>", html)
    data_only = all('type="application/ld+json"' in script for script in scripts)
    return not re.search(r"\sstyle=", html) and "<style" not in html and data_only


class TestCareerDiagram:
    def test_shows_moves_both_ways_with_kind_years_and_links(self, client):
        role = make_role(title="Directeur régional")
        junior = make_role(title="Chef de secteur")
        CareerMove.objects.create(
            from_role=junior, to_role=role, kind=CareerMove.Kind.PROMOTION, years_of_experience=6
        )
        CareerMove.objects.create(from_role=role, to_title="Consultant", kind="change")
        html = page(client, role.get_absolute_url())
        diagram = html[html.index('class="career-flow"') : html.index("</figure>")]
        assert f'<a href="{junior.get_absolute_url()}">Chef de secteur</a>' in diagram
        assert "career-node--promotion" in diagram and "après 6 ans d’expérience" in diagram
        assert "<span>Consultant</span>" in diagram and "Reconversion" in diagram
        assert "<figcaption" in diagram and no_inline_styles(html)


class TestSalaryChart:
    def test_bars_sit_on_a_shared_yearly_axis_and_the_table_repeats_the_figures(self, client):
        role = make_role()
        Salary.objects.create(
            role=role, amount_min=36_000, amount_typical=40_000, amount_max=45_000
        )
        Salary.objects.create(
            role=role, experience="senior", amount_typical=7_500, period=Salary.Period.MONTH
        )
        html = page(client, role.get_absolute_url())
        start = html.index('class="chart salary-chart"')
        chart = html[start : html.index("</figure>", start)]
        # Axis from 0 to 90 000 (senior 7 500 a month = 90 000 a year).
        assert "de 0 à 90\u202f000\u00a0€" in chart
        assert 'x="40.0%"' in chart and 'width="10.0%"' in chart and 'cx="44.4%"' in chart
        assert 'cx="100.0%"' in chart
        assert "36\u202f000\u00a0€ à 45\u202f000\u00a0€" in chart
        table = html[html.index('<table class="salaries">') :]
        assert "36\u202f000\u00a0€ à 45\u202f000\u00a0€" in table and "90\u202f000\u00a0€" in table
        assert no_inline_styles(html)

    def test_axis_ends_are_round(self):
        assert [nice_ceiling(n) for n in [87_000, 4_200, 100_000, 0]] == [90_000, 5_000, 100_000, 1]


class TestCareerMap:
    def test_groups_public_sheets_by_family_with_their_moves(self, client):
        sales, crm = make_family(name="Commercial", order=1), make_family(name="CRM", order=2)
        kam = make_role(title="Key account manager", family=sales)
        director = make_role(title="Directeur commercial", family=sales)
        make_role(title="CRM manager", family=crm)
        hidden = make_draft(title="Brouillon", family=sales)
        CareerMove.objects.create(from_role=kam, to_role=director, years_of_experience=8)
        CareerMove.objects.create(from_role=director, to_role=hidden)
        html = page(client, "/parcours/")
        assert (
            html.index("Commercial") < html.index("Key account manager") < html.index("CRM manager")
        )
        assert html.count(f'<a href="{director.get_absolute_url()}">Directeur commercial</a>') == 2
        assert hidden.get_absolute_url() not in html and "<span>Brouillon</span>" in html
        assert "après 8 ans" in html and no_inline_styles(html)

    def test_queries_do_not_grow_with_the_number_of_sheets(self, client):
        family = make_family()
        for _ in range(2):
            fill_sheet(make_role(family=family))
        few = queries_to_render(client, "/parcours/")
        for _ in range(10):
            fill_sheet(make_role(family=family))
        assert queries_to_render(client, "/parcours/") == few


class TestSalaryComparison:
    @pytest.fixture
    def roles(self):
        def role(title, hiring, senior):
            role = make_role(title=title)
            Salary.objects.create(role=role, amount_typical=hiring)
            Salary.objects.create(role=role, experience="senior", amount_typical=senior)
            return role

        return [
            role("Alpha", 40_000, 60_000),
            role("Bêta", 30_000, 90_000),
            make_role(title="Gamma"),
        ]

    def titles_in_order(self, html, titles):
        return sorted(titles, key=html.index)

    def test_lists_every_sheet_with_its_figures_and_a_chart(self, client, roles):
        html = page(client, "/salaires/")
        assert self.titles_in_order(html, ["Alpha", "Bêta", "Gamma"]) == ["Alpha", "Bêta", "Gamma"]
        assert "40\u202f000\u00a0€" in html and "non renseigné" in html
        assert 'cx="66.7%"' in html  # 60 000 on an axis to 90 000
        assert no_inline_styles(html)

    def test_sorts_by_a_stage_both_ways(self, client, roles):
        html = page(client, "/salaires/?tri=senior&sens=desc")
        assert self.titles_in_order(html, ["Alpha", "Bêta", "Gamma"]) == ["Bêta", "Alpha", "Gamma"]
        assert 'aria-sort="descending"' in html and "tri=senior&amp;sens=asc" in html
        html = page(client, "/salaires/?tri=embauche")
        assert self.titles_in_order(html, ["Alpha", "Bêta", "Gamma"]) == ["Bêta", "Alpha", "Gamma"]

    def test_an_unknown_sort_gets_a_message_and_the_default_order(self, client, roles):
        html = page(client, "/salaires/?tri=prix&sens=haut")
        assert "Ce classement n’existe pas" in html
        assert self.titles_in_order(html, ["Alpha", "Bêta", "Gamma"]) == ["Alpha", "Bêta", "Gamma"]

    def test_queries_do_not_grow_with_the_number_of_sheets(self, client):
        fill_sheet(make_role())
        few = queries_to_render(client, "/salaires/")
        for _ in range(10):
            fill_sheet(make_role())
        assert queries_to_render(client, "/salaires/") == few


def test_pictures_are_in_the_navigation(client):
    html = page(client, "/")
    assert 'href="/parcours/"' in html and 'href="/salaires/"' in html
