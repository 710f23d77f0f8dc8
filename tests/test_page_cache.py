"""Shared caches keep the pages without forms; the sheet caches its content, never stale."""

import json
import re
import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone
from roles.page_cache import bump_content_version

from roles import antispam
from roles.models import Mission, Role

from .factories import fill_sheet, make_comment, make_family, make_role, make_skill
from .visitors import comment_data

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


# The sheet page, whole, is shared by anonymous visitors: only its tokens are per response.

TOKENS = re.compile(r'name="(csrfmiddlewaretoken|started)" value="([^"]+)"')


def tokens(html):
    return TOKENS.findall(html)


def test_anonymous_visitors_share_one_cached_page_with_their_own_tokens(
    role, django_assert_num_queries
):
    first = Client().get(role.get_absolute_url()).content.decode()
    with django_assert_num_queries(0):
        second = Client().get(role.get_absolute_url()).content.decode()
    # Two forms, each with its CSRF token and its start time: the same page, other tokens.
    assert [name for name, _ in tokens(second)] == ["csrfmiddlewaretoken", "started"] * 2
    assert tokens(first) != tokens(second)
    assert TOKENS.sub("", first) == TOKENS.sub("", second)
    assert "__promel" not in second


def test_a_form_from_the_cached_page_is_accepted(role, settings):
    settings.COMMENT_RATE = "1000/m"
    Client().get(role.get_absolute_url())  # caches the page
    visitor = Client(enforce_csrf_checks=True)
    html = visitor.get(role.get_absolute_url()).content.decode()
    csrf_token = dict(tokens(html))["csrfmiddlewaretoken"]
    data = comment_data(csrfmiddlewaretoken=csrf_token)
    response = visitor.post(f"{role.get_absolute_url()}commentaires/", data)
    assert response.status_code == 302
    assert role.comments.get().text == "Très utile, merci."


def test_the_form_start_time_is_that_of_each_response(client, role, monkeypatch):
    client.get(role.get_absolute_url())  # caches the page
    half_a_minute_later = time.time() + 30
    monkeypatch.setattr(antispam.time, "time", lambda: half_a_minute_later)
    html = client.get(role.get_absolute_url()).content.decode()
    started = [value for name, value in tokens(html) if name == "started"]
    assert len(started) == 2
    assert all(antispam.seconds_since(token) < 1 for token in started)


def test_a_scheduled_sheet_shows_up_on_time_in_a_cached_page(client, role, monkeypatch):
    later = make_role(title="Directeur de site", published_at=timezone.now() + timedelta(hours=1))
    role.related_roles.add(later)
    assert later.get_absolute_url() not in sheet_html(client, role)
    in_two_hours = timezone.now() + timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: in_two_hours)  # no edit, no signal
    assert later.get_absolute_url() in sheet_html(client, role)


def test_a_poster_sees_his_message_on_a_cached_page(client, role, settings):
    settings.COMMENT_RATE = "1000/m"
    Client().get(role.get_absolute_url())  # caches the page
    client.post(f"{role.get_absolute_url()}commentaires/", comment_data())
    assert "sera publié après relecture" in sheet_html(client, role)
    assert "sera publié après relecture" not in sheet_html(Client(), role)


def test_search_results_are_shared_and_follow_edits_at_once(
    client, role, django_assert_num_queries
):
    url = "/recherche/?q=production"
    assert role.title in client.get(url).content.decode()
    with django_assert_num_queries(0):
        assert role.title in Client().get(url).content.decode()
    mission = role.missions.get()
    mission.text = "Piloter les achats"
    mission.save()
    assert role.title not in client.get(url).content.decode()
