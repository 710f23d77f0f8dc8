"""Atom and RSS feeds of new and updated sheets; every link absolute, from SITE_URL."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape

from .links import absolute
from .models import Role

FEED_SIZE = 30


# Summaries are the editors' plain text: feed readers must show them as text, never as markup.
class TextSummaryRssFeed(Rss201rev2Feed):
    """RSS readers read <description> as HTML: escaped, the text shows as typed."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": escape(item["description"])})


class TextSummaryAtomFeed(Atom1Feed):
    """Atom says what its summary is: type="text" (Django writes "html")."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        handler.addQuickElement("summary", item["description"], {"type": "text"})


class LatestSheetsFeed(Feed):
    """RSS 2.0: the last published or updated sheets, most recent first."""

    title = "Promel\u00a0: fiches métiers nouvelles et mises à jour"
    description = (
        "Les dernières fiches métiers publiées ou mises à jour\u00a0: missions, compétences, "
        "formations, évolutions de carrière et salaires."
    )
    language = "fr"
    url_name = "roles:feed_rss"
    feed_type = TextSummaryRssFeed

    def link(self):
        return absolute(reverse("roles:role_list"))

    def feed_url(self):
        return absolute(reverse(self.url_name))

    def items(self):
        return Role.objects.published().select_related("family").order_by("-updated_at")[:FEED_SIZE]

    def item_title(self, role):
        return role.title

    def item_description(self, role):
        return role.summary

    def item_link(self, role):
        return absolute(role.get_absolute_url())

    def item_guid(self, role):
        return absolute(role.get_absolute_url())

    def item_pubdate(self, role):
        return role.published_at

    def item_updateddate(self, role):
        return role.updated_at

    def item_categories(self, role):
        return [role.family.name]

    def item_author_name(self, role):
        return "Promel"


class LatestSheetsAtomFeed(LatestSheetsFeed):
    feed_type = TextSummaryAtomFeed
    subtitle = LatestSheetsFeed.description
    url_name = "roles:feed_atom"
