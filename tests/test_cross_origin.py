"""Public forms need no token: a cross-site post is refused, a same-origin one accepted."""

import pytest
from django.test import Client

from roles.visitors.models import Comment, RecruitmentRequest

from .factories import make_role
from .visitors import comment_data, request_data

pytestmark = pytest.mark.django_db

SITE = "http://testserver"
ELSEWHERE = "https://evil.example"


@pytest.fixture(autouse=True)
def generous_rates(settings):
    settings.CONTACT_RATE = settings.COMMENT_RATE = "1000/m"


@pytest.fixture
def role():
    return make_role(slug="coo")


def contact_page(role):
    return "/contact/", request_data(), RecruitmentRequest.objects


def sheet_recruitment_form(role):  # the sheet's own form posts to /contact/
    return "/contact/", request_data(role="coo"), RecruitmentRequest.objects


def comment_form(role):
    return f"/metiers/{role.slug}/commentaires/", comment_data(), Comment.objects


FORMS = [contact_page, sheet_recruitment_form, comment_form]

REFUSED_HEADERS = {
    "cross-site": {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": ELSEWHERE},
    "same-site, other origin": {
        "HTTP_SEC_FETCH_SITE": "same-site",
        "HTTP_ORIGIN": "http://blog.testserver",
    },
    "no fetch metadata, other origin": {"HTTP_ORIGIN": ELSEWHERE},
    "no fetch metadata, opaque origin": {"HTTP_ORIGIN": "null"},
}
ACCEPTED_HEADERS = {
    "same-origin": {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": SITE},
    "a person's own navigation": {"HTTP_SEC_FETCH_SITE": "none"},
    "no fetch metadata, own origin": {"HTTP_ORIGIN": SITE},
    "neither header (not a browser)": {},
}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("headers", REFUSED_HEADERS.values(), ids=REFUSED_HEADERS.keys())
def test_a_cross_origin_post_is_refused_and_stores_nothing(role, form, headers):
    url, data, stored = form(role)
    response = Client().post(url, data, **headers)
    html = response.content.decode()
    assert response.status_code == 403 and "Votre envoi a été refusé" in html
    assert response["Cache-Control"] == "no-store"
    assert not stored.exists()


@pytest.mark.parametrize("form", FORMS)
def test_a_refused_post_gives_back_what_was_typed(role, form):
    url, data, _ = form(role)
    response = Client().post(url, data, **REFUSED_HEADERS["cross-site"])
    html = response.content.decode()
    typed = data.get("message") or data["text"]
    assert typed.replace("'", "&#x27;") in html and data["email"] in html


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("headers", ACCEPTED_HEADERS.values(), ids=ACCEPTED_HEADERS.keys())
def test_a_same_origin_post_without_token_is_stored_once(role, form, headers):
    url, data, stored = form(role)
    visitor = Client(enforce_csrf_checks=True)  # Django's token check would refuse it
    response = visitor.post(url, data, **headers)
    assert response.status_code == 302
    assert stored.count() == 1


def test_a_trusted_origin_may_post(role, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://www.promel.example"]
    headers = {"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_ORIGIN": "https://www.promel.example"}
    assert Client().post("/contact/", request_data(), **headers).status_code == 302


def test_behind_the_tls_proxy_the_site_origin_is_https(role, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    proxied = {"HTTP_X_FORWARDED_PROTO": "https", "HTTP_HOST": "testserver"}
    accepted = Client().post(
        "/contact/", request_data(), HTTP_ORIGIN="https://testserver", **proxied
    )
    assert accepted.status_code == 302
    refused = Client().post("/contact/", request_data(), HTTP_ORIGIN=SITE, **proxied)
    assert refused.status_code == 403


def test_the_admin_keeps_django_token_check(editor):
    visitor = Client(enforce_csrf_checks=True)
    response = visitor.post(
        "/admin/login/",
        {"username": editor.username, "password": "x"},
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert response.status_code == 403 and "Votre formulaire a expiré" in response.content.decode()


def test_the_admin_refuses_a_cross_site_post_even_with_a_token(editor_client):
    response = editor_client.post(
        "/admin/roles/role/add/", {"title": "x"}, HTTP_SEC_FETCH_SITE="cross-site"
    )
    assert response.status_code == 403
