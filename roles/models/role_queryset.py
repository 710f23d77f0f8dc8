"""What is asked of the sheets: states, groups, and how much of each sheet a page loads."""

from datetime import timedelta

from django.conf import settings
from django.core.validators import slug_re
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.safestring import mark_safe
from taggit.models import Tag

from .. import crosswalks
from ..rendering import linked_sheet_slugs, render_markdown, unlink_sheets
from .collation import french
from .discovery import DiscoveryQuerySetMixin
from .search import SEARCH_FIELDS, SearchQuerySetMixin
from .vocabulary import SlugQuerySet

# Long texts no page shows for a sheet it only links to.
HEAVY_FIELDS = ["introduction", "introduction_html", "salary_note", *SEARCH_FIELDS]


class RoleQuerySet(SearchQuerySetMixin, DiscoveryQuerySetMixin, SlugQuerySet):
    def published(self, now=None):
        """Sheets the public may see: published, with a publication date already past (at
        `now`, the current time by default)."""
        now = now or timezone.now()
        return self.filter(status=self.model.Status.PUBLISHED, published_at__lte=now)

    def delete(self):
        from .parts import CareerMove

        CareerMove.objects.detach_from(self)
        return super().delete()

    def with_codes(self):
        """Sheets carrying at least one official code."""
        return self.exclude(rome_code=None, isco_code=None, esco_uri=None, onet_code=None)

    def drafts(self):
        return self.filter(status=self.model.Status.DRAFT)

    def scheduled(self):
        """Published sheets whose publication date is still to come."""
        return self.filter(status=self.model.Status.PUBLISHED, published_at__gt=timezone.now())

    def stale(self):
        """Sheets never reviewed, or not for REVIEW_STALE_AFTER_DAYS."""
        return self.filter(Q(reviewed_at__isnull=True) | Q(reviewed_at__lt=stale_before()))

    def reviewed(self):
        return self.filter(reviewed_at__gte=stale_before())

    def public_slugs_among(self, slugs):
        """Which of these slugs lead to a public sheet, directly or by a former address."""
        rows = self.published().filter(Q(slug__in=slugs) | Q(old_slugs__slug__in=slugs))
        found = set()
        for slug, old_slug in rows.values_list("slug", "old_slugs__slug"):
            found.update({slug, old_slug})
        return found & set(slugs)

    def with_public_sheet_links(self, html):
        """Sanitised HTML whose links to sheets the public cannot open are plain text."""
        slugs = linked_sheet_slugs(html)
        if not slugs:  # a query only when the text links to sheets
            return html
        return unlink_sheets(html, slugs - self.public_slugs_among(slugs))

    def markdown_html(self, text):
        """An editor's Markdown as safe HTML, links to sheets the public cannot open unlinked."""
        html = self.with_public_sheet_links(render_markdown(text))
        return mark_safe(html)  # noqa: S308 - sanitised by nh3 in render_markdown

    def visible_to(self, user):
        """Everything for editors (drafts show with a banner), published sheets for others."""
        return self if user.has_perm("roles.view_role") else self.published()

    def with_slug(self, text):
        """The sheet whose slug is this text, or None; text that is no slug finds nothing."""
        if not slug_re.fullmatch(text):  # NUL bytes and the like never reach the database
            return None
        return self.filter(slug=text).first()

    def featured(self):
        return self.filter(is_featured=True).for_list()

    def in_groups(self, family=None, sector=None, tag=None):
        """Sheets of this family, sector and tag; a group left out (None) does not filter."""
        roles = self
        if family:
            roles = roles.filter(family=family)
        if sector:
            roles = roles.filter(sectors=sector)
        if tag:
            roles = roles.filter(tags=tag)
        return roles

    def requiring(self, skill):
        return self.filter(role_skills__skill=skill)

    def used_tags(self):
        """The tags of these sheets, by name."""
        return Tag.objects.filter(role__in=self).distinct().order_by(french("name"))

    def for_list(self):
        """Sheets as cards: the family, without the long texts cards never show."""
        return (
            self.select_related("family")
            .defer(*HEAVY_FIELDS)
            .order_by("family__order", "family__name", "sort_title")
        )

    def for_detail(self):
        """One sheet with every section, in a fixed number of queries."""
        return self._with_parts(related=self.model.objects.published()).defer(*SEARCH_FIELDS)

    def for_export(self):
        """Like for_detail(), with every related sheet whatever its status."""
        return self._with_parts(related=self.model.objects.all())

    def _with_parts(self, related):
        from .parts import CareerMove, RoleSkill, Salary

        return self.select_related(
            "family", "reviewed_by__editor_profile", *crosswalks.CODE_FIELDS
        ).prefetch_related(
            "missions",
            Prefetch("role_skills", queryset=RoleSkill.objects.select_related("skill")),
            "training_paths",
            Prefetch("incoming_moves", queryset=CareerMove.objects.with_sheet_at("from_role")),
            Prefetch("outgoing_moves", queryset=CareerMove.objects.with_sheet_at("to_role")),
            Prefetch("salaries", queryset=Salary.objects.select_related("sector")),
            "sectors",
            Prefetch("related_roles", queryset=related.defer(*HEAVY_FIELDS).order_by("sort_title")),
            "tags",
        )

    def for_completeness(self):
        """Sheets with every part and every link, drafts included, for roles.completeness."""
        return self.for_export()


def stale_before():
    """Reviews older than this are stale."""
    return timezone.now() - timedelta(days=settings.REVIEW_STALE_AFTER_DAYS)
