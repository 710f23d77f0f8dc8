"""Security headers on every response, for visitors and in the admin."""

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

PAGES = ["/", "/metiers/", "/metiers/coo/", "/contact/", "/page-qui-n-existe-pas/", "/admin/login/"]


def directives(policy):
    parts = (part.strip().split() for part in policy.split(";") if part.strip())
    return {name: values for name, *values in parts}


@pytest.mark.parametrize("url", PAGES)
def test_every_response_carries_the_security_headers(client, fixture_sheets, url):
    response = client.get(url)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Request-ID"]


@pytest.mark.parametrize("url", PAGES)
def test_content_security_policy_allows_nothing_inline_or_foreign(client, fixture_sheets, url):
    policy = client.get(url)["Content-Security-Policy"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    rules = directives(policy)
    assert rules["object-src"] == ["'none'"]
    assert rules["base-uri"] == ["'none'"]
    assert rules["frame-ancestors"] == ["'none'"]
    for values in rules.values():
        # No origin but our own: no host, no scheme-wide source except data: images.
        assert all(v.startswith("'") or v == "data:" for v in values), values


def test_pages_have_no_inline_style_or_script(client, fixture_sheets):
    """What CSP would block: style attributes, <style>, executable inline <script>."""
    for url in PAGES[:-1]:
        html = client.get(url).content.decode()
        assert " style=" not in html and "<style" not in html, url
        for chunk in html.split("<script")[1:]:
            tag = chunk.split(">", 1)[0]
            assert "src=" in tag or "application/ld+json" in tag or "application/json" in tag


def test_a_request_id_from_the_proxy_is_kept_and_a_forged_one_replaced(client, db):
    assert client.get("/", headers={"X-Request-ID": "abc123def456"})["X-Request-ID"] == (
        "abc123def456"
    )
    replaced = client.get("/", headers={"X-Request-ID": "<script>\n"})["X-Request-ID"]
    assert len(replaced) == 32 and replaced.isalnum()


def test_no_debug_page_reaches_a_visitor(client, db, settings):
    assert settings.DEBUG is False
    response = client.get("/metiers/inexistant/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Traceback" not in body and "SECRET_KEY" not in body and "urlpatterns" not in body


def test_no_template_carries_inline_styles_or_scripts_the_policy_would_block():
    templates = Path(__file__).resolve().parent.parent / "templates"
    for template in templates.rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"\sstyle=\"|<style", text), template
        scripts = re.findall(r"<script[^>]*>", text)
        assert all("src=" in s or "application/ld+json" in s for s in scripts), template
