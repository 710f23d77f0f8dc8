"""Every anonymous GET is one shared document, revalidated by one content version."""

import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from taggit.models import Tag

from roles.models import Mission, Role
from roles.visitors.models import Comment

from .factories import make_comment, make_family, make_role, make_sector, make_skill
from .visitors import comment_data

pytestmark = pytest.mark.django_db

# One page of each kind a visitor reads.
PUBLIC_PAGES = [
    "/",
    "/metiers/",
    "/metiers/?ordre=alpha",
    "/metiers/coo/",
    "/metiers/coo/?reponse_a=1",
    "/metiers/coo/offre-d-emploi/",
    "/familles/",
    "/familles/direction-generale/",
    "/competences/",
    "/competences/negociation-commerciale/",
    "/secteurs/",
    "/secteurs/industrie/",
    "/tags/negociation/",
    "/recherche/?q=directeur",
    "/comparer/?metiers=coo,directeur-commercial",
    "/parcours/",
    "/salaires/",
    "/contact/",
    "/donnees-ouvertes/",
    "/mentions-legales/",
    "/api/metiers/",
    "/api/metiers/coo/",
    "/flux/atom/",
    "/flux/rss/",
    "/sitemap.xml",
]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_two_anonymous_visitors_get_the_same_public_bytes(fixture_sheets, url):
    first, second = Client().get(url), Client().get(url)
    assert first.status_code == 200
    assert first.content == second.content
    assert first["Cache-Control"] == "public, max-age=60"
    assert first["ETag"] == second["ETag"] and first["Last-Modified"]
    assert not first.cookies and "Set-Cookie" not in first
    assert "cookie" not in first.get("Vary", "").lower()


def test_the_sheet_forms_carry_no_per_visitor_value(fixture_sheets):
    html = Client().get("/metiers/coo/").content.decode()
    assert "csrfmiddlewaretoken" not in html and 'name="started"' not in html
    assert html.count('method="post"') == 2


@pytest.mark.parametrize("url", ["/metiers/coo/", "/api/metiers/coo/", "/api/metiers/"])
def test_an_unchanged_document_answers_304_before_its_view_runs(
    client, fixture_sheets, url, django_assert_num_queries
):
    first = client.get(url)
    with django_assert_num_queries(1):  # the content version
        again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"] and "public" in again["Cache-Control"]
    since = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


def test_an_editor_gets_private_pages(editor_client, fixture_sheets):
    for url in ["/", "/metiers/coo/", "/api/metiers/coo/"]:
        response = editor_client.get(url)
        assert response["Cache-Control"] == "private, no-cache" and "ETag" not in response


def test_a_pending_message_makes_the_page_private(client, fixture_sheets, settings):
    settings.COMMENT_RATE = "1000/m"
    client.post("/metiers/coo/commentaires/", comment_data())
    response = client.get("/metiers/coo/")
    assert "sera publié après relecture" in response.content.decode()
    assert "public" not in response["Cache-Control"]
    assert "sera publié après relecture" not in Client().get("/metiers/coo/").content.decode()


@pytest.mark.parametrize("url", ["/familles/inconnue/", "/apercu/1/", "/sante/", "/admin/login/"])
def test_errors_the_preview_the_health_check_and_the_admin_are_never_public(client, db, url):
    response = client.get(url)
    assert "public" not in response.get("Cache-Control", "") and "ETag" not in response


def test_a_visitor_text_is_never_replaced_in_a_page(client, db):
    html = client.get("/recherche/?q=__promel_csrf_token__").content.decode()
    assert "__promel_csrf_token__" in html


# The content version: every change a public page shows changes the validators.

SHOWN_ON = ["/metiers/coo/", "/metiers/", "/api/metiers/coo/"]


@pytest.fixture
def role():
    role = make_role(slug="coo", title="Directeur des opérations")
    Mission.objects.create(role=role, text="Piloter la production", order=1)
    role.role_skills.create(skill=make_skill(name="Lean"), order=1)
    role.sectors.add(make_sector(name="Industrie"))
    role.tags.add("excellence opérationnelle")
    return role


def etags(client):
    return {url: client.get(url)["ETag"] for url in SHOWN_ON}


def rename_family(role):
    role.family.name = "Opérations industrielles"
    role.family.save()


def rename_skill(role):
    skill = role.role_skills.get().skill
    skill.name = "Lean management"
    skill.save()


