"""Search engines: titles, descriptions, canonical and social tags, sitemap, robots."""

import re
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path

import pytest
import xmlschema
from django.test import override_settings
from django.utils import timezone

from .factories import make_draft, make_role

pytestmark = pytest.mark.django_db

INTERNAL_LINK = re.compile(r'href="(/[^"#]*)"')
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
SITEMAP_SCHEMA = xmlschema.XMLSchema(Path(__file__).parent / "data" / "sitemap-0.9.xsd")
NOINDEX = re.compile(r'<meta name="robots" content="noindex')


def head_tag(html, pattern):
    match = re.search(pattern, html)
    return unescape(match.group(1)) if match else None


def head_of(html):
    return {
        "title": head_tag(html, r"<title>(.*?)</title>"),
        "description": head_tag(html, r'<meta name="description" content="([^"]*)"'),
        "canonical": head_tag(html, r'<link rel="canonical" href="([^"]*)"'),
        "og:title": head_tag(html, r'<meta property="og:title" content="([^"]*)"'),
        "og:description": head_tag(html, r'<meta property="og:description" content="([^"]*)"'),
        "og:url": head_tag(html, r'<meta property="og:url" content="([^"]*)"'),
        "twitter:card": head_tag(html, r'<meta name="twitter:card" content="([^"]*)"'),
        "twitter:title": head_tag(html, r'<meta name="twitter:title" content="([^"]*)"'),
    }


def crawl_html_pages(client):
    """Every HTML page reachable from the home page, by canonical URL."""
    to_visit, seen, pages = ["/"], set(), {}
    while to_visit:
        url = to_visit.pop()
        if url in seen or url.startswith(("/admin/", "/static/", "/flux/atom", "/flux/rss")):
            continue
        seen.add(url)
        response = client.get(unescape(url))
        if not response["Content-Type"].startswith("text/html"):
            continue
        html = response.content.decode()
        pages[url] = html
        to_visit.extend(INTERNAL_LINK.findall(html))
    return pages


def test_every_page_has_its_own_title_description_and_social_tags(client, fixture_sheets):
    pages = crawl_html_pages(client)
    assert len(pages) > 40
    by_canonical = {}
    for url, html in pages.items():
        head = head_of(html)
        assert '<html lang="fr">' in html, url
        assert all(head.values()), (url, head)
        assert head["title"].startswith(head["og:title"]) and head["twitter:title"]
        assert head["description"] == head["og:description"]
        assert head["canonical"] == head["og:url"]
        assert head["twitter:card"] == "summary"
        by_canonical[head["canonical"]] = head
    titles = [head["title"] for head in by_canonical.values()]
    descriptions = [head["description"] for head in by_canonical.values()]
    assert len(set(titles)) == len(titles)
    assert len(set(descriptions)) == len(descriptions)


def test_absolute_urls_come_from_site_url_not_the_host_header(client, settings):
    settings.SITE_URL = "https://www.promel.example"
    role = make_role(slug="directeur-commercial")
    html = client.get(role.get_absolute_url(), HTTP_HOST="localhost").content.decode()
    head = head_of(html)
    assert head["canonical"] == "https://www.promel.example/metiers/directeur-commercial/"
    assert "localhost" not in html and "testserver" not in html
    assert 'href="https://www.promel.example/flux/atom/"' in html


def test_canonical_url_drops_filters_but_keeps_the_page_number(client, settings):
    for _ in range(settings.ROLES_PER_PAGE + 1):
        make_role()
    head = head_of(client.get("/metiers/?page=2&ordre=alpha").content.decode())
    assert head["canonical"] == f"{settings.SITE_URL}/metiers/?page=2"
    assert "page 2" in head["title"]
    head = head_of(client.get("/metiers/?page=abc").content.decode())
    assert head["canonical"] == f"{settings.SITE_URL}/metiers/"


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.findtext("s:loc", namespaces=SITEMAP_NS): url.findtext(
            "s:lastmod", namespaces=SITEMAP_NS
        )
        for url in root.findall("s:url", SITEMAP_NS)
    }


def test_sitemap_lists_every_indexable_page_and_nothing_else(client, fixture_sheets, settings):
    make_draft(slug="brouillon")
    indexable = {
        head_of(html)["canonical"]
        for html in crawl_html_pages(client).values()
        if not NOINDEX.search(html)
    }
    entries = sitemap_entries(client)
    assert set(entries) == indexable
    site = settings.SITE_URL
    for role in fixture_sheets:
        assert (
            entries[site + role.get_absolute_url()]
            == timezone.localdate(role.updated_at).isoformat()
        )
    assert site + "/metiers/brouillon/" not in entries
    for path in ["/tags/negociation/", "/parcours/", "/salaires/", "/flux/", "/contact/"]:
        assert site + path in entries, path
    assert entries[site + "/tags/negociation/"]  # dated by its latest sheet


def test_sitemap_is_valid_against_the_sitemaps_org_schema(client, fixture_sheets):
    response = client.get("/sitemap.xml")
    assert response["Content-Type"].startswith("application/xml")
    SITEMAP_SCHEMA.validate(response.content.decode())
    broken = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><lastmod>hier</lastmod></url></urlset>'
    assert not SITEMAP_SCHEMA.is_valid(broken)


def test_sitemap_dates_a_family_by_its_latest_public_sheet(client, settings):
    role = make_role()
    make_draft(family=role.family)  # a later, unpublished change does not count
    entries = sitemap_entries(client)
    assert entries[settings.SITE_URL + role.family.get_absolute_url()] == (
        timezone.localdate(role.updated_at).isoformat()  # the day in Paris
    )


def test_robots_txt_points_to_the_sitemap_and_hides_the_admin(client, settings):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in text
    assert "User-agent: *" in text
    assert "admin" not in text


def test_internal_search_is_crawlable_and_says_noindex(client, fixture_sheets):
    """One choice: a crawler may fetch the results, and so reads that they are not to index."""
    rules = client.get("/robots.txt").content.decode()
    assert not re.search(r"^Disallow: /.+", rules, re.M)
    assert NOINDEX.search(client.get("/recherche/?q=directeur").content.decode())


@pytest.mark.urls("tests.urls_custom_admin")
def test_robots_txt_does_not_reveal_a_custom_admin_path(client):
    text = client.get("/robots.txt").content.decode()
    assert "gestion-interne" not in text
    assert client.get("/gestion-interne/login/")["X-Robots-Tag"] == "noindex, nofollow"


def test_admin_pages_ask_not_to_be_indexed(client, editor_client):
    assert client.get("/admin/login/")["X-Robots-Tag"] == "noindex, nofollow"
    assert editor_client.get("/admin/roles/role/")["X-Robots-Tag"] == "noindex, nofollow"
    assert "X-Robots-Tag" not in client.get("/")


@override_settings(SITE_URL="https://www.promel.example")
def test_sitemap_uses_site_url(client):
    role = make_role(slug="coo")
    entries = sitemap_entries(client)
    assert "https://www.promel.example/metiers/coo/" in entries
    assert all(url.startswith("https://www.promel.example/") for url in entries), role
