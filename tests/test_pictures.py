"""Pictures: career diagrams and salary charts, drawn on the server, readable without them."""

import re

import pytest

from roles.charts import Job, columns_by_depth, layered_graph, nice_ceiling
from roles.models import CareerMove, Role, Salary

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


def family_section(html, name):
    start = html.index(f">{name}</h2>")
    end = html.find('<section class="career-map__family"', start)
    return html[start : end if end != -1 else len(html)]


class TestCareerMap:
    @pytest.fixture
    def sales(self):
        sales = make_family(name="Commercial", order=1)
        kam = make_role(title="Key account manager", family=sales)
        director = make_role(title="Directeur commercial", family=sales)
        hidden = make_draft(title="Brouillon", family=sales)
        CareerMove.objects.create(from_role=kam, to_role=director, years_of_experience=8)
        CareerMove.objects.create(from_role=director, to_role=hidden, kind="lateral")
        CareerMove.objects.create(from_title="Commercial terrain", to_role=kam, kind="change")
        return kam, director, hidden

    def test_draws_each_family_as_a_graph_whose_nodes_link_to_the_sheets(self, client, sales):
        kam, director, hidden = sales
        make_role(title="CRM manager", family=make_family(name="CRM", order=2))
        html = page(client, "/parcours/")
        assert html.index(">Commercial</h2>") < html.index(">CRM</h2>")
        svg = family_section(html, "Commercial").split("<svg", 1)[1].split("</svg>", 1)[0]
        for sheet in (kam, director):
            assert f'<a href="{sheet.get_absolute_url()}" tabindex="-1"><title>{sheet.title}' in svg
        # A draft and a plain title are drawn, but are no links.
        assert "<a><title>Brouillon</title>" in svg and "<a><title>Commercial terrain" in svg
        assert hidden.get_absolute_url() not in html
        kinds = re.findall(r'class="path-graph__edge path-graph__edge--(\w+)"', svg)
        assert sorted(kinds) == ["change", "lateral", "promotion"]
        assert no_inline_styles(html)

    def test_lists_the_same_moves_as_text_family_by_family(self, client, sales):
        kam, director, _ = sales
        moves = family_section(page(client, "/parcours/"), "Commercial")
        moves = moves.split('<ul class="career-map__moves">', 1)[1].split("</ul>", 1)[0]
        items = re.findall(r"<li>(.*?)</li>", moves, re.S)
        assert len(items) == 3
        assert items[0].startswith("<span>Commercial terrain</span> → ")
        assert "Reconversion" in items[0]
        assert f'<a href="{kam.get_absolute_url()}">Key account manager</a> → ' in items[2]
        assert "Promotion, après 8 ans d’expérience environ" in items[2]
        assert items[2].endswith(
            f'<a href="{director.get_absolute_url()}">Directeur commercial</a>'
        )
        assert "Mobilité latérale" in items[1] and items[1].endswith("<span>Brouillon</span>")

    def test_a_chain_of_moves_reads_from_left_to_right(self, client, sales):
        svg = page(client, "/parcours/").split("<svg", 1)[1]
        node = r'<rect [^>]*\sx="(\d+)"[^>]*/><text[^>]*>([^<]+)<'
        x = {title: int(position) for position, title in re.findall(node, svg)}
        chain = ["Commercial terrain", "Key account manager", "Directeur commercial", "Brouillon"]
        assert [x[title] for title in chain] == sorted({x[title] for title in chain})

    def test_names_the_sheets_with_no_move_yet(self, client):
        alone = make_role(title="Métier sans parcours", family=make_family(name="Isolés"))
        section = family_section(page(client, "/parcours/"), "Isolés")
        assert "Sans parcours renseigné pour l’instant" in section
        assert f'<a href="{alone.get_absolute_url()}">Métier sans parcours</a>' in section
        assert "<svg" not in section

    def test_pages_follow_the_family_order_then_the_title_order(self):
        for order, titles in [(2, "MKA"), (1, "ZB"), (3, "C")]:
            family = make_family(order=order)
            for title in titles:
                make_role(title=f"Métier {title}", family=family)
        make_draft(title="Métier D", family=family)
        ordered = Role.objects.published().for_list()
        pages = ordered.by_family()
        assert pages.count() == len(ordered) == 6
        for window in [
            slice(0, 6),
            slice(0, 2),
            slice(1, 4),
            slice(1, 6),
            slice(2, 3),
            slice(4, 9),
        ]:
            assert pages[window] == list(ordered[window]), window
        assert [role.title[-1] for role in pages[0:6]] == list("BZAKMC")

    def test_queries_do_not_grow_with_the_number_of_sheets(self, client):
        family = make_family()
        for _ in range(2):
            fill_sheet(make_role(family=family))
        few = queries_to_render(client, "/parcours/")
        for _ in range(10):
            fill_sheet(make_role(family=family))
        assert queries_to_render(client, "/parcours/") == few


class TestGraphLayout:
    def jobs(self, *keys):
        return [Job(key, key, None, "member") for key in keys]

    def test_a_job_stands_right_of_every_job_leading_to_it(self):
        links = [("a", "b", "promotion"), ("b", "c", "promotion"), ("a", "c", "change")]
        columns = columns_by_depth(self.jobs("c", "b", "a"), links)
        assert [[job.key for job in column] for column in columns] == [["a"], ["b"], ["c"]]

    def test_a_cycle_is_broken_and_every_job_placed(self):
        links = [("a", "b", "lateral"), ("b", "a", "lateral"), ("b", "c", "promotion")]
        columns = columns_by_depth(self.jobs("a", "b", "c"), links)
        assert [[job.key for job in column] for column in columns] == [["a"], ["b"], ["c"]]
        graph = layered_graph(columns, links)
        assert len(graph["nodes"]) == 3 and len(graph["edges"]) == 3

    def test_jobs_are_ordered_like_those_leading_to_them(self):
        links = [("a", "y", "promotion"), ("b", "x", "promotion")]
        columns = columns_by_depth(self.jobs("a", "b", "x", "y"), links)
        assert [job.key for job in columns[1]] == ["y", "x"]


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