def rename_sector(role):
    sector = role.sectors.get()
    sector.name = "Industrie lourde"
    sector.save()


def rename_tag(role):
    tag = Tag.objects.get(name="excellence opérationnelle")
    tag.name = "performance industrielle"
    tag.save()


def approve_comment(role):
    comment = make_comment(role, text="Un témoignage précieux.", status=Comment.Status.PENDING)
    comment.status = Comment.Status.APPROVED
    comment.save()


def edit_mission(role):
    Mission.objects.filter(role=role).update(text="x")  # no signal: nothing may change…
    mission = role.missions.get()
    mission.text = "Diriger les usines"
    mission.save()  # …until a save


def relate_a_sheet(role):
    role.related_roles.add(make_role(title="Directeur d’usine", family=role.family))


CHANGES = [
    rename_family,
    rename_skill,
    rename_sector,
    rename_tag,
    approve_comment,
    edit_mission,
    relate_a_sheet,
]


@pytest.mark.parametrize("change", CHANGES)
def test_a_change_shown_on_public_pages_changes_their_etag(client, role, change):
    before = etags(client)
    change(role)
    for url, etag in before.items():
        response = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 200, f"stale 304 on {url} after {change.__name__}"


@pytest.mark.parametrize("change", [rename_family, rename_skill, rename_sector, rename_tag])
def test_a_renamed_vocabulary_entry_shows_on_the_sheet_at_once(client, role, change):
    client.get("/metiers/coo/")
    change(role)
    html = client.get("/metiers/coo/").content.decode()
    new_names = ["Opérations industrielles", "Lean management", "Industrie lourde"]
    assert any(name in html for name in [*new_names, "performance industrielle"])


def test_loaddata_changes_the_version(client, role, tmp_path):
    etag = client.get("/metiers/coo/")["ETag"]
    record = {"model": "roles.mission", "pk": role.missions.get().pk}
    record["fields"] = {"role": role.pk, "text": "Texte chargé", "order": 1, "scope": "core"}
    fixture = tmp_path / "change.json"
    fixture.write_text(json.dumps([record]))
    call_command("loaddata", str(fixture), verbosity=0)
    response = client.get("/metiers/coo/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and "Texte chargé" in response.content.decode()


def test_a_bulk_unpublish_in_the_admin_changes_the_version(editor_client, role):
    other = make_role(title="Responsable qualité", family=make_family())
    role.related_roles.add(other)
    etag = Client().get("/metiers/coo/")["ETag"]
    editor_client.post(
        "/admin/roles/role/", {"action": "unpublish", "_selected_action": [other.pk]}
    )
    response = Client().get("/metiers/coo/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and "Responsable qualité" not in response.content.decode()


def test_a_deleted_sheet_disappears_from_its_neighbours(client, role):
    other = make_role(title="Chef de projet", family=role.family)
    role.related_roles.add(other)
    etag = client.get("/metiers/coo/")["ETag"]
    Role.objects.filter(pk=other.pk).delete()
    response = client.get("/metiers/coo/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and "Chef de projet" not in response.content.decode()


def test_a_scheduled_sheet_appears_at_its_time_with_no_edit(client, role, monkeypatch):
    later = make_role(title="Directeur de site", published_at=timezone.now() + timedelta(hours=1))
    role.related_roles.add(later)
    first = client.get("/metiers/coo/")
    assert later.get_absolute_url() not in first.content.decode()
    in_two_hours = timezone.now() + timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: in_two_hours)  # no edit, no signal
    response = client.get("/metiers/coo/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 200 and later.get_absolute_url() in response.content.decode()


def test_what_visitors_send_leaves_the_version_alone(client, role, settings):
    from .visitors import request_data

    settings.CONTACT_RATE = "1000/m"
    etag = client.get("/metiers/coo/")["ETag"]
    assert client.post("/contact/", request_data()).status_code == 302
    assert client.get("/metiers/coo/", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_a_recruiter_note_leaves_the_version_alone(client, role, editor):
    from roles.visitors.models import RequestNote

    from .factories import make_request

    etag = client.get("/metiers/coo/")["ETag"]
    RequestNote.objects.create(request=make_request(), author=editor, text="Rappelée ce matin.")
    assert client.get("/metiers/coo/", HTTP_IF_NONE_MATCH=etag).status_code == 304
