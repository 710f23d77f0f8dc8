"""Atom and RSS feeds of new and updated sheets."""

import re
import xml.etree.ElementTree as ET
from datetime import timedelta
from email.utils import parsedate_to_datetime

import feedparser
import pytest
from django.utils import timezone

from roles.models import Role

from .factories import make_draft, make_role

pytestmark = pytest.mark.django_db

ATOM = {"a": "http://www.w3.org/2005/Atom"}


def feed(client, url, content_type):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    return ET.fromstring(response.content)


def test_atom_feed_is_valid_and_lists_public_sheets_newest_first(client, settings):
    old = make_role(title="Ancienne fiche")
    new = make_role(title="Nouvelle fiche")
    Role.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=3))
    make_draft(title="Brouillon")
    make_role(title="Programmée", published_at=timezone.now() + timedelta(days=1))
    root = feed(client, "/flux/atom/", "application/atom+xml")
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    for name in ["title", "id", "updated"]:
        assert root.findtext(f"a:{name}", namespaces=ATOM), name
    self_link = root.find("a:link[@rel='self']", ATOM)
    assert self_link.get("href") == f"{settings.SITE_URL}/flux/atom/"
    entries = root.findall("a:entry", ATOM)
    assert [e.findtext("a:title", namespaces=ATOM) for e in entries] == [
        "Nouvelle fiche",
        "Ancienne fiche",
    ]
    for entry in entries:
        for name in ["title", "id", "updated", "summary"]:
            assert entry.findtext(f"a:{name}", namespaces=ATOM), name
        assert entry.find("a:link", ATOM).get("href").startswith(settings.SITE_URL + "/metiers/")
        assert entry.find("a:author/a:name", ATOM) is not None
    assert entries[0].find("a:link", ATOM).get("href") == settings.SITE_URL + new.get_absolute_url()


def test_rss_feed_is_valid_rss_2(client, settings):
    role = make_role(title="Directeur commercial", summary="Il dirige les ventes.")
    root = feed(client, "/flux/rss/", "application/rss+xml")
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    for name in ["title", "link", "description", "language", "lastBuildDate"]:
        assert channel.findtext(name), name
    [item] = channel.findall("item")
    assert item.findtext("title") == "Directeur commercial"
    assert item.findtext("link") == settings.SITE_URL + role.get_absolute_url()
    assert item.findtext("guid") == settings.SITE_URL + role.get_absolute_url()
    assert item.findtext("description") == "Il dirige les ventes."
    assert item.findtext("pubDate") and item.findtext("category") == role.family.name


def test_every_page_links_both_feeds_in_its_head(client, settings):
    role = make_role()
    for url in ["/", "/metiers/", role.get_absolute_url(), "/flux/"]:
        head = client.get(url).content.decode().split("</head>")[0]
        assert (
            f'type="application/atom+xml" title="Fiches métiers nouvelles et mises à jour (Atom)" '
            f'href="{settings.SITE_URL}/flux/atom/"' in head
        )
        assert 'type="application/rss+xml"' in head and f"{settings.SITE_URL}/flux/rss/" in head


def test_feed_page_offers_both_feeds(client):
    html = client.get("/flux/").content.decode()
    assert 'href="/flux/atom/"' in html and 'href="/flux/rss/"' in html


MARKUP = 'Pilote <b>tout</b> <img src="x" onerror="alert(1)"> & le reste'


def test_atom_summaries_are_text_never_markup(client):
    make_role(title="Fiche balisée", summary=MARKUP)
    (entry,) = feed(client, "/flux/atom/", "application/atom+xml").findall("a:entry", ATOM)
    summary = entry.find("a:summary", ATOM)
    assert summary.get("type") == "text"
    assert summary.text == MARKUP  # a reader shows these characters, renders nothing


def test_rss_descriptions_are_escaped_html_showing_the_text(client):
    make_role(title="Fiche balisée", summary=MARKUP)
    item = feed(client, "/flux/rss/", "application/rss+xml").find("channel/item")
    # RSS readers parse <description> as HTML: no tag may survive in it.
    description = item.findtext("description")
    assert "<" not in description
    assert description == MARKUP.replace("&", "&amp;").replace("<", "&lt;").replace(
        ">", "&gt;"
    ).replace('"', "&quot;")


RFC_3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$")


def validator_checks(response, url, settings):
    """The W3C feed validator's checks that apply to these feeds, on feedparser's reading."""
    assert response["Content-Type"].endswith("charset=utf-8")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")  # well-formed, known format
    feed = parsed.feed
    assert feed.title and feed.link.startswith(settings.SITE_URL)
    assert [link.href for link in feed.links if link.rel == "self"] == [settings.SITE_URL + url]
    ids = [entry.id for entry in parsed.entries]
    assert len(set(ids)) == len(ids) and all(i.startswith(settings.SITE_URL) for i in ids)
    for entry in parsed.entries:
        assert entry.title and entry.summary and entry.link.startswith(settings.SITE_URL)
        assert entry.get("author")
    return parsed


def test_the_feeds_pass_the_feed_validators_checks(client, settings):
    make_role(title="Directeur d’usine", summary="Il dirige l’usine\u00a0: production.")
    make_role(title="Chef de produit")
    atom = validator_checks(client.get("/flux/atom/"), "/flux/atom/", settings)
    assert atom.version == "atom10" and atom.feed.language == "fr"
    root = ET.fromstring(client.get("/flux/atom/").content)
    dates = [root.findtext("a:updated", namespaces=ATOM)]
    dates += [e.findtext("a:updated", namespaces=ATOM) for e in root.findall("a:entry", ATOM)]
    assert all(RFC_3339.match(moment) for moment in dates), dates
    rss = validator_checks(client.get("/flux/rss/"), "/flux/rss/", settings)
    assert rss.version == "rss20" and rss.feed.language == "fr"
    channel = ET.fromstring(client.get("/flux/rss/").content).find("channel")
    dates = [channel.findtext("lastBuildDate")]
    dates += [item.findtext("pubDate") for item in channel.findall("item")]
    assert all(parsedate_to_datetime(moment).tzinfo for moment in dates), dates  # RFC 822
    assert "Directeur d’usine" in [entry.title for entry in rss.entries]


@pytest.mark.parametrize("url", ["/flux/atom/", "/flux/rss/"])
def test_a_feed_reader_revalidating_gets_304_until_a_sheet_changes(client, url):
    role = make_role()
    first = client.get(url)
    assert first.status_code == 200 and "public" in first["Cache-Control"]
    etag, modified = first["ETag"], first["Last-Modified"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    unchanged = client.get(url, HTTP_IF_MODIFIED_SINCE=modified)
    assert unchanged.status_code == 304 and unchanged.content == b""
    Role.objects.get(pk=role.pk).save()  # an editor saves the sheet
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200
