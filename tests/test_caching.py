"""Conditional GET: unchanged sheets and API documents answer 304."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from .factories import make_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def role():
    return make_role(slug="coo")


@pytest.mark.parametrize("url", ["/metiers/coo/", "/api/metiers/coo/", "/api/metiers/"])
def test_an_unchanged_document_answers_304(client, role, url):
    client.get(url)  # a first visit to a page with forms sets the CSRF cookie
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    since = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


def test_last_modified_is_the_latest_content_change(client, role):
    response = client.get("/metiers/coo/")
    assert response["Last-Modified"] == role.updated_at.strftime("%a, %d %b %Y %H:%M:%S GMT")


@pytest.mark.parametrize("url", ["/metiers/coo/", "/api/metiers/coo/"])
def test_an_edit_changes_the_etag(client, role, url):
    client.get(url)
    etag = client.get(url)["ETag"]
    role.summary = "Un nouveau résumé."
    role.save()
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and "Un nouveau résumé." in response.content.decode()


def test_a_sheet_going_live_changes_the_pages_that_mention_it(client, role, monkeypatch):
    later = make_role(published_at=timezone.now() + timedelta(hours=1))
    role.related_roles.add(later)
    etag = client.get("/metiers/coo/")["ETag"]
    in_two_hours = timezone.now() + timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: in_two_hours)  # no edit, no signal
    response = client.get("/metiers/coo/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and later.title in response.content.decode()


def test_staff_and_visitors_do_not_share_a_version(editor_client, role):
    visitor_etag = Client().get("/metiers/coo/")["ETag"]
    assert editor_client.get("/metiers/coo/")["ETag"] != visitor_etag


def test_a_new_csrf_cookie_or_a_pending_message_gets_a_fresh_page(client, role, settings):
    etag = client.get("/metiers/coo/")["ETag"]
    for name in [settings.CSRF_COOKIE_NAME, "messages"]:
        client.cookies[name] = "nouvelle-valeur"
        assert client.get("/metiers/coo/", HTTP_IF_NONE_MATCH=etag).status_code == 200, name
