"""Shared caches keep the pages without forms; the sheet caches its content, never stale."""

import json

import pytest
from django.core.management import call_command
from django.db import connection

from roles.models import Mission, Role
from roles.page_cache import bump_content_version

from .factories import fill_sheet, make_comment, make_family, make_role, make_skill

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/",
    "/metiers/",
    "/metiers/?ordre=alpha",
    "/familles/",
    "/familles/direction-generale/",
    "/competences/",
    "/competences/negociation-commerciale/",
    "/secteurs/",
    "/secteurs/industrie/",
    "/tags/negociation/",
]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_pages_without_forms_are_public_for_anonymous_visitors(client, fixture_sheets, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "public" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"]
    assert "Accept-Encoding" in response["Vary"] and "Cookie" not in response["Vary"]
    assert not response.cookies


@pytest.mark.parametrize("url", ["/metiers/coo/", "/contact/", "/recherche/?q=directeur"])
def test_pages_with_forms_or_queries_stay_private(client, fixture_sheets, url):
    assert "public" not in client.get(url)["Cache-Control"]


def test_an_editor_never_gets_a_public_page(editor_client, fixture_sheets):
    response = editor_client.get("/")
    assert "public" not in response["Cache-Control"]


def test_errors_are_not_public(client, db):
    assert "public" not in client.get("/familles/inconnue/").get("Cache-Control", "")


def sheet_html(client, role):
    return client.get(role.get_absolute_url()).content.decode()


@pytest.fixture
def role():
    role = make_role()
    Mission.objects.create(role=role, text="Piloter la production", order=1)
    return role


def test_the_sheet_content_is_served_from_the_cache(client, role):
    assert "Piloter la production" in sheet_html(client, role)
    with connection.cursor() as cursor:  # behind the application's back: no signal
        cursor.execute(
            "UPDATE roles_mission SET text = 'Texte changé' WHERE role_id = %s", [role.pk]
        )
    assert "Piloter la production" in sheet_html(client, role)
    bump_content_version()
    assert "Texte changé" in sheet_html(client, role)


def test_the_forms_are_rendered_for_each_request(client, role):
    first = client.get(role.get_absolute_url())
    client.cookies.clear()
    second = client.get(role.get_absolute_url())
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    assert 'name="csrfmiddlewaretoken"' in second.content.decode()


def test_editing_a_part_shows_at_once(client, role):
    sheet_html(client, role)
    mission = role.missions.get()
    mission.text = "Diriger les usines"
    mission.save()
    assert "Diriger les usines" in sheet_html(client, role)


def test_renaming_the_family_or_a_skill_shows_at_once(client, role):
    skill = make_skill(name="Lean")
    role.role_skills.create(skill=skill, order=1)
    sheet_html(client, role)
    role.family.name = "Opérations industrielles"
    role.family.save()
    skill.name = "Lean management"
    skill.save()
    html = sheet_html(client, role)
    assert "Opérations industrielles" in html and "Lean management" in html


def test_tags_and_related_sheets_show_at_once(client, role):
    sheet_html(client, role)
    other = make_role(title="Directeur d'usine", family=role.family)
    role.related_roles.add(other)
    assert "Directeur d&#x27;usine" in sheet_html(client, role)


def test_a_bulk_unpublish_in_the_admin_removes_the_related_link(editor_client, role):
    other = make_role(title="Responsable qualité", family=make_family())
    role.related_roles.add(other)
    assert "Responsable qualité" in sheet_html(editor_client, role)
    editor_client.post(
        "/admin/roles/role/", {"action": "unpublish", "_selected_action": [other.pk]}
    )
    assert "Responsable qualité" not in sheet_html(editor_client, role)


def test_loaddata_shows_at_once(client, role, tmp_path):
    sheet_html(client, role)
    fixture = tmp_path / "change.json"
    record = {"model": "roles.mission", "pk": role.missions.get().pk}
    record["fields"] = {"role": role.pk, "text": "Texte chargé", "order": 1, "scope": "core"}
    fixture.write_text(json.dumps([record]))
    call_command("loaddata", str(fixture), verbosity=0)
    assert "Texte chargé" in sheet_html(client, role)


def test_an_approved_comment_shows_at_once(client, role):
    sheet_html(client, role)
    make_comment(role, text="Un témoignage précieux.")
    assert "Un témoignage précieux." in sheet_html(client, role)


def test_a_deleted_sheet_disappears_from_its_neighbours(client, role):
    other = make_role(title="Chef de projet", family=role.family)
    role.related_roles.add(other)
    assert "Chef de projet" in sheet_html(client, role)
    Role.objects.filter(pk=other.pk).delete()
    assert "Chef de projet" not in sheet_html(client, role)


def test_a_cached_sheet_loads_none_of_its_parts(client, role, django_assert_max_num_queries):
    fill_sheet(role, size=3)
    sheet_html(client, role)
    # The content version behind the ETag and the cache key, the sheet, its comments (2).
    with django_assert_max_num_queries(5):
        html = sheet_html(client, role)
    assert "Mission contextuelle 2" in html and "Poste suivant 2" in html
