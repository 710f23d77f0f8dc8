"""Bots and attackers get nothing through; people always do."""

from html.parser import HTMLParser

import pytest
from django.core import mail
from django.test import RequestFactory

from promel.limits import client_ip
from roles.visitors.models import Comment, RecruitmentRequest

from .factories import make_comment, make_request, make_role
from .test_views import page
from .visitors import comment_data, request_data

pytestmark = pytest.mark.django_db

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "javascript:alert(1)",
    "'><a href=javascript:alert(1)>x</a>",
]


class ActiveContent(HTMLParser):
    """Collects what a browser would run of the payloads: scripts, handlers, javascript: URLs."""

    URL_ATTRIBUTES = {"href", "src", "action", "formaction"}

    def __init__(self, html):
        super().__init__()
        self.found = []
        self.in_script = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.in_script = tag == "script"
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on") and "alert" in value:
                self.found.append(f"{tag}[{name}]")
            if name in self.URL_ATTRIBUTES and value.startswith("javascript:"):
                self.found.append(f"{tag}[{name}]")

    def handle_data(self, data):
        if self.in_script and "alert(1)" in data:
            self.found.append("script")


def assert_inert(html, payload):
    assert payload not in html or "<" not in payload and '"' not in payload
    assert ActiveContent(html).found == []


class TestHoneypot:
    def test_a_bot_sees_the_thank_you_page_and_nothing_is_stored_or_sent(
        self, client, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/contact/", request_data(website="https://spam.example"))
        assert response["Location"] == "/contact/merci/"
        assert not RecruitmentRequest.objects.exists() and mail.outbox == []

    def test_a_bot_comment_is_dropped_as_if_held(self, client, django_capture_on_commit_callbacks):
        role = make_role()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                f"{role.get_absolute_url()}commentaires/", comment_data(website="x")
            )
        assert response.status_code == 302
        assert not Comment.objects.exists() and mail.outbox == []


class TestInvalidInput:
    @pytest.mark.parametrize("field", request_data().keys())
    def test_nul_bytes_in_any_request_field_never_give_a_server_error(self, client, field):
        response = client.post("/contact/", request_data(**{field: "a\x00b"}))
        assert response.status_code in (200, 302)
        # A checkbox counts as ticked whatever its value.
        assert not RecruitmentRequest.objects.exists() or field == "consent"

    @pytest.mark.parametrize("field", comment_data().keys())
    def test_nul_bytes_in_any_comment_field_never_give_a_server_error(self, client, field):
        role = make_role()
        url = f"{role.get_absolute_url()}commentaires/"
        response = client.post(url, comment_data(**{field: "a\x00b"}))
        assert response.status_code in (200, 302)
        assert not Comment.objects.exists()

    @pytest.mark.parametrize("query", ["metier=%00", "metier=" + "x" * 5000, "metier[]=a"])
    def test_odd_query_strings_show_the_plain_form(self, client, query):
        assert client.get(f"/contact/?{query}").status_code == 200

    def test_odd_reply_targets_show_the_sheet(self, client):
        role = make_role()
        assert client.get(f"{role.get_absolute_url()}?reponse_a=%00").status_code == 200

    def test_an_expired_admin_form_gets_a_french_page(self, client):
        csrf_client = client.__class__(enforce_csrf_checks=True)
        response = csrf_client.post("/admin/login/", {"username": "a", "password": "b"})
        assert response.status_code == 403
        assert "Votre formulaire a expiré" in response.content.decode()


class TestRateLimit:
    def test_over_the_rate_gets_a_french_429_and_creates_nothing(self, client, settings):
        settings.CONTACT_RATE = "2/10m"
        for _ in range(2):
            assert client.post("/contact/", request_data()).status_code == 302
        response = client.post("/contact/", request_data(email="autre@example.com"))
        assert response.status_code == 429
        assert "Trop de demandes en peu de temps" in response.content.decode()
        assert RecruitmentRequest.objects.count() == 2

    def test_a_person_correcting_mistakes_is_never_limited(self, client, settings):
        settings.CONTACT_RATE = "1/10m"
        for _ in range(3):
            assert client.post("/contact/", request_data(email="faute")).status_code == 200
        assert client.post("/contact/", request_data()).status_code == 302

    def test_one_comment_per_interval(self, client, settings):
        settings.COMMENT_RATE = "1/15s"
        role = make_role()
        url = f"{role.get_absolute_url()}commentaires/"
        assert client.post(url, comment_data()).status_code == 302
        assert client.post(url, comment_data(text="Un autre avis.")).status_code == 429
        assert Comment.objects.count() == 1

    def test_browsing_never_meets_the_limit(self, client, settings):
        settings.CONTACT_RATE = "1/10m"
        role = make_role()
        for _ in range(5):
            page(client, "/contact/")
            page(client, role.get_absolute_url())

    def test_a_forged_forwarded_header_does_not_escape_the_limit(self, client, settings):
        settings.CONTACT_RATE = "1/10m"
        client.post("/contact/", request_data(), HTTP_X_FORWARDED_FOR="10.0.0.1")
        response = client.post("/contact/", request_data(), HTTP_X_FORWARDED_FOR="10.0.0.2")
        assert response.status_code == 429

    def test_a_redis_outage_never_blocks_a_person(self, client, settings):
        settings.CACHES = {
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": "redis://127.0.0.1:9/0",
                "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1},
            }
        }
        assert client.post("/contact/", request_data()).status_code == 302
        assert RecruitmentRequest.objects.count() == 1


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "192.0.2.1"),
        (1, "198.51.100.7, 203.0.113.9", "203.0.113.9"),
        (2, "198.51.100.7, 203.0.113.9, 10.0.0.2", "203.0.113.9"),
        (2, "203.0.113.9", "192.0.2.1"),
    ],
)
def test_client_address_trusts_only_the_configured_proxies(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(None, request) == expected


class TestXss:
    @pytest.mark.parametrize("payload", XSS_PAYLOADS)
    def test_comments_show_payloads_inert(self, client, payload):
        role = make_role()
        make_comment(role, name=payload, text=f"Texte {payload} https://ex.example/{payload}")
        assert_inert(page(client, role.get_absolute_url()), payload)

    @pytest.mark.parametrize("payload", XSS_PAYLOADS)
    def test_requests_show_payloads_inert_to_recruiters(self, editor_client, payload):
        fields = ["name", "company", "job_title", "message"]
        lead = make_request(phone=payload[:30], **{field: payload for field in fields})
        lead.notes.create(text=payload)
        for url in [
            "/admin/visitors/recruitmentrequest/",
            f"/admin/visitors/recruitmentrequest/{lead.pk}/change/",
        ]:
            html = editor_client.get(url).content.decode()
            assert_inert(html, payload)

    @pytest.mark.parametrize("payload", XSS_PAYLOADS)
    def test_comments_show_payloads_inert_to_moderators(self, editor_client, payload):
        comment = make_comment(make_role(), name=payload[:80], text=payload)
        for url in ["/admin/visitors/comment/", f"/admin/visitors/comment/{comment.pk}/change/"]:
            assert_inert(editor_client.get(url).content.decode(), payload)

    @pytest.mark.parametrize("payload", XSS_PAYLOADS)
    def test_a_refused_form_shows_payloads_inert(self, client, payload):
        data = {field: payload for field in ["name", "company", "job_title", "phone", "message"]}
        response = client.post("/contact/", request_data(email=payload, **data))
        html = response.content.decode()
        assert response.status_code == 200
        assert_inert(html, payload)
