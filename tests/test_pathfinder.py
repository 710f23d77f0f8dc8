"""« Où puis-je aller ? » : from where a person stands, the sheets within reach, ranked."""

import re

import pytest

from roles.models import RoleSkill, Skill
from roles.pathfinder import from_sheets, from_skills

from .factories import make_draft, make_role, make_skill
from .test_views import page

pytestmark = pytest.mark.django_db


def destination_items(html):
    return re.findall(r'<li class="destination">(.*?)</li>', html, re.S)


def destination_for(html, title):
    return next(item for item in destination_items(html) if f">{title}</a>" in item)


def test_from_a_sheet_the_page_lists_each_move_with_its_path_skills_and_pay(client, fixture_sheets):
    html = page(client, "/mon-evolution/?depuis=chef-de-secteur")
    assert "Depuis <a" in html and ">Chef de secteur</a>" in html
    for title in ["Directeur régional", "Chief Operating Officer (COO)"]:
        item = destination_for(html, title)
        assert "Chef de secteur → " in item and "Promotion" in item  # the path and its kind
        assert "Compétences indispensables à acquérir" in item
        assert re.search(r"brut par an \((\+|\u2212|±)", item), "the change in pay"


def test_a_move_in_two_steps_shows_both_steps(client, fixture_sheets):
    html = page(client, "/mon-evolution/?depuis=chef-de-secteur")
    item = destination_for(html, "Directeur de filiale")
    assert item.count("Promotion") == 2


def test_the_ranking_follows_the_stated_score(fixture_sheets):
    start = fixture_sheets.get(slug="chef-de-secteur")
    for order in ["effort", "salaire", "etapes"]:
        found = from_sheets([start.pk], order).destinations
        keys = [destination.sort_key(order) for destination in found]
        assert keys == sorted(keys) and len(found) >= 3
    by_effort = from_sheets([start.pk], "effort").destinations
    efforts = [len(destination.to_acquire) for destination in by_effort]
    assert efforts == sorted(efforts)
    by_pay = from_sheets([start.pk], "salaire").destinations
    gains = [destination.pay_gain or 0 for destination in by_pay]
    assert gains == sorted(gains, reverse=True)


def test_the_page_explains_its_ranking_and_offers_the_others(client, fixture_sheets):
    html = page(client, "/mon-evolution/?depuis=chef-de-secteur")
    assert "Classement\u00a0: d’abord le moins de compétences indispensables" in html
    assert 'href="?depuis=chef-de-secteur&amp;ordre=salaire"' in html


def test_a_title_typed_finds_its_sheet(client, fixture_sheets):
    html = page(client, "/mon-evolution/?depuis=Chef+de+secteur")
    assert ">Chef de secteur</a></h2>" in html


def test_a_free_title_is_matched_by_the_search(client, fixture_sheets):
    html = page(client, "/mon-evolution/?depuis=directeur+des+ventes+régional")
    assert "D’après votre recherche" in html and destination_items(html)


def test_from_five_ticked_skills_at_least_three_sheets_are_ranked(client, fixture_sheets):
    skills = list(Skill.objects.in_use().order_by("name").values_list("slug", flat=True)[:5])
    query = "&".join(f"competences={slug}" for slug in skills)
    html = page(client, f"/mon-evolution/?{query}")
    assert "Depuis vos 5 compétences" in html
    assert len(destination_items(html)) >= 3
    ids = list(Skill.objects.filter(slug__in=skills).values_list("pk", flat=True))
    found = from_skills(ids).destinations
    efforts = [len(destination.to_acquire) for destination in found]
    assert efforts == sorted(efforts)


def test_the_graph_nodes_link_to_the_sheets(client, fixture_sheets):
    html = page(client, "/mon-evolution/?depuis=chef-de-secteur")
    svg = html.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert 'href="/metiers/directeur-regional/"' in svg and "path-graph__edge--promotion" in svg


@pytest.mark.parametrize(
    "query",
    [
        "depuis=",
        "depuis=" + "x" * 5000,
        "depuis=a%00b",
        "depuis=%3Cscript%3Ealert(1)%3C/script%3E",
        "depuis=metier-qui-n-existe-pas",
        "competences=inconnue",
        "competences=%00",
        "ordre=nimporte",
        "depuis=coo&ordre=%00",
    ],
)
def test_bad_input_gets_a_french_page_never_an_error(client, fixture_sheets, query):
    response = client.get(f"/mon-evolution/?{query}")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)" not in html
    assert "Où puis-je aller" in html


def test_an_unknown_start_helps_to_rephrase(client, fixture_sheets):
    html = page(client, "/mon-evolution/?depuis=zzzzqqq")
    assert "Aucun métier ne correspond à «\u202fzzzzqqq\u202f»" in html
    assert "Essayez un intitulé plus court" in html


def test_too_long_a_start_says_so(client, fixture_sheets):
    html = page(client, "/mon-evolution/?depuis=" + "x" * 5000)
    assert "Ce métier est trop long" in html and 'role="alert"' in html


def test_the_page_is_public_like_every_page(client, fixture_sheets):
    response = client.get("/mon-evolution/?depuis=chef-de-secteur")
    assert response["Cache-Control"] == "public, max-age=60" and not response.cookies


def test_the_header_links_to_the_pathfinder(client, fixture_sheets):
    assert 'href="/mon-evolution/"' in page(client, "/")


def test_each_sheet_and_the_career_map_link_to_the_pathfinder(client, fixture_sheets):
    assert 'href="/mon-evolution/?depuis=coo"' in page(client, "/metiers/coo/")
    assert 'href="/mon-evolution/"' in page(client, "/parcours/")


def test_an_official_title_starts_at_the_sheets_carrying_its_rome_code(client, fixture_sheets):
    html = page(client, "/mon-evolution/?depuis=Responsable+fidélisation+clientèle")
    carrying = fixture_sheets.filter(rome_code="M1704").order_by("sort_title")
    assert carrying.count() == 2
    heading = html.split('<h2 id="result-title">', 1)[1].split("</h2>", 1)[0]
    assert all(f">{sheet.title}</a>" in heading for sheet in carrying)
    assert "appellation officielle" in html and "M1704" in html


def test_the_skills_offered_are_those_of_public_sheets(client):
    public, drafted, unused = make_skill(), make_skill(), make_skill()
    RoleSkill.objects.create(role=make_role(), skill=public)
    RoleSkill.objects.create(role=make_draft(), skill=drafted)
    html = page(client, "/mon-evolution/")
    assert f'value="{public.slug}"' in html
    assert f'value="{drafted.slug}"' not in html and f'value="{unused.slug}"' not in html
    assert list(Skill.objects.used()) == list(Skill.objects.in_use())
