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


# As saved: in French typography.
SEED_SOURCE = "Fiche métier Promel «\u202fChief Operating Officer\u202f»"
ESTIMATE = "Estimation à confirmer par la rédaction de Promel"


def test_salary_figures_name_only_a_source_the_project_has(fixture_sheets):
    from roles.models import Salary

    sources = set(Salary.objects.values_list("source", flat=True))
    assert sources == {SEED_SOURCE, ESTIMATE}
    # The one figure of the seed sheet, as the seed states it: about 3,000 € gross a month.
    [seed] = Salary.objects.filter(source=SEED_SOURCE)
    assert (seed.role.slug, seed.experience, seed.period) == ("coo", "hiring", "month")
    assert (seed.amount_min, seed.amount_typical, seed.amount_max) == (None, 3000, None)


def test_no_fixture_text_cites_a_guide_or_survey_nobody_read(fixture_sheets, client):
    for role in fixture_sheets:
        text = visible_text(client.get(role.get_absolute_url()))
        for invented in ["Apec", "guides de rémunération", "cabinets de recrutement"]:
            assert invented not in text, (role.slug, invented)
        assert f"Source : {ESTIMATE}" in text or role.slug == "coo", role.slug


def test_percentages_in_the_notes_are_labelled_as_estimates(fixture_sheets):
    from roles.models import Salary

    notes = [role.salary_note for role in fixture_sheets]
    notes += list(Salary.objects.values_list("note", flat=True))
    for note in notes:
        if "%" in note:
            assert "(estimation à confirmer)" in note, note


def test_each_fixture_sheet_has_its_own_last_update(fixture_sheets, client):
    dates = list(fixture_sheets.values_list("updated_at", flat=True))
    assert len(set(dates)) == len(dates)
    assert all(date >= role.published_at for role, date in zip(fixture_sheets, dates, strict=True))
    atom = client.get("/flux/atom/").content.decode()
    updated = re.findall(r"<entry>.*?<updated>([^<]+)</updated>", atom, re.DOTALL)
    assert len(updated) == len(dates) and len(set(updated)) == len(updated)


def test_no_fixture_sheet_claims_a_review(fixture_sheets, client):
    assert not fixture_sheets.filter(reviewed_at__isnull=False).exists()
    for role in fixture_sheets:
        assert "Relue le" not in client.get(role.get_absolute_url()).content.decode()
