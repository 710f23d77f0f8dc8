"""Comparison: two or three sheets side by side, reachable from every sheet."""

import pytest

from roles.models import CareerMove, RoleSkill, Salary, TrainingPath

from .factories import make_draft, make_family, make_role, make_skill
from .test_queries import queries_to_render
from .test_views import page

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair():
    crm, sql, negotiation = (
        make_skill(name="CRM"),
        make_skill(name="SQL"),
        make_skill(name="Négociation"),
    )
    manager = make_role(
        title="CRM manager", slug="crm-manager", family=make_family(name="Relation client")
    )
    director = make_role(title="Directeur commercial", slug="directeur-commercial")
    for role, skills in [(manager, [crm, sql]), (director, [crm, negotiation])]:
        for skill in skills:
            RoleSkill.objects.create(role=role, skill=skill)
    TrainingPath.objects.create(role=manager, level="bac5", institution="business")
    CareerMove.objects.create(from_role=manager, to_role=director, years_of_experience=8)
    Salary.objects.create(role=manager, amount_typical=45_000)
    manager.missions.create(text="Piloter les campagnes.")
    CareerMove.objects.create(from_role=manager, to_title="Directeur marketing")
    return manager, director


def columns(html):
    return html.split('class="compare__column"')[1:]


def test_two_sheets_side_by_side_with_shared_skills_and_gaps(client, pair):
    html = page(client, "/comparer/?metiers=crm-manager,directeur-commercial")
    manager, director = columns(html)
    assert "CRM manager" in manager and "Relation client" in manager
    shared = '<mark>CRM</mark> <span class="compare__shared">(commune)</span>'
    assert shared in manager and shared in director
    gap = manager[manager.index("À acquérir") :]
    assert "Négociation" in gap and "SQL" not in gap
    assert "SQL" in director[director.index("À acquérir") :]
    assert f'<a href="{pair[0].get_absolute_url()}">CRM manager</a>' in director
    assert "Bac+5" in manager and "45\u202f000\u00a0€" in manager
    assert "Piloter les campagnes." in manager and "<span>Directeur marketing</span>" in manager


def test_three_sheets_and_repeated_parameters(client, pair):
    make_role(title="Chef de produit", slug="chef-de-produit")
    html = page(
        client, "/comparer/?metiers=crm-manager&metiers=directeur-commercial,chef-de-produit"
    )
    assert len(columns(html)) == 3 and "compare--3" in html
    assert '<option value="chef-de-produit" selected>' in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Choisissez deux ou trois fiches métiers à comparer."),
        ("?metiers=crm-manager", "Choisissez deux ou trois fiches métiers à comparer."),
        ("?metiers=crm-manager,crm-manager", "Choisissez deux ou trois fiches métiers à comparer."),
        ("?metiers=a,b,c,d", "Vous pouvez comparer trois fiches au plus à la fois."),
        (
            "?metiers=crm-manager,inconnue",
            "Fiche métier introuvable\u00a0: «\u202finconnue\u202f».",
        ),
        ("?metiers=crm-manager,secret", "Fiche métier introuvable\u00a0: «\u202fsecret\u202f»."),
        ("?metiers=" + "x," * 2000, "Cette liste de fiches est trop longue."),
        (
            "?metiers=%00,%3Cscript%3E,x",
            "Fiche métier introuvable\u00a0: «\u202f&lt;script&gt;\u202f», «\u202fx\u202f».",
        ),
    ],
)
def test_bad_requests_get_a_clear_french_message(client, pair, query, message):
    make_draft(slug="secret")
    html = page(client, "/comparer/" + query)
    assert message.replace("'", "’") in html and "<script>" not in html
    assert 'class="compare__column"' not in html


def test_every_sheet_offers_a_comparison(client, pair):
    manager, director = pair
    html = page(client, manager.get_absolute_url())
    assert 'action="/comparer/"' in html and 'name="metiers" value="crm-manager"' in html
    assert '<option value="directeur-commercial">' in html
    assert "/comparer/?metiers=crm-manager,directeur-commercial" in html
    alone = make_role(slug="seul")
    assert "/comparer/?metiers=seul" in page(client, alone.get_absolute_url())
    assert "Choisir une fiche" in page(client, "/comparer/?metiers=seul")


def test_query_count_does_not_depend_on_the_sheets_size(client, pair):
    few = queries_to_render(client, "/comparer/?metiers=crm-manager,directeur-commercial")
    manager, _ = pair
    for _ in range(5):
        RoleSkill.objects.create(role=manager, skill=make_skill())
        manager.missions.create(text="Encore une mission.")
    assert queries_to_render(client, "/comparer/?metiers=crm-manager,directeur-commercial") == few


def test_with_many_sheets_the_picker_becomes_a_search(client, pair, monkeypatch):
    monkeypatch.setattr("roles.views.compare.PICKER_LIMIT", 1)
    html = page(client, "/comparer/?metiers=crm-manager")
    assert 'action="/recherche/"' in html and 'name="comparer" value="crm-manager"' in html
    assert "Choisir une fiche" not in html
    results = page(client, "/recherche/?q=directeur&comparer=crm-manager")
    assert "Choisissez la fiche à comparer avec" in results
    assert 'name="comparer" value="crm-manager"' in results
    assert 'href="/comparer/?metiers=crm-manager,directeur-commercial">Comparer avec' in results


def test_an_unknown_sheet_to_compare_with_is_ignored_by_the_search(client, pair):
    html = page(client, "/recherche/?q=directeur&comparer=inconnue")
    assert "Directeur commercial" in html and "Comparer avec" not in html
