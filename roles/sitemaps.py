"""The sitemap: every public page worth indexing, with absolute URLs from SITE_URL."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from taggit.models import Tag

from .models import Family, Role, Sector, Skill
from .models.collation import french


class SiteUrlSitemap(Sitemap):
    """Builds URLs from SITE_URL instead of the Sites framework or the request's host."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        parts = urlsplit(settings.SITE_URL)
        return parts.netloc + parts.path.rstrip("/")


class SheetSitemap(SiteUrlSitemap):
    def items(self):
        return Role.objects.published().order_by("sort_title")

    def lastmod(self, role):
        # A scheduled sheet appears on its publication date, after its last edit.
        return max(role.updated_at, role.published_at)


class VocabularySitemap(SiteUrlSitemap):
    """Family, skill or sector pages with public sheets, dated by their latest sheet."""

    model = None

    def items(self):
        return self.model.objects.for_sitemap()

    def lastmod(self, entry):
        return entry.last_modified


class FamilySitemap(VocabularySitemap):
    model = Family


class SkillSitemap(VocabularySitemap):
    model = Skill


class SectorSitemap(VocabularySitemap):
    model = Sector


class TagSitemap(SiteUrlSitemap):
    """Tag pages of the public sheets, dated by their latest sheet."""

    def items(self):
        public = Tag.objects.filter(role__in=Role.objects.published())
        return public.annotate(last_modified=Max("role__updated_at")).order_by(french("name"))

    def location(self, tag):
        return reverse("roles:tag_detail", args=[tag.slug])

    def lastmod(self, tag):
        return tag.last_modified


class IndexPagesSitemap(SiteUrlSitemap):
    """Every page with a fixed address that search engines may index (not search results,
    comparisons or job-ad drafts, which carry noindex)."""

    def items(self):
        return [
            "roles:home",
            "roles:role_list",
            "roles:family_list",
            "roles:skill_list",
            "roles:sector_list",
            "roles:career_map",
            "roles:pathfinder",
            "roles:salary_comparison",
            "roles:feeds",
            "roles:open_data",
            "visitors:contact",
            "roles:privacy",
            "roles:legal_notice",
        ]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": IndexPagesSitemap,
    "metiers": SheetSitemap,
    "familles": FamilySitemap,
    "competences": SkillSitemap,
    "secteurs": SectorSitemap,
    "etiquettes": TagSitemap,
}
