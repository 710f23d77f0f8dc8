"""The sheets shipped in fixtures/: complete, valid, linked, and faithful to the source sheet."""

import re
from html import unescape

import pytest
from django.apps import apps

from roles.models import Role

pytestmark = pytest.mark.django_db

INTERNAL_LINK = re.compile(r'href="(/[^"#]*)"')


def visible_text(response):
    html = response.content.decode()
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())  # no-break spaces too


def test_every_fixture_object_is_valid(fixture_sheets):
    for model in apps.get_app_config("roles").get_models():
        for obj in model.objects.all():
            obj.full_clean()


def test_at_least_eleven_complete_sheets(fixture_sheets):
    sheets = fixture_sheets.for_detail()
    assert len(sheets) >= 11
    for role in sheets:
        assert role.summary and role.introduction and role.tagline and role.reporting_line, role
        assert role.alternative_title_list(), role
        assert role.core_missions() and role.essential_skills(), role
        assert role.training_paths.all() and role.salaries.all(), role
        assert role.incoming_moves.all() or role.outgoing_moves.all(), role
        assert role.sectors.all() and role.tags.all() and role.related_roles.all(), role
        assert all(salary.year for salary in role.salaries.all()), role


def test_every_internal_link_of_every_page_resolves(client, fixture_sheets):
    to_visit = ["/"] + [role.get_absolute_url() for role in fixture_sheets]
    seen = set()
    while to_visit:
        url = to_visit.pop()
        if url in seen or url.startswith(("/admin/", "/static/")):
            continue
        seen.add(url)
        response = client.get(unescape(url))
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        to_visit.extend(INTERNAL_LINK.findall(response.content.decode()))
    assert len(seen) > 40  # sheets, families, skills, sectors, tags, lists


def test_the_coo_sheet_carries_the_facts_of_the_source_sheet(client, fixture_sheets):
    text = visible_text(client.get("/metiers/coo/"))
    facts = [
        "Chief Operating Officer (COO)",
        "Directeur des opérations",
        "Directrice des opérations",
        "direction générale",
        "Bac+5",
        "école de commerce",
        "école de gestion",
        "école d’ingénieurs",
        "université",
        "management",
        "marketing",
        "commerce",
        "droit",
        "économie",
        "gestion commerciale",
        "Chef de secteur",
        "Directeur régional",
        "Directeur de filiale",
        "Directeur général délégué",
        "PDG",
        "Industrie",
        "Grande distribution",
        "Anglais",
        "Un vrai plus",
        "environ 3 000 €",
        "Leadership",
        "Chief Experience Officer",
        "Selon le type d’entreprise",
        "Vous recrutez pour un poste de COO ?",
    ]
    missing = [fact for fact in facts if fact.lower() not in text.lower()]
    assert not missing


def test_the_coo_sheet_links_to_the_cxo_sheet(client, fixture_sheets):
    cxo = Role.objects.get(slug="chief-experience-officer")
    assert f'href="{cxo.get_absolute_url()}"' in client.get("/metiers/coo/").content.decode()
