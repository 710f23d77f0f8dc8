"""The read-only JSON API: public sheets only, filters, pagination, clear errors."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.utils import timezone

from .factories import fill_sheet, make_draft, make_role, make_sector
from .test_queries import queries_to_render
from .test_views import page

pytestmark = pytest.mark.django_db


def api(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.content)
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_list_returns_every_public_sheet_and_hides_the_others(client, fixture_sheets, settings):
    make_draft(slug="brouillon")
    make_role(slug="programmee", published_at=timezone.now() + timedelta(days=1))
    data = api(client, "/api/metiers/")
    assert data["count"] == fixture_sheets.count() == len(data["results"])
    assert data["next"] is None and data["previous"] is None
    slugs = {sheet["slug"] for sheet in data["results"]}
    assert slugs == set(fixture_sheets.values_list("slug", flat=True))
    first = data["results"][0]
    assert set(first) == {
        "slug", "title", "short_name", "summary", "family", "updated_at", "url", "api_url",
    }  # fmt: skip
    assert first["api_url"] == f"{settings.SITE_URL}/api/metiers/{first['slug']}/"
    api(client, "/api/metiers/brouillon/", status=404)
    api(client, "/api/metiers/programmee/", status=404)


def test_every_public_sheet_has_its_document(client, fixture_sheets):
    for role in fixture_sheets.for_detail():
        sheet = api(client, f"/api/metiers/{role.slug}/")
        assert sheet["title"] == role.title
        assert [m["text"] for m in sheet["missions"]] == [m.text for m in role.missions.all()]
        assert [(s["skill"]["slug"], s["weight"]) for s in sheet["skills"]] == [
            (rs.skill.slug, rs.weight) for rs in role.role_skills.all()
        ]
        assert len(sheet["training"]) == role.training_paths.count()
        assert len(sheet["salaries"]) == role.salaries.count()
        assert sheet["codes"]["isco"] == (role.isco_code_id or "")
        assert sheet["codes"]["rome"] == (role.rome_code_id or "")
        if role.rome_code_id:
            assert sheet["codes"]["rome_label"] == role.rome_code.label


def test_document_links_career_moves_and_related_sheets_only_when_public(client, settings):
    role = fill_sheet(make_role(slug="coo"))
    draft = make_draft(title="Fiche cachée", slug="cachee")
    role.related_roles.add(draft)
    role.outgoing_moves.create(to_role=draft, kind="promotion", years_of_experience=3)
    sheet = api(client, "/api/metiers/coo/")
    outgoing = sheet["career"]["outgoing"]
    assert {"slug": None, "title": "Fiche cachée", "url": None} in [m["to"] for m in outgoing]
    assert "cachee" not in str(sheet)
    incoming = sheet["career"]["incoming"][0]["from"]
    assert incoming["url"] == f"{settings.SITE_URL}/metiers/{incoming['slug']}/"
    assert sheet["salaries"][0]["gross_yearly"] == {"min": 40000, "typical": 50000, "max": 60000}
    assert sheet["skills"][1]["weight"] == "plus"


def test_filters_by_family_sector_and_tag(client):
    sector = make_sector(slug="industrie")
    kept = make_role(title="Gardée")
    kept.sectors.add(sector)
    kept.tags.add("négociation")
    other = make_role(title="Écartée", family=kept.family)
    other.sectors.add(sector)
    make_role(title="Autre famille").tags.add("négociation")
    family = kept.family.slug
    for query, titles in [
        (f"family={family}", {"Gardée", "Écartée"}),
        ("sector=industrie", {"Gardée", "Écartée"}),
        ("tag=negociation", {"Gardée", "Autre famille"}),
        (f"family={family}&sector=industrie&tag=negociation", {"Gardée"}),
    ]:
        results = api(client, f"/api/metiers/?{query}")["results"]
        assert {sheet["title"] for sheet in results} == titles, query


def test_pagination_gives_absolute_next_and_previous_links(client, settings):
    settings.API_PAGE_SIZE = 2
    family = make_role().family
    for _ in range(4):
        make_role(family=family)
    first = api(client, f"/api/metiers/?family={family.slug}")
    assert first["count"] == 5 and len(first["results"]) == 2
    assert first["next"] == f"{settings.SITE_URL}/api/metiers/?family={family.slug}&page=2"
    last = api(client, first["next"].replace(settings.SITE_URL, "").replace("page=2", "page=3"))
    assert len(last["results"]) == 1 and last["next"] is None
    assert last["previous"].endswith(f"?family={family.slug}&page=2")


@pytest.mark.parametrize(
    "query, parameter, message",
    [
        ("family=inconnue", "family", "Cette famille n’existe pas."),
        ("sector=inconnu", "sector", "Ce secteur n’existe pas."),
        ("tag=inconnue", "tag", "Cette étiquette n’existe pas."),
        ("page=abc", "page", "Le numéro de page doit être un nombre entier."),
        ("page=0", "page", "Les pages sont numérotées à partir de 1."),
        ("page=99", "page", "Cette page n’existe pas\u00a0: la dernière est la page 1."),
        (
            "famille=x",
            "famille",
            "Paramètre inconnu. Paramètres acceptés\u00a0: family, sector, tag, page.",
        ),
        ("family=%00", "family", "Le caractère nul n’est pas autorisé."),
    ],
)
def test_bad_parameters_get_a_400_in_french(client, query, parameter, message):
    make_role()
    assert api(client, f"/api/metiers/?{query}", status=400) == {
        "error": message,
        "parameter": parameter,
    }


def test_unknown_sheet_gets_a_json_404(client):
    assert api(client, "/api/metiers/inconnue/", status=404)["error"] == (
        "Aucune fiche publiée ne porte cet identifiant."
    )


def test_the_api_is_read_only(client):
    role = make_role()
    assert client.post("/api/metiers/").status_code == 405
    assert client.delete(f"/api/metiers/{role.slug}/").status_code == 405


def test_document_query_count_does_not_depend_on_the_sheet_size(client):
    small, large = fill_sheet(make_role(), size=1), fill_sheet(make_role(), size=30)
    assert queries_to_render(client, f"/api/metiers/{small.slug}/") == queries_to_render(
        client, f"/api/metiers/{large.slug}/"
    )


def test_the_open_data_page_documents_the_api_with_working_examples(client, fixture_sheets):
    html = page(client, "/donnees-ouvertes/")
    assert 'href="/donnees-ouvertes/"' in page(client, "/")  # linked from every page's footer
    examples = re.findall(r'href="(/api/[^"]*)"', html)
    assert len(examples) == 4  # the list, a family, a sheet, the OpenAPI document
    for url in examples:
        api(client, unescape(url))


def test_a_public_sheet_page_points_to_its_json_document(client, settings):
    role = make_role(slug="coo")
    html = page(client, role.get_absolute_url())
    assert (
        f'<link rel="alternate" type="application/json" title="Cette fiche en JSON" '
        f'href="{settings.SITE_URL}/api/metiers/coo/">' in html
    )
